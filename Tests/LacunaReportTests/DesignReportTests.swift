import Foundation
import LacunaFit
import LacunaReport
import Testing

@Suite("lacuna design and the depletion report")
struct DesignReportTests {
    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("paper data at 10 mA/cm²: r_crit = 1/2.46091 µm, interval = 1/(2.92972, 1.99209) (scipy)")
    func paperAtTen() throws {
        let report = try DesignReport(currentDensity: 10, conditions: DesignReport.paperConditions, source: "paper")
        let json = try object(report.json())
        let models = try #require(json["models"] as? [[String: Any]])
        let linear = models[0]
        #expect(linear["model"] as? String == "inverse_radius_linear")
        #expect(abs((linear["r_crit_um"] as? Double ?? 0) - 0.40635455733) < 1e-10)
        let interval = try #require(linear["prediction_interval_95_um"] as? [Double])
        #expect(abs(interval[0] - 1 / 2.92971559402) < 1e-10 && abs(interval[1] - 1 / 1.99209459347) < 1e-10)
        #expect(linear["extrapolation"] as? Bool == false)
        #expect(abs((json["driving_force_MPa"] as? Double ?? 0) - 742.192307692) < 1e-6)
        let text = report.summary()
        #expect(text.contains("r_crit = 0.4064 µm") && text.contains("[0.3413, 0.502] µm"))
    }

    @Test("extrapolation, a stack pressure, and an unbounded interval are reported as such")
    func flags() throws {
        let far = try DesignReport(currentDensity: 20, conditions: DesignReport.paperConditions, source: "paper",
                                   stackPressure: 5, arealCapacity: 2)
        #expect(far.summary().contains("extrapolation"))
        #expect(far.summary().contains("Stripping 2 mAh/cm² removes 9.698 µm of Li"))  // 2 × 4.84910 µm
        let json = try object(far.json())
        #expect(abs((json["stripped_thickness_um"] as? Double ?? 0) - 2 * 4.84909746115) < 1e-9)
        #expect(abs((json["largest_suppressed_current_density"] as? Double ?? 0) - 0.0673679846608) < 1e-10)
        let low = try object(DesignReport(currentDensity: 0.5, conditions: DesignReport.paperConditions, source: "paper").json())
        let interval = try #require((low["models"] as? [[String: Any]])?.first?["prediction_interval_95_um"] as? [Any])
        #expect(interval[1] is NSNull)
    }

    @Test("depletion: k, C and the test of k = −2 (scipy), text says whether −2 is inside the CI")
    func depletion() throws {
        let report = try DepletionReport(points: zip([1.0, 2, 5, 10], [96.0, 26.5, 3.8, 1.05]).map { ($0, $1) })
        let json = try object(report.json())
        let fit = try #require(json["depletion_time"] as? [String: Any])
        #expect(abs((fit["exponent_k"] as? Double ?? 0) + 1.98274867419) < 1e-10)
        #expect(abs((fit["prefactor_h"] as? Double ?? 0) - 98.4003940881) < 1e-8)
        let test = try #require(fit["test_k_minus_two"] as? [String: Any])
        #expect(abs((test["p_value"] as? Double ?? 0) - 0.69795772476) < 1e-9)
        #expect(report.summary().contains("consistent with t ∝ i⁻²"))
        let steep = try DepletionReport(points: zip([1.0, 2, 5, 10], [100.0, 12.6, 0.85, 0.11]).map { ($0, $1) })
        #expect(steep.summary().contains("contradict"))
    }
}
