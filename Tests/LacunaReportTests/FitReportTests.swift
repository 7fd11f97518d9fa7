import Foundation
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
        let order = ["\"inverse_radius_linear\"", "\"points\"", "\"power_law\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
    }
}
