/// The paper's r–i data and reference values from
/// `scripts/fit_reference.py` (scipy 1.17.1, `scipy.stats.linregress`).
enum PaperReference {
    /// Current density in mA/cm².
    static let currentDensity = [1.0, 2.0, 5.0, 10.0]
    /// Mean pore radius in µm.
    static let radius = [4.1, 2.4, 0.9, 0.4]

    // OLS of 1/r on i (full scipy precision).
    static let slope = 0.25327001
    static let slopeStandardError = 0.01139070
    static let intercept = -0.07179498
    static let interceptStandardError = 0.06493699
    static let rSquared = 0.99597088
    static let slopeCI = (lower: 0.20425977, upper: 0.30228024)
    static let interceptCI = (lower: -0.35119630, upper: 0.20760635)

    // OLS of ln r on ln i.
    static let exponent = -1.01888678
    static let prefactor = 4.43371515
    static let logRSquared = 0.99368625
    static let exponentCI = (lower: -1.26598303, upper: -0.77179053)
    static let prefactorCI = (lower: 3.10106306, upper: 6.33906169)

    /// t₀.₉₇₅ with 2 degrees of freedom.
    static let t975TwoDegrees = 4.302653
}
