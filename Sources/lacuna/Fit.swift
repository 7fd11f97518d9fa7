import ArgumentParser
import Foundation
import LacunaPipeline
import LacunaReport

/// `lacuna fit [--json] TABLE.csv`: the r–i fit of a table of current densities and radii.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit 1/r = a + b·i and r = A·iⁿ to a CSV with current_density (mA/cm²) and radius_um.")

    @Flag(name: .long, help: "Print the fit.json document instead of a summary.")
    var json = false

    @Argument(help: "CSV with columns current_density and radius_um.")
    var table: String

    func run() throws {
        let points: [(currentDensity: Double, radius: Double)]
        do {
            points = try FitTable.read(path: table)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        let report: FitReport
        do {
            report = try FitReport.fitting(points.map {
                FitReport.Point(image: nil, currentDensity: $0.currentDensity, radiusMicrometres: $0.radius)
            })
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if json {
            FileHandle.standardOutput.write(report.json())
        } else {
            print(report.summary())
        }
    }
}
