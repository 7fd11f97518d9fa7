extension LinearFit {
    /// The fitted value intercept + slope·x, in y-units.
    public func value(at x: Double) -> Double {
        intercept + slope * x
    }

    /// Two-sided 95 % confidence interval of the mean response at `x`:
    /// ŷ ± t₀.₉₇₅,ₙ₋₂ · s · √(1/n + (x − x̄)²/Sxx) (Draper & Smith, *Applied Regression
    /// Analysis*, 3rd ed., §3.1). Nil when there are no residual degrees of freedom.
    public func confidenceInterval95(at x: Double) -> ClosedRange<Double>? {
        interval(at: x, extra: 0)
    }

    /// Two-sided 95 % prediction interval of one new observation at `x`:
    /// ŷ ± t₀.₉₇₅,ₙ₋₂ · s · √(1 + 1/n + (x − x̄)²/Sxx) (Draper & Smith §3.1). Nil when there are
    /// no residual degrees of freedom.
    public func predictionInterval95(at x: Double) -> ClosedRange<Double>? {
        interval(at: x, extra: 1)
    }

    private func interval(at x: Double, extra: Double) -> ClosedRange<Double>? {
        guard degreesOfFreedom >= 1, residualVariance.isFinite else { return nil }
        let t = StudentT.quantile(0.975, degreesOfFreedom: Double(degreesOfFreedom))
        let spread = extra + 1 / Double(pointCount) + (x - meanX) * (x - meanX) / sumOfSquaresX
        return symmetricInterval(center: value(at: x), halfWidth: t * (residualVariance * spread).squareRoot())
    }
}
