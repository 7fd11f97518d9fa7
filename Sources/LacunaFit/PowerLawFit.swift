import Foundation

/// Power law `y = prefactor · x^exponent`, fitted in log–log space.
///
/// Produced by ``fitPowerLaw(x:y:)``. `prefactor` is in y-units (it is the
/// value of y at x = 1 in x-units); `exponent` is dimensionless.
public struct PowerLawFit: Sendable, Equatable {
    /// Fitted exponent (slope of ln y on ln x).
    public var exponent: Double
    /// Fitted prefactor `exp(intercept of ln y on ln x)`, in y-units.
    public var prefactor: Double
    /// 95 % confidence interval of ``exponent``; nil for two points.
    public var exponentCI95: ClosedRange<Double>?
    /// 95 % interval of ``prefactor``: `exp` of the log-intercept interval
    /// (asymmetric about the prefactor); nil for two points.
    public var prefactorCI95: ClosedRange<Double>?
    /// Coefficient of determination of the log–log regression.
    public var rSquared: Double
    /// Number of (x, y) pairs used.
    public var pointCount: Int
    /// The underlying OLS line of ln y on ln x (slope = exponent, intercept = ln prefactor),
    /// with its standard errors, residuals (in ln y) and prediction helpers.
    public var logLine: LinearFit

    /// Standard error of ``exponent``; NaN for two points.
    public var exponentStandardError: Double { logLine.slopeStandardError }

    /// The two-sided t test of exponent = `value` with n − 2 degrees of freedom (for r ∝ i⁻¹,
    /// `value` = −1).
    public func testExponent(equals value: Double) -> TTest {
        TTest(estimate: exponent, hypothesised: value, standardError: exponentStandardError,
              degreesOfFreedom: logLine.degreesOfFreedom)
    }

    /// The fitted value prefactor·x^exponent, in y-units.
    public func value(at x: Double) -> Double {
        exp(logLine.value(at: log(x)))
    }
}

/// Fits `y = prefactor · x^exponent` as the OLS line of ln y on ln x.
///
/// Method: natural logarithms of both variables, then ``fitLinear(x:y:)``
/// on (ln x, ln y), equivalent to `scipy.stats.linregress(log(x), log(y))`.
/// This assumes multiplicative (log-normal) scatter in y; the fit minimises
/// squared log residuals, not squared residuals in y.
///
/// - Parameters:
///   - x: Predictor values, strictly positive, at least two distinct.
///   - y: Response values, strictly positive, same count as `x`.
/// - Returns: Exponent, prefactor, their 95 % intervals and the log–log R².
/// - Throws: ``FitError/lengthMismatch(x:y:)``,
///   ``FitError/tooFewPoints(count:required:)``,
///   ``FitError/nonFiniteValue(index:)``,
///   ``FitError/nonPositiveValue(index:value:)`` (x checked before y),
///   ``FitError/constantPredictor``.
public func fitPowerLaw(x: [Double], y: [Double]) throws(FitError) -> PowerLawFit {
    try FitInput.validatePairs(x: x, y: y)
    try FitInput.requirePositive(x)
    try FitInput.requirePositive(y)
    let line = try fitLinear(x: x.map { log($0) }, y: y.map { log($0) })
    return PowerLawFit(
        exponent: line.slope,
        prefactor: exp(line.intercept),
        exponentCI95: line.slopeCI95,
        prefactorCI95: line.interceptCI95.map { exp($0.lowerBound)...exp($0.upperBound) },
        rSquared: line.rSquared,
        pointCount: line.pointCount,
        logLine: line)
}
