import Foundation
import LacunaFit
import LacunaPipeline
import LacunaReport
import LacunaTestSupport
import Testing

@Suite("Fit outputs of a batch run")
struct FitOutputsTests {
    @Test("analyze writes conditions.csv and plots beside fit.json; a run without a fit removes them")
    func writesAndRemoves() async throws {
        let (folder, inputs) = try BatchRunnerTests.makeBatch()
        let out = folder + "/out"
        let summary = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(inputs, outputDirectory: out)
        let fit = try #require(summary.fit)
        #expect(fit.conditions.count == 2)
        // Two images per condition, with pores: the bootstrap runs over images and pores.
        let bootstrap = try #require(fit.bootstrap)
        #expect(bootstrap.options.resamples == 9999 && bootstrap.options.resamplesPores)
        let csv = try String(contentsOfFile: out + "/conditions.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 3 && csv[1].hasPrefix("1,2,") && csv[2].hasPrefix("4,2,"))
        let plots = try FileManager.default.contentsOfDirectory(atPath: out + "/plots").sorted()
        // The fit plots, a radius histogram per current density and, from cells.csv, the Lewis
        // plot and the sides distribution (ReportPlots).
        #expect(plots == ["inverse_radius_vs_current_density.svg", "lewis_plot.svg", "radius_histogram_1mAcm2.svg",
                          "radius_histogram_4mAcm2.svg", "radius_vs_current_density_loglog.svg",
                          "residuals_inverse_radius.svg", "sides_distribution.svg"])
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(Array(inputs.prefix(2)), outputDirectory: out)
        for file in ["fit.json", "conditions.csv", "plots/inverse_radius_vs_current_density.svg"] {
            #expect(!FileManager.default.fileExists(atPath: out + "/" + file), "\(file) left behind")
        }
    }

    @Test("SavedFit reads back the conditions of a fit.json, and the points of a first-release one")
    func savedFit() throws {
        let folder = TestPaths.makeScratchFolder()
        let points = zip([1.0, 2, 5, 10], [4.1, 2.4, 0.9, 0.4]).map {
            FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: $1)
        }
        let report = try FitReport.fitting(points, options: .init(bootstrap: nil))
        try report.json().write(to: URL(fileURLWithPath: folder + "/fit.json"))
        let conditions = try SavedFit.conditions(path: folder + "/fit.json")
        #expect(conditions.map(\.currentDensity) == [1, 2, 5, 10])
        #expect(conditions.map(\.meanRadius) == [4.1, 2.4, 0.9, 0.4])
        let old = """
            {"inverse_radius_linear": {}, "points": [{"current_density": 1, "radius_um": 4.0},
             {"current_density": 1, "radius_um": 4.2}, {"current_density": 2, "radius_um": 2.4}]}
            """
        try Data(old.utf8).write(to: URL(fileURLWithPath: folder + "/old.json"))
        let grouped = try SavedFit.conditions(path: folder + "/old.json")
        #expect(grouped.count == 2 && abs(grouped[0].meanRadius - 4.1) < 1e-12 && grouped[0].imageCount == 2)
        try Data("[1, 2]".utf8).write(to: URL(fileURLWithPath: folder + "/bad.json"))
        #expect(throws: TableFileError.self) { try SavedFit.conditions(path: folder + "/bad.json") }
        #expect(throws: TableFileError.self) { try SavedFit.conditions(path: folder + "/missing.json") }
    }
}
