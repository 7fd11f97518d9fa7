/// Straight line `y = intercept + slope·x` with errors in both variables (orthogonal distance
/// regression, ODR), for current densities that carry an uncertainty.
///
/// Produced by ``fitOrthogonalLinear(x:y:xStandardErrors:yStandardErrors:)``. As for
/// ``WeightedLinearFit``, the default standard errors are scaled by the residual variance —
/// scipy.odr's `sd_beta` = √diag(`cov_beta`·`res_var`) — and the unscaled ones
/// (√diag(`cov_beta`), the σ taken as absolute) are kept too (scipy #6842, PR #18458).
public struct OrthogonalLinearFit: Sendable, Equatable {
    /// Fitted slope, in y-units per x-unit.
    public var slope: Double
    /// Fitted intercept, in y-units.
    public var intercept: Double
    /// Standard error of ``slope`` scaled by ``residualVariance`` (scipy.odr `sd_beta`).
    public var slopeStandardError: Double
    /// Standard error of ``intercept`` scaled by ``residualVariance``.
    public var interceptStandardError: Double
    /// Standard error of ``slope`` with the σ taken as absolute (√ of scipy.odr `cov_beta`).
    public var slopeStandardErrorAbsolute: Double
    /// Standard error of ``intercept`` with the σ taken as absolute.
    public var interceptStandardErrorAbsolute: Double
    /// 95 % Student-t interval (n − 2 d.o.f.) of ``slope`` from the scaled SE; nil for 2 points.
    public var slopeCI95: ClosedRange<Double>?
    /// 95 % Student-t interval of ``intercept`` from the scaled SE; nil for 2 points.
    public var interceptCI95: ClosedRange<Double>?
    /// The minimised Σ[(yᵢ − a − b(xᵢ+δᵢ))²/σ_yᵢ² + δᵢ²/σ_xᵢ²] (scipy.odr `sum_square`).
    public var sumOfSquares: Double
    /// Adjustments δᵢ of x to the fitted line, in x-units (scipy.odr `delta`).
    public var xAdjustments: [Double]
    /// Number of points.
    public var pointCount: Int

    /// ``sumOfSquares``/(n − 2) (scipy.odr `res_var`); NaN for two points.
    public var residualVariance: Double {
        pointCount > 2 ? sumOfSquares / Double(pointCount - 2) : .nan
    }
}

/// Fits `y = a + b·x` when both x and y have known, independent Gaussian errors.
///
/// Method: the exact least-squares solution of York et al. (2004), "Unified equations for the
/// slope, intercept, and standard errors of the best straight line", Am. J. Phys. 72, 367: for a
/// line the ODR objective with the x adjustments profiled out is
/// Σ Wᵢ(yᵢ − a − b·xᵢ)² with Wᵢ = 1/(σ_yᵢ² + b²σ_xᵢ²), solved by York's fixed-point iteration
/// for b starting from the weighted-least-squares slope. The covariance is the Gauss–Newton
/// one ODRPACK reports (Boggs & Rogers 1990): with the adjustments eliminated (Schur
/// complement) it is [Σ Wᵢ (1, x̂ᵢ)ᵀ(1, x̂ᵢ)]⁻¹ at the adjusted x̂ᵢ = xᵢ + δᵢ. O(n) per
/// iteration.
///
/// - Parameters:
///   - xStandardErrors: σ of each x (≥ 0), in x-units.
///   - yStandardErrors: σ of each y (> 0), in y-units.
/// - Throws: ``FitError/lengthMismatch(x:y:)``, ``FitError/tooFewPoints(count:required:)``,
///   ``FitError/nonFiniteValue(index:)``, ``FitError/nonPositiveStandardError(index:value:)``,
///   ``FitError/constantPredictor``, ``FitError/noConvergence(method:)``.
public func fitOrthogonalLinear(x: [Double], y: [Double], xStandardErrors: [Double],
                                yStandardErrors: [Double]) throws(FitError) -> OrthogonalLinearFit {
    try FitInput.validatePairs(x: x, y: y)
    guard xStandardErrors.count == x.count else { throw .lengthMismatch(x: x.count, y: xStandardErrors.count) }
    guard yStandardErrors.count == x.count else { throw .lengthMismatch(x: x.count, y: yStandardErrors.count) }
    for (index, sigma) in xStandardErrors.enumerated() where !(sigma.isFinite && sigma >= 0) {
        throw .nonPositiveStandardError(index: index, value: sigma)
    }
    for (index, sigma) in yStandardErrors.enumerated() where !(sigma.isFinite && sigma > 0) {
        throw .nonPositiveStandardError(index: index, value: sigma)
    }
    let varianceX = xStandardErrors.map { $0 * $0 }
    let varianceY = yStandardErrors.map { $0 * $0 }
    var slope = try fitWeightedLinear(x: x, y: y, weights: varianceY.map { 1 / $0 }).slope
    var converged = false
    var weights = [Double](repeating: 0, count: x.count)
    var meanX = 0.0
    var meanY = 0.0
    /// York's weights Wᵢ at `slope` and the W-weighted means of x and y.
    func updateWeights() {
        var sumW = 0.0
        meanX = 0
        meanY = 0
        for index in x.indices {
            weights[index] = 1 / (varianceY[index] + slope * slope * varianceX[index])
            sumW += weights[index]
            meanX += weights[index] * x[index]
            meanY += weights[index] * y[index]
        }
        meanX /= sumW
        meanY /= sumW
    }
    for _ in 0..<10_000 {
        updateWeights()
        var numerator = 0.0
        var denominator = 0.0
        for index in x.indices {
            let u = x[index] - meanX
            let v = y[index] - meanY
            let beta = weights[index] * (u * varianceY[index] + slope * v * varianceX[index])
            numerator += weights[index] * beta * v
            denominator += weights[index] * beta * u
        }
        guard denominator != 0 else { throw .constantPredictor }
        let next = numerator / denominator
        guard next.isFinite else { throw .noConvergence(method: "orthogonal distance (York)") }
        let change = abs(next - slope)
        slope = next
        if change <= 1e-14 * abs(slope) || change == 0 {
            converged = true
            break
        }
    }
    guard converged else { throw .noConvergence(method: "orthogonal distance (York)") }
    // Weights and means at the converged slope.
    updateWeights()
    let intercept = meanY - slope * meanX
    var sumOfSquares = 0.0
    var adjustments: [Double] = []
    var m00 = 0.0
    var m01 = 0.0
    var m11 = 0.0
    for index in x.indices {
        let residual = y[index] - intercept - slope * x[index]
        sumOfSquares += weights[index] * residual * residual
        let delta = slope * varianceX[index] * residual * weights[index]
        adjustments.append(delta)
        let adjusted = x[index] + delta
        m00 += weights[index]
        m01 += weights[index] * adjusted
        m11 += weights[index] * adjusted * adjusted
    }
    let determinant = m00 * m11 - m01 * m01
    guard determinant > 0 else { throw .constantPredictor }
    let slopeAbsolute = (m00 / determinant).squareRoot()
    let interceptAbsolute = (m11 / determinant).squareRoot()
    var fit = OrthogonalLinearFit(
        slope: slope, intercept: intercept, slopeStandardError: .nan, interceptStandardError: .nan,
        slopeStandardErrorAbsolute: slopeAbsolute, interceptStandardErrorAbsolute: interceptAbsolute,
        slopeCI95: nil, interceptCI95: nil, sumOfSquares: sumOfSquares, xAdjustments: adjustments,
        pointCount: x.count)
    guard x.count > 2 else { return fit }
    let scale = fit.residualVariance.squareRoot()
    fit.slopeStandardError = slopeAbsolute * scale
    fit.interceptStandardError = interceptAbsolute * scale
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(x.count - 2))
    fit.slopeCI95 = symmetricInterval(center: slope, halfWidth: t * fit.slopeStandardError)
    fit.interceptCI95 = symmetricInterval(center: intercept, halfWidth: t * fit.interceptStandardError)
    return fit
}
