import Foundation
import LacunaFit
import LacunaReport
import Testing

@Suite("fit.json")
struct FitReportTests {
    static let paper: [FitReport.Point] = zip([1.0, 2, 5, 10], [4.1, 2.4, 0.9, 0.4]).map {
        FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: $1)
    }

    func object(_ report: FitReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
    }

    @Test("the contract's keys, with the paper's numbers (scipy linregress, anchors.md §4.6)")
    func keysAndValues() throws {
        let json = try object(try FitReport.fitting(Self.paper))
        let linear = try #require(json["inverse_radius_linear"] as? [String: Any])
        let power = try #require(json["power_law"] as? [String: Any])
        for key in ["slope", "intercept", "r_squared", "slope_ci95", "intercept_ci95", "n_points"] {
            #expect(linear[key] != nil, "missing \(key)")
        }
        for key in ["exponent", "prefactor_um", "exponent_ci95"] { #expect(power[key] != nil, "missing \(key)") }
        #expect(abs((linear["slope"] as? Double ?? 0) - 0.25327) < 5e-6)
        #expect(abs((linear["intercept"] as? Double ?? 0) + 0.07179) < 5e-6)
        #expect(abs((linear["r_squared"] as? Double ?? 0) - 0.99597) < 5e-6)
        #expect(abs((power["exponent"] as? Double ?? 0) + 1.0189) < 5e-5)
        #expect(linear["n_points"] as? Int == 4)
        // 95 % interval of the intercept: −0.07179 ± 4.302653 · 0.06494 (t₀.₉₇₅ with 2 d.o.f.).
        let ci = try #require(linear["intercept_ci95"] as? [Double])
        #expect(abs(ci[0] - (-0.07179 - 4.302653 * 0.06494)) < 2e-4)
        #expect(abs(ci[1] - (-0.07179 + 4.302653 * 0.06494)) < 2e-4)
    }

    @Test("two points: estimates exist, intervals are null (no residual degrees of freedom)")
    func twoPoints() throws {
        let json = try object(try FitReport.fitting(Array(Self.paper.prefix(2))))
        let linear = try #require(json["inverse_radius_linear"] as? [String: Any])
        #expect(linear["slope_ci95"] is NSNull)
        // Exact line through (1, 1/4.1) and (2, 1/2.4).
        #expect(abs((linear["slope"] as? Double ?? 0) - (1 / 2.4 - 1 / 4.1)) < 1e-12)
    }

    @Test("the JSON is byte-stable: sorted keys, same bytes twice")
    func stable() throws {
        let a = try FitReport.fitting(Self.paper).json(), b = try FitReport.fitting(Self.paper).json()
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        // Top-level keys sit at two spaces of indentation in the pretty-printed document.
        let keys = ["bootstrap", "conditions", "influence", "inverse_radius_linear", "model_comparison", "models",
                    "notes", "physics", "points", "power_law"]
        let order = keys.compactMap { text.range(of: "\n  \"\($0)\" :")?.lowerBound }
        #expect(order.count == keys.count && order == order.sorted())
    }

    @Test("added sections: per-condition models with the paper's numbers (scripts/fit_models_reference.py)")
    func addedSections() throws {
        let json = try object(try FitReport.fitting(Self.paper, options: .init(bootstrap: nil)))
        let models = try #require(json["models"] as? [String: Any])
        let origin = try #require(models["through_origin"] as? [String: Any])
        #expect(abs((origin["slope"] as? Double ?? 0) - 0.24333) < 5e-6)
        let fTest = try #require(origin["f_test_intercept_zero"] as? [String: Any])
        #expect(abs((fTest["p_value"] as? Double ?? 0) - 0.384094638381) < 1e-9)
        let wls = try #require(models["wls_constant_relative_error"] as? [String: Any])
        #expect(abs((wls["intercept"] as? Double ?? 0) - 0.00366) < 5e-6)
        #expect(abs((wls["slope"] as? Double ?? 0) - 0.22701) < 5e-6)
        #expect(models["wls_delta_method"] is NSNull && models["odr"] is NSNull)
        let power = try #require(models["power_law"] as? [String: Any])
        #expect(abs((power["prefactor_um"] as? Double ?? 0) - 4.434) < 5e-4)
        let test = try #require(power["test_exponent_minus_one"] as? [String: Any])
        #expect(abs((test["p_value"] as? Double ?? 0) - 0.773495687513) < 1e-9)
        let inverse = try #require(models["radius_vs_inverse_current"] as? [String: Any])
        #expect(abs((inverse["slope"] as? Double ?? 0) - 4.102) < 5e-4)
        #expect(abs((inverse["intercept"] as? Double ?? 0) - 0.104) < 5e-4)
        let linear = try #require(models["inverse_radius_linear"] as? [String: Any])
        #expect(abs((linear["slope_p_value"] as? Double ?? 0) - 0.00202) < 5e-6)
        let influence = try #require(json["influence"] as? [[String: Any]])
        let loo = influence.compactMap { $0["leave_one_out_slope"] as? Double }
        for (value, printed) in zip(loo, [0.2622, 0.2518, 0.2544, 0.2202]) { #expect(abs(value - printed) < 5e-5) }
        #expect(loo.count == 4)
        let comparison = try #require(json["model_comparison"] as? [String: Any])
        #expect(comparison["criterion"] as? String == "aic" && comparison["undecided"] as? Bool == true)
        let entries = try #require(comparison["models"] as? [[String: Any]])
        #expect(entries.count == 4 && entries.filter { $0["aicc"] is NSNull }.count == 3)
        let physics = try #require(json["physics"] as? [String: Any])
        // γ = F·R_s/(2·V_m·b) with the through-origin b: 964850/(2.6e-5 · 0.243329164061e9).
        #expect(abs((physics["gamma_eff_J_per_m2"] as? Double ?? 0) - 964_850 / (2.6e-5 * 0.243329164061e9)) < 1e-6)
        let conditions = try #require(json["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["current_density"] as? Double } == [1, 2, 5, 10])
        #expect(abs((conditions[1]["driving_force_MPa"] as? Double ?? 0) - 148.438461538) < 1e-6)
        #expect(json["bootstrap"] is NSNull)
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.contains { $0.contains("includes 0") })
    }

    @Test("replicate rows per current density: conditions from their spread and a seeded bootstrap")
    func replicates() throws {
        let radii: [(Double, [Double])] = [(1, [4.3, 3.9, 4.0]), (2, [2.5, 2.2, 2.45]), (5, [0.95, 0.85, 0.92, 0.88]),
                                           (10, [0.42, 0.37, 0.41])]
        let points = radii.flatMap { i, values in values.map { FitReport.Point(image: nil, currentDensity: i, radiusMicrometres: $0) } }
        let options = RadiusCurrentAnalysis.Options(bootstrap: BootstrapOptions(resamples: 400, seed: 5))
        let report = try FitReport.fitting(points, options: options)
        let again = try FitReport.fitting(points, options: options)
        #expect(report.json() == again.json())
        let json = try object(report)
        let bootstrap = try #require(json["bootstrap"] as? [String: Any])
        #expect(bootstrap["resamples"] as? Int == 400 && bootstrap["seed"] as? String == "5")
        let slope = try #require(bootstrap["slope"] as? [String: Any])
        // The estimate is the OLS slope of the condition means (scipy: 0.252978546304).
        #expect(abs((slope["estimate"] as? Double ?? 0) - 0.252978546304) < 1e-10)
        let conditions = try #require(json["conditions"] as? [[String: Any]])
        // Condition 1: mean of 4.3, 3.9, 4.0 = 4.0667; SE = SD/√3 = 0.2082/1.7321 = 0.12019.
        #expect(abs((conditions[0]["mean_radius_um"] as? Double ?? 0) - 12.2 / 3) < 1e-12)
        #expect(abs((conditions[0]["se_radius_um"] as? Double ?? 0) - 0.120185042515) < 1e-9)
        #expect(conditions[0]["se_source"] as? String == "images" && conditions[0]["n_images"] as? Int == 3)
        let models = try #require(json["models"] as? [String: Any])
        #expect(!(models["wls_delta_method"] is NSNull))
    }

    @Test("undefined numbers become null, never a crash: equal radii give an undefined R²")
    func nonFinite() throws {
        let points = [1.0, 2, 4].map { FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: 2) }
        let report = try FitReport.fitting(points, options: .init(bootstrap: nil))
        let json = try object(report)
        let linear = try #require(json["inverse_radius_linear"] as? [String: Any])
        #expect(linear["r_squared"] is NSNull)
        #expect(!report.summary().isEmpty)
    }

    @Test("summary: the first-release lines first, then the per-condition models and notes")
    func summary() throws {
        let text = try FitReport.fitting(Self.paper, options: .init(bootstrap: nil)).summary()
        #expect(text.hasPrefix("1/r = a + b·i   (OLS, n = 4"))
        #expect(text.contains("0.25327") && text.contains("0.24333") && text.contains("note: "))
    }
}
