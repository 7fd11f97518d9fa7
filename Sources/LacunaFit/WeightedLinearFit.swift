/// Weighted least-squares line `y = intercept + slope·x`.
///
/// Produced by ``fitWeightedLinear(x:y:weights:)``. Two sets of standard errors are kept,
/// because the conventions differ between tools (scipy #6842, `curve_fit(absolute_sigma=…)`):
/// - *scaled* (the default ones): the covariance (XᵀWX)⁻¹ multiplied by the reduced χ²,
///   so only the relative weights matter — `curve_fit(absolute_sigma=False)`, Origin's
///   default; the 95 % intervals use these with Student's t at n − 2 degrees of freedom;
/// - *absolute*: (XᵀWX)⁻¹ itself, meaningful only when the weights are 1/σ² with σ known in
///   y-units — `curve_fit(absolute_sigma=True)`.
public struct WeightedLinearFit: Sendable, Equatable {
    /// Fitted slope, in y-units per x-unit.
    public var slope: Double
    /// Fitted intercept, in y-units.
    public var intercept: Double
    /// Scaled standard error of ``slope`` (NaN for two points).
    public var slopeStandardError: Double
    /// Scaled standard error of ``intercept`` (NaN for two points).
    public var interceptStandardError: Double
    /// Standard error of ``slope`` taking the weights as absolute 1/σ².
    public var slopeStandardErrorAbsolute: Double
    /// Standard error of ``intercept`` taking the weights as absolute 1/σ².
    public var interceptStandardErrorAbsolute: Double
    /// 95 % Student-t interval of ``slope`` from the scaled SE; nil for two points.
    public var slopeCI95: ClosedRange<Double>?
    /// 95 % Student-t interval of ``intercept`` from the scaled SE; nil for two points.
    public var interceptCI95: ClosedRange<Double>?
    /// χ² = Σ wᵢ·residualᵢ² (dimensionless when wᵢ = 1/σᵢ²).
    public var chiSquared: Double
    /// Unweighted residuals yᵢ − (intercept + slope·xᵢ), in y-units.
    public var residuals: [Double]
    /// The weights used, in input order.
    public var weights: [Double]
    /// Number of (x, y) pairs used.
    public var pointCount: Int

    /// Residual degrees of freedom, n − 2.
    public var degreesOfFreedom: Int { pointCount - 2 }

    /// χ²/(n − 2); ≈ 1 when the weights are 1/σ² and the σ explain the scatter. NaN for two
    /// points.
    public var reducedChiSquared: Double {
        degreesOfFreedom >= 1 ? chiSquared / Double(degreesOfFreedom) : .nan
    }
}

/// Fits `y = intercept + slope·x` minimising Σ wᵢ(yᵢ − intercept − slope·xᵢ)².
///
/// Method: weighted means x̄_w, ȳ_w and centred weighted sums, slope = S_xy/S_xx,
/// intercept = ȳ_w − slope·x̄_w; Var(slope) = 1/S_xx, Var(intercept) = 1/Σw + x̄_w²/S_xx
/// (absolute), times χ²/(n − 2) (scaled) (Bevington & Robinson, *Data Reduction and Error
/// Analysis*, 3rd ed., §6.4; Draper & Smith §9.2). Matches `scipy.optimize.curve_fit` with
/// `sigma = 1/√w`. O(n).
///
/// - Parameters:
///   - weights: Positive finite weights, e.g. 1/σᵢ² (the delta method gives σ(1/r) = σ_r/r²,
///     so w = r⁴/σ_r²) or r² for a constant relative error of r.
/// - Throws: ``FitError/lengthMismatch(x:y:)``, ``FitError/tooFewPoints(count:required:)``,
///   ``FitError/nonFiniteValue(index:)``, ``FitError/nonPositiveStandardError(index:value:)``
///   for a weight that is not positive and finite, ``FitError/constantPredictor``.
public func fitWeightedLinear(x: [Double], y: [Double], weights: [Double]) throws(FitError) -> WeightedLinearFit {
    try FitInput.validatePairs(x: x, y: y)
    guard weights.count == x.count else { throw .lengthMismatch(x: x.count, y: weights.count) }
    for (index, weight) in weights.enumerated() where !(weight.isFinite && weight > 0) {
        throw .nonPositiveStandardError(index: index, value: weight)
    }
    var sumW = 0.0
    var sumWX = 0.0
    var sumWY = 0.0
    for index in x.indices {
        sumW += weights[index]
        sumWX += weights[index] * x[index]
        sumWY += weights[index] * y[index]
    }
    let meanX = sumWX / sumW
    let meanY = sumWY / sumW
    var sxx = 0.0
    var sxy = 0.0
    for index in x.indices {
        let dx = x[index] - meanX
        sxx += weights[index] * dx * dx
        sxy += weights[index] * dx * (y[index] - meanY)
    }
    guard sxx > 0 else { throw .constantPredictor }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    let residuals = x.indices.map { y[$0] - (intercept + slope * x[$0]) }
    let chiSquared = x.indices.reduce(0.0) { $0 + weights[$1] * residuals[$1] * residuals[$1] }
    let slopeAbsolute = (1 / sxx).squareRoot()
    let interceptAbsolute = (1 / sumW + meanX * meanX / sxx).squareRoot()
    var fit = WeightedLinearFit(
        slope: slope, intercept: intercept, slopeStandardError: .nan, interceptStandardError: .nan,
        slopeStandardErrorAbsolute: slopeAbsolute, interceptStandardErrorAbsolute: interceptAbsolute,
        slopeCI95: nil, interceptCI95: nil, chiSquared: chiSquared, residuals: residuals,
        weights: weights, pointCount: x.count)
    guard fit.degreesOfFreedom >= 1 else { return fit }
    let scale = fit.reducedChiSquared.squareRoot()
    fit.slopeStandardError = slopeAbsolute * scale
    fit.interceptStandardError = interceptAbsolute * scale
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(fit.degreesOfFreedom))
    fit.slopeCI95 = symmetricInterval(center: slope, halfWidth: t * fit.slopeStandardError)
    fit.interceptCI95 = symmetricInterval(center: intercept, halfWidth: t * fit.interceptStandardError)
    return fit
}
