/// The first-release pore radius–current density (r–i) analysis.
///
/// Two complementary fits of the same data:
/// - ``inverseRadiusLinear``: OLS of `1/r` (µm⁻¹) on current density
///   `i` (mA/cm²), so the slope is in µm⁻¹ per mA/cm²;
/// - ``powerLaw``: `r = A · iⁿ` with `A` in µm (radius at 1 mA/cm²) and
///   `n` dimensionless (≈ −1 when `1/r` is proportional to `i`).
public struct RadiusCurrentFit: Sendable, Equatable {
    /// OLS fit with y = 1/r in µm⁻¹ and x = current density in mA/cm².
    public var inverseRadiusLinear: LinearFit
    /// Power law r = A·iⁿ; prefactor A in µm, x in mA/cm².
    public var powerLaw: PowerLawFit

    /// Fits both models to paired measurements.
    ///
    /// Method: ``fitLinear(x:y:)`` on (i, 1/r) and ``fitPowerLaw(x:y:)`` on
    /// (i, r).
    ///
    /// - Parameters:
    ///   - currentDensity: Stripping current densities in mA/cm²; strictly
    ///     positive (the power law takes their logarithm).
    ///   - radiusMicrometres: Mean pore radii in µm; strictly positive.
    /// - Throws: ``FitError/lengthMismatch(x:y:)``,
    ///   ``FitError/tooFewPoints(count:required:)``,
    ///   ``FitError/nonFiniteValue(index:)``,
    ///   ``FitError/nonPositiveValue(index:value:)`` (radius checked first),
    ///   ``FitError/constantPredictor``.
    public init(currentDensity: [Double], radiusMicrometres: [Double]) throws(FitError) {
        try FitInput.validatePairs(x: currentDensity, y: radiusMicrometres)
        try FitInput.requirePositive(radiusMicrometres)
        inverseRadiusLinear = try fitLinear(
            x: currentDensity, y: radiusMicrometres.map { 1 / $0 })
        powerLaw = try fitPowerLaw(x: currentDensity, y: radiusMicrometres)
    }
}
