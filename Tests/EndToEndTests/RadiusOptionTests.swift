import Foundation
import LacunaTestSupport
import Testing

/// `analyze --radius/--edge`: the distribution columns of images.csv follow the options, agree
/// with pores.csv, and leave the first-release columns alone.
@Suite("analyze --radius and --edge", .enabled(if: TestPaths.lacunaBinary != nil))
struct RadiusOptionTests {
    /// Header → value of each data row of a CSV without quoted fields.
    static func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func number(_ row: [String: String], _ key: String) throws -> Double {
        let text = try #require(row[key], "\(key) missing")
        return try #require(Double(text), "\(key) = \(text)")
    }

    @Test("inscribed radius with Miles–Lantuéjoul weights: images.csv recomputed from pores.csv")
    func inscribedWeighted() throws {
        let image = LacunaProcess.image("li_1mAcm2_1.tif")
        let plain = TestPaths.makeScratchFolder(), chosen = TestPaths.makeScratchFolder()
        #expect(try LacunaProcess.run(["analyze", image, "--out", plain, "--quiet"]).status == 0)
        let run = try LacunaProcess.run(["analyze", image, "--out", chosen, "--quiet", "--radius", "inscribed",
                                         "--edge", "weight"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.table(chosen + "/images.csv"), base = try Self.table(plain + "/images.csv")
        let row = try #require(rows.first), baseRow = try #require(base.first)
        #expect(row["radius_definition"] == "inscribed" && row["edge_handling"] == "weight")
        #expect(baseRow["radius_definition"] == "equivalent" && baseRow["edge_handling"] == "exclude")
        // The first-release columns do not depend on the options.
        for key in ["mean_radius_um", "median_radius_um", "sd_radius_um", "interior_pore_count", "porosity"] {
            #expect(row[key] == baseRow[key], "\(key)")
        }
        // Recompute the weighted statistics from pores.csv (6 significant digits each).
        let pores = try Self.table(chosen + "/pores.csv")
        var weightSum = 0.0, weighted = 0.0, areaWeighted = 0.0, areaSum = 0.0, counted = 0
        for pore in pores {
            let w = try Self.number(pore, "statistics_weight")
            let r = try Self.number(pore, "radius_px")
            #expect(abs(r - (try Self.number(pore, "inscribed_radius_px"))) <= 1e-9)
            if pore["touches_border"] == "true" {
                #expect(w == 0)
                continue
            }
            // Interior pores weigh W·H / ((W − w − 1)(H − h − 1)) ≥ 1.
            let bw = try Self.number(pore, "bbox_width_px"), bh = try Self.number(pore, "bbox_height_px")
            #expect(abs(w - 768 * 512 / ((768 - bw - 1) * (512 - bh - 1))) <= 1e-5 * w)
            // The measured area: the sub-pixel outline's when measured, else the pixel count.
            let area = try pore["boundary_area_px"].flatMap(Double.init) ?? Self.number(pore, "area_px")
            counted += 1
            weightSum += w
            weighted += w * r
            areaWeighted += w * area * r
            areaSum += w * area
        }
        #expect(String(counted) == row["statistics_pore_count"])
        #expect(abs(weightSum / (try Self.number(row, "statistics_weight_sum")) - 1) <= 1e-4)
        #expect(abs(weighted / weightSum / (try Self.number(row, "number_mean_radius_px")) - 1) <= 1e-4)
        #expect(abs(areaWeighted / areaSum / (try Self.number(row, "area_mean_radius_px")) - 1) <= 1e-4)
        #expect(abs(weightSum / (768 * 512) / (try Self.number(row, "pore_density_per_px2")) - 1) <= 1e-4)
        // Weighting favours the larger pores that edge exclusion under-counts: Σw > count.
        #expect(weightSum > Double(counted))
    }

    @Test("an unknown --radius or --edge is a usage error (exit 2)")
    func invalid() throws {
        let out = TestPaths.makeScratchFolder()
        let image = LacunaProcess.image("li_1mAcm2_1.tif")
        let badRadius = try LacunaProcess.run(["analyze", image, "--out", out, "--radius", "diameter"])
        #expect(badRadius.status == 2)
        #expect(badRadius.stderr.contains("--radius"))
        let badEdge = try LacunaProcess.run(["analyze", image, "--out", out, "--edge", "clip"])
        #expect(badEdge.status == 2)
    }
}
