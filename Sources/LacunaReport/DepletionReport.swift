import Foundation
import LacunaFit

/// The output of `lacuna fit --model depletion`: t = C·iᵏ with the test of k = −2.
///
/// JSON (sorted keys): `depletion_time` {`exponent_k`, `exponent_se`, `exponent_ci95`,
/// `prefactor_h`, `prefactor_ci95_h`, `r_squared_log`, `n_points`, `test_k_minus_two`
/// {`hypothesised`, `t`, `df`, `p_value`}, `x`, `y`} and `points` [{`current_density`,
/// `depletion_time_h`}]. i in mA/cm², t in h.
public struct DepletionReport: Sendable {
    public var fit: DepletionTimeFit
    /// (current density in mA/cm², depletion time in h), in input order.
    public var points: [(currentDensity: Double, hours: Double)]

    /// Fits the model to `points`.
    public init(points: [(currentDensity: Double, hours: Double)]) throws(FitError) {
        fit = try DepletionTimeFit(currentDensity: points.map(\.currentDensity), depletionTimeHours: points.map(\.hours))
        self.points = points
    }

    /// Sorted-key JSON, pretty-printed, ending with a newline.
    public func json() -> Data {
        let power = fit.powerLaw
        let document: JSONValue = .object([
            "depletion_time": .object([
                "exponent_k": .finite(power.exponent), "exponent_se": .finite(power.exponentStandardError),
                "exponent_ci95": .interval(power.exponentCI95), "prefactor_h": .finite(power.prefactor),
                "prefactor_ci95_h": .interval(power.prefactorCI95), "r_squared_log": .finite(power.rSquared),
                "n_points": .int(power.pointCount), "test_k_minus_two": FitReport.testJSON(fit.claimTest),
                "x": .string("current_density_mA_per_cm2"), "y": .string("depletion_time_h"),
            ]),
            "points": .array(points.map {
                .object(["current_density": .finite($0.currentDensity), "depletion_time_h": .finite($0.hours)])
            }),
        ])
        return FitReport.encode(document)
    }

    /// A few lines for people.
    public func summary() -> String {
        let f = { (v: Double?) in v.flatMap { $0.isFinite ? NumberFormat.significant($0, digits: 5) : nil } ?? "n/a" }
        let power = fit.powerLaw, test = fit.claimTest
        let ci = power.exponentCI95.map { "[\(f($0.lowerBound)), \(f($0.upperBound))]" } ?? "n/a"
        var lines = [
            "t = C·iᵏ   (log–log OLS, n = \(power.pointCount); i in mA/cm², t in h)",
            "  exponent k  = \(f(power.exponent))   95% CI \(ci)",
            "  prefactor C = \(f(power.prefactor)) h",
            "  test of k = −2 (contact-loss rate ∝ i²): t = \(f(test.statistic)), p = \(f(test.pValue))",
        ]
        if let interval = power.exponentCI95 {
            lines.append(interval.contains(DepletionTimeFit.claimedExponent)
                ? "  the 95 % CI includes −2: consistent with t ∝ i⁻²"
                : "  the 95 % CI excludes −2: the data contradict t ∝ i⁻²")
        }
        return lines.joined(separator: "\n")
    }
}
