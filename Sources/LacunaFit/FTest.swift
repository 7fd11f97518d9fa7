/// An F test of a restricted linear model nested in a fuller one, e.g. `1/r = b·i` (intercept
/// fixed at 0) inside `1/r = a + b·i`.
///
/// F = [(SSE_restricted − SSE_full)/(ν_restricted − ν_full)] / (SSE_full/ν_full), with
/// (ν_restricted − ν_full, ν_full) degrees of freedom (Draper & Smith, *Applied Regression
/// Analysis*, 3rd ed., §6.1). For one dropped coefficient F equals the square of that
/// coefficient's t statistic.
public struct FTest: Sendable, Equatable {
    /// The F statistic (dimensionless).
    public var statistic: Double
    /// Numerator degrees of freedom (coefficients dropped).
    public var numeratorDegreesOfFreedom: Int
    /// Denominator degrees of freedom (residual d.o.f. of the full model).
    public var denominatorDegreesOfFreedom: Int
    /// P(F > statistic); small values reject the restriction. NaN when undefined.
    public var pValue: Double

    /// The test from the two models' residual sums of squares and degrees of freedom.
    public init(restrictedSumOfSquares: Double, restrictedDegreesOfFreedom: Int,
                fullSumOfSquares: Double, fullDegreesOfFreedom: Int) {
        numeratorDegreesOfFreedom = restrictedDegreesOfFreedom - fullDegreesOfFreedom
        denominatorDegreesOfFreedom = fullDegreesOfFreedom
        guard numeratorDegreesOfFreedom >= 1, fullDegreesOfFreedom >= 1 else {
            statistic = .nan
            pValue = .nan
            return
        }
        statistic = (restrictedSumOfSquares - fullSumOfSquares) / Double(numeratorDegreesOfFreedom)
            / (fullSumOfSquares / Double(fullDegreesOfFreedom))
        pValue = FisherF.survival(statistic, numeratorDegreesOfFreedom: Double(numeratorDegreesOfFreedom),
                                  denominatorDegreesOfFreedom: Double(fullDegreesOfFreedom))
    }
}
