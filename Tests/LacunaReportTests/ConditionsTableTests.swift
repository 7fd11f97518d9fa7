import Foundation
import LacunaFit
import LacunaReport
import Testing

@Suite("conditions.csv")
struct ConditionsTableTests {
    static func report() throws -> FitReport {
        let i = [1.0, 2, 5, 10], r = [4.1, 2.4, 0.9, 0.4], se = [0.35, 0.2, 0.09, 0.05]
        let points = zip(i, r).map { FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: $1) }
        let conditions = (0..<4).map { k in
            FitReport.Condition(estimate: ConditionEstimate(currentDensity: i[k], meanRadius: r[k], radiusStandardError: se[k],
                                                            imageCount: 2, poreCount: 100 * (k + 1)),
                                meanPorosity: [0.5, 0.65, 0.8, 0.95][k])
        }
        return try FitReport.fitting(points, conditions: conditions.reversed(), samples: nil, options: .init(bootstrap: nil))
    }

    @Test("header and rows in ascending current density, hand-computed values")
    func rows() throws {
        let text = String(decoding: ConditionsTable.table(try Self.report()).encoded(), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "current_density,n_images,n_pores,mean_radius_um,se_radius_um,se_source,inverse_radius_per_um,"
            + "se_inverse_radius_per_um,current_density_se,mean_porosity,active_area_ratio,local_current_density_ratio,"
            + "contact_class,overpotential_V,driving_force_MPa")
        #expect(lines.count == 5)
        // i = 1: 1/4.1 = 0.243902; σ(1/r) = 0.35/4.1² = 0.0208209; porosity 0.5 → area 0.5, ratio 2 (stable);
        // η = 1e-3 A/cm² × 10 Ω·cm² = 0.01 V; ΔG_v = 96485 · 0.01/1.3e-5 Pa = 74.2192 MPa.
        #expect(lines[1] == "1,2,100,4.1,0.35,given,0.243902,0.0208209,,0.500000,0.500000,2,stable,0.01,74.2192")
        // i = 2: porosity 0.65 → ratio 1/0.35 = 2.85714, between the paper's classes.
        #expect(lines[2].hasSuffix(",0.650000,0.350000,2.85714,unclassified,0.02,148.438"))
        #expect(lines[3].contains(",0.800000,0.200000,5,transition,"))
        #expect(lines[4].hasPrefix("10,2,400,0.4,0.05,given,2.5,0.3125,"))
        #expect(lines[4].contains(",0.950000,0.050000,20,failure,0.1,742.192"))
    }

    @Test("unknown values are empty fields")
    func emptyFields() throws {
        let points = [1.0, 2, 5].map { FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: 1 / $0) }
        let report = try FitReport.fitting(points, options: .init(bootstrap: nil))
        let lines = String(decoding: ConditionsTable.table(report).encoded(), as: UTF8.self).split(separator: "\n")
        // One row per point: n_pores, SE, porosity and contact unknown.
        #expect(lines[1] == "1,1,1,1,,none,1,,,,,,,0.01,74.2192")
    }
}
