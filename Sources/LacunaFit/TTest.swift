/// A two-sided Student t test of one coefficient against a hypothesised value.
///
/// t = (estimate − hypothesised)/SE with ν degrees of freedom; p = 2·P(T > |t|). Used for the
/// slope of a line (against 0), the power-law exponent (against −1) and the depletion-time
/// exponent (against −2).
public struct TTest: Sendable, Equatable {
    /// The value tested against, in the coefficient's unit.
    public var hypothesised: Double
    /// The t statistic (dimensionless).
    public var statistic: Double
    /// Degrees of freedom ν.
    public var degreesOfFreedom: Int
    /// Two-sided p value; NaN when t is undefined (0/0, a NaN standard error) or ν < 1.
    public var pValue: Double

    /// The test of `estimate` = `hypothesised` given its standard error.
    public init(estimate: Double, hypothesised: Double, standardError: Double, degreesOfFreedom: Int) {
        self.hypothesised = hypothesised
        self.degreesOfFreedom = degreesOfFreedom
        statistic = (estimate - hypothesised) / standardError
        if degreesOfFreedom >= 1, !statistic.isNaN {
            pValue = 2 * StudentT.cdf(-abs(statistic), degreesOfFreedom: Double(degreesOfFreedom))
        } else {
            pValue = .nan
        }
    }
}
