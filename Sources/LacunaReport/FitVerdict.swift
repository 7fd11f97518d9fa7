import Foundation

/// The report's answer to "is r ∝ 1/i?", read from fit.json.
///
/// The claim has two parts, tested on the per-condition models (fit.json `models`, ≥ 3 current
/// densities): 1/r rises linearly with i (OLS slope of 1/r on i with a 95 % interval above 0),
/// and r ∝ i⁻¹ (the power-law exponent's 95 % interval contains −1). Both hold: supported; a
/// rising line with an exponent away from −1: partly supported; no rising line: not supported.
/// With fewer than three conditions, or intervals missing, the data cannot decide.
public struct FitVerdict: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case supported
        case partlySupported = "partly supported"
        case notSupported = "not supported"
        case undecided
    }

    public var outcome: Outcome
    /// The reasons, one sentence each, with the numbers.
    public var reasons: [String]

    /// The verdict of a fit.json document; `nil` when `json` is not a JSON object.
    public init?(fitJSON json: Data) {
        guard case let .object(fit)? = try? JSONDecoder().decode(JSONValue.self, from: json) else { return nil }
        self.init(fit: fit)
    }

    /// The verdict of a parsed fit.json.
    init(fit: [String: JSONValue]) {
        let f = { (x: Double) in NumberFormat.significant(x, digits: 3) }
        let range = { (r: ClosedRange<Double>) in "[\(f(r.lowerBound)), \(f(r.upperBound))]" }
        guard let models = fit["models"], case .object = models,
              let linear = models["inverse_radius_linear"], let power = models["power_law"],
              let slope = linear["slope"]?.double, let exponent = power["exponent"]?.double else {
            let n = fit["conditions"]?.array?.count ?? 0
            outcome = .undecided
            reasons = ["The models over conditions need at least 3 current densities (have \(n)); the data cannot decide."]
            return
        }
        var reasons: [String] = []
        let slopeCI = linear["slope_ci95"]?.interval
        let exponentCI = power["exponent_ci95"]?.interval
        if let slopeCI {
            reasons.append("OLS of 1/r on i: slope b = \(f(slope)) µm⁻¹ per mA/cm², 95 % CI \(range(slopeCI))"
                + (linear["r_squared"]?.double.map { ", R² = \(f($0))" } ?? "") + ".")
        }
        if let intercept = linear["intercept"]?.double, let interceptCI = linear["intercept_ci95"]?.interval {
            reasons.append("Intercept a = \(f(intercept)) µm⁻¹, 95 % CI \(range(interceptCI))"
                + (interceptCI.contains(0) ? " (includes 0: consistent with a line through the origin)." : " (excludes 0)."))
        }
        if let exponentCI {
            reasons.append("Power law r = A·iⁿ: n = \(f(exponent)), 95 % CI \(range(exponentCI))"
                + (power["test_exponent_minus_one"]?["p_value"]?.double.map { "; t test of n = −1: p = \(f($0))" } ?? "") + ".")
        }
        self.reasons = reasons
        guard let slopeCI, let exponentCI else {
            outcome = .undecided
            self.reasons.append("Confidence intervals are missing; the data cannot decide.")
            return
        }
        if slopeCI.lowerBound <= 0 {
            outcome = .notSupported
        } else {
            outcome = exponentCI.contains(-1) ? .supported : .partlySupported
        }
    }
}
