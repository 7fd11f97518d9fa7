/// The depletion-time model t = C·iᵏ: how the time until contact is lost scales with current
/// density. The paper's claim is k = −2 (a contact-loss rate ∝ i²).
///
/// Units: t in h, i in mA/cm², so C is in h (the time at 1 mA/cm²); k is dimensionless.
public struct DepletionTimeFit: Sendable, Equatable {
    /// The exponent k to test against (−2).
    public static let claimedExponent = -2.0

    /// The log–log fit: `exponent` = k, `prefactor` = C in h.
    public var powerLaw: PowerLawFit

    /// The two-sided t test of k = −2 (n − 2 degrees of freedom).
    public var claimTest: TTest { powerLaw.testExponent(equals: Self.claimedExponent) }

    /// Fits t = C·iᵏ as the OLS line of ln t on ln i (multiplicative scatter).
    ///
    /// - Parameters:
    ///   - currentDensity: i in mA/cm², positive.
    ///   - depletionTimeHours: t in h, positive.
    /// - Throws: The errors of ``fitPowerLaw(x:y:)``; ``FitError/tooFewPoints(count:required:)``
    ///   for fewer than 3 points (the test needs a residual degree of freedom).
    public init(currentDensity: [Double], depletionTimeHours: [Double]) throws(FitError) {
        try FitInput.validatePairs(x: currentDensity, y: depletionTimeHours)
        guard currentDensity.count >= 3 else { throw .tooFewPoints(count: currentDensity.count, required: 3) }
        powerLaw = try fitPowerLaw(x: currentDensity, y: depletionTimeHours)
    }
}
