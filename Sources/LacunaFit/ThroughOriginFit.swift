/// Least-squares line through the origin, `y = slope·x`.
///
/// Produced by ``fitThroughOrigin(x:y:)``. `slope` is in y-units per x-unit.
public struct ThroughOriginFit: Sendable, Equatable {
    /// Fitted slope, in y-units per x-unit.
    public var slope: Double
    /// Standard error of ``slope``; NaN for one point.
    public var slopeStandardError: Double
    /// Two-sided 95 % Student-t interval of ``slope`` with n − 1 degrees of freedom; nil for one
    /// point.
    public var slopeCI95: ClosedRange<Double>?
    /// Residuals yᵢ − slope·xᵢ in input order, in y-units.
    public var residuals: [Double]
    /// Number of (x, y) pairs used.
    public var pointCount: Int

    /// Residual degrees of freedom, n − 1 (one estimated coefficient).
    public var degreesOfFreedom: Int { pointCount - 1 }

    /// Sum of squared residuals, in y-units squared.
    public var sumOfSquaredResiduals: Double { residuals.reduce(0) { $0 + $1 * $1 } }
}

/// Fits `y = slope·x` by least squares.
///
/// Method: slope = Σxy/Σx², s² = SSE/(n − 1), SE = √(s²/Σx²) (Draper & Smith, *Applied
/// Regression Analysis*, 3rd ed., §3.11); the same as `numpy.linalg.lstsq` on the single
/// column x. O(n).
///
/// - Throws: ``FitError/lengthMismatch(x:y:)``, ``FitError/tooFewPoints(count:required:)``
///   (fewer than 2), ``FitError/nonFiniteValue(index:)``, ``FitError/constantPredictor`` when
///   every x is 0.
public func fitThroughOrigin(x: [Double], y: [Double]) throws(FitError) -> ThroughOriginFit {
    try FitInput.validatePairs(x: x, y: y)
    var sxx = 0.0
    var sxy = 0.0
    for index in x.indices {
        sxx += x[index] * x[index]
        sxy += x[index] * y[index]
    }
    guard sxx > 0 else { throw .constantPredictor }
    let slope = sxy / sxx
    let residuals = x.indices.map { y[$0] - slope * x[$0] }
    var fit = ThroughOriginFit(slope: slope, slopeStandardError: .nan, slopeCI95: nil,
                               residuals: residuals, pointCount: x.count)
    let degreesOfFreedom = fit.degreesOfFreedom
    let variance = fit.sumOfSquaredResiduals / Double(degreesOfFreedom)
    fit.slopeStandardError = (variance / sxx).squareRoot()
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(degreesOfFreedom))
    fit.slopeCI95 = symmetricInterval(center: slope, halfWidth: t * fit.slopeStandardError)
    return fit
}
