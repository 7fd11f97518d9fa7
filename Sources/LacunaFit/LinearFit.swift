/// Ordinary least-squares straight line `y = intercept + slope·x`.
///
/// Produced by ``fitLinear(x:y:)``. Units follow the data: `slope` is in
/// y-units per x-unit, `intercept` and `residuals` are in y-units, and
/// `rSquared` is dimensionless.
public struct LinearFit: Sendable, Equatable {
    /// Fitted slope, in y-units per x-unit.
    public var slope: Double
    /// Fitted intercept (value of y at x = 0), in y-units.
    public var intercept: Double
    /// Standard error of ``slope``; NaN when `pointCount == 2`
    /// (no residual degrees of freedom).
    public var slopeStandardError: Double
    /// Standard error of ``intercept``; NaN when `pointCount == 2`.
    public var interceptStandardError: Double
    /// Coefficient of determination, the squared Pearson correlation of x and y
    /// (0…1). NaN when all y are equal (zero total sum of squares).
    public var rSquared: Double
    /// Two-sided 95 % confidence interval of ``slope``
    /// (`slope ± t₀.₉₇₅,ₙ₋₂ · SE`); nil when `pointCount − 2 < 1`.
    public var slopeCI95: ClosedRange<Double>?
    /// Two-sided 95 % confidence interval of ``intercept``; nil when
    /// `pointCount − 2 < 1`.
    public var interceptCI95: ClosedRange<Double>?
    /// Number of (x, y) pairs used.
    public var pointCount: Int
    /// Residuals `yᵢ − (intercept + slope·xᵢ)` in input order, in y-units.
    public var residuals: [Double]
    /// Two-sided p value of the Wald t test of slope = 0 with n − 2 degrees of freedom
    /// (`scipy.stats.linregress`'s `pvalue`); NaN when `pointCount == 2`.
    public var slopePValue: Double = .nan
    /// Mean of x, in x-units.
    public var meanX: Double = .nan
    /// Sxx = Σ(xᵢ − x̄)², in x-units squared.
    public var sumOfSquaresX: Double = .nan
    /// Residual variance s² = SSE/(n − 2), in y-units squared; NaN when `pointCount == 2`.
    public var residualVariance: Double = .nan

    /// Residual degrees of freedom, n − 2.
    public var degreesOfFreedom: Int { pointCount - 2 }

    /// Sum of squared residuals, in y-units squared.
    public var sumOfSquaredResiduals: Double { residuals.reduce(0) { $0 + $1 * $1 } }
}

/// Fits `y = intercept + slope·x` by ordinary least squares.
///
/// Method: closed-form OLS with mean-centred sums Sxx, Sxy, Syy
/// (Press et al., *Numerical Recipes*, 3rd ed., §15.2; Draper & Smith,
/// *Applied Regression Analysis*, ch. 1). The residual variance is
/// s² = SSE / (n − 2); SE(slope) = √(s²/Sxx) and
/// SE(intercept) = √(s²·(1/n + x̄²/Sxx)). The 95 % intervals use Student's t
/// quantile at 0.975 with n − 2 degrees of freedom
/// (``StudentT/quantile(_:degreesOfFreedom:)``). Matches
/// `scipy.stats.linregress`.
///
/// - Parameters:
///   - x: Predictor values, any unit; at least two distinct values.
///   - y: Response values, same count as `x`.
/// - Returns: The fitted line with standard errors, intervals and residuals.
/// - Throws: ``FitError/lengthMismatch(x:y:)``,
///   ``FitError/tooFewPoints(count:required:)`` (fewer than 2 points),
///   ``FitError/nonFiniteValue(index:)``, ``FitError/constantPredictor``.
public func fitLinear(x: [Double], y: [Double]) throws(FitError) -> LinearFit {
    try FitInput.validatePairs(x: x, y: y)
    let firstX = x[0]
    guard x.contains(where: { $0 != firstX }) else { throw .constantPredictor }

    let count = x.count
    let n = Double(count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    for index in x.indices {
        let dx = x[index] - meanX
        let dy = y[index] - meanY
        sxx += dx * dx
        sxy += dx * dy
        syy += dy * dy
    }
    // Distinct x whose spread underflows to zero is numerically constant.
    guard sxx > 0 else { throw .constantPredictor }

    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    let residuals = x.indices.map { y[$0] - (intercept + slope * x[$0]) }
    let rSquared = syy > 0 ? min(1, sxy * sxy / (sxx * syy)) : .nan

    var fit = LinearFit(
        slope: slope, intercept: intercept,
        slopeStandardError: .nan, interceptStandardError: .nan,
        rSquared: rSquared, slopeCI95: nil, interceptCI95: nil,
        pointCount: count, residuals: residuals)

    fit.meanX = meanX
    fit.sumOfSquaresX = sxx
    let degreesOfFreedom = count - 2
    guard degreesOfFreedom >= 1 else { return fit }
    let sse = residuals.reduce(0) { $0 + $1 * $1 }
    let variance = sse / Double(degreesOfFreedom)
    fit.residualVariance = variance
    fit.slopeStandardError = (variance / sxx).squareRoot()
    fit.slopePValue = TTest(estimate: slope, hypothesised: 0, standardError: fit.slopeStandardError,
                            degreesOfFreedom: degreesOfFreedom).pValue
    fit.interceptStandardError = (variance * (1 / n + meanX * meanX / sxx)).squareRoot()
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(degreesOfFreedom))
    fit.slopeCI95 = symmetricInterval(center: slope, halfWidth: t * fit.slopeStandardError)
    fit.interceptCI95 = symmetricInterval(
        center: intercept, halfWidth: t * fit.interceptStandardError)
    return fit
}

/// `center ± halfWidth`, or nil when the bounds are not ordered (NaN).
func symmetricInterval(center: Double, halfWidth: Double) -> ClosedRange<Double>? {
    let lower = center - halfWidth
    let upper = center + halfWidth
    guard lower <= upper else { return nil }
    return lower...upper
}
