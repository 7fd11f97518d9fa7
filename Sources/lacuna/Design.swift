import ArgumentParser
import Foundation
import LacunaFit
import LacunaPipeline
import LacunaReport

/// `lacuna design --current-density I [--fit fit.json] [--json]`: the largest framework pore
/// radius that prevents 2-D void growth at a design current density, with its prediction
/// interval.
struct Design: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Critical pore radius r_crit(i*) with a 95 % prediction interval, from a fit.json or the paper's data.")

    @Option(name: .long, help: "Design current density i* in mA/cm².")
    var currentDensity: Double

    @Option(name: .long, help: "A fit.json written by analyze or fit --json (default: the paper's four conditions).")
    var fit: String?

    @Flag(name: .long, help: "Print a JSON document instead of a summary.")
    var json = false

    @Option(name: .long, help: "Series resistance R_s in Ω·cm².")
    var seriesResistance: Double = 10

    @Option(name: .long, help: "Molar volume of Li in m³/mol.")
    var molarVolume: Double = 1.3e-5

    @Option(name: .long, help: "A stack pressure in MPa: print the largest current density it offsets.")
    var stackPressure: Double?

    @Option(name: .long, help: "An areal capacity in mAh/cm²: print the thickness of Li it strips.")
    var arealCapacity: Double?

    func validate() throws {
        if !(currentDensity.isFinite && currentDensity > 0) {
            throw ValidationError("--current-density must be a positive number of mA/cm²")
        }
        if !(seriesResistance.isFinite && seriesResistance > 0) {
            throw ValidationError("--series-resistance must be a positive number of Ω·cm²")
        }
        if !(molarVolume.isFinite && molarVolume > 0) { throw ValidationError("--molar-volume must be a positive number of m³/mol") }
        if let stackPressure, !(stackPressure.isFinite && stackPressure >= 0) {
            throw ValidationError("--stack-pressure must be a non-negative number of MPa")
        }
        if let arealCapacity, !(arealCapacity.isFinite && arealCapacity >= 0) {
            throw ValidationError("--areal-capacity must be a non-negative number of mAh/cm²")
        }
    }

    func run() throws {
        var physics = StrippingPhysics()
        physics.seriesResistanceOhmSquareCentimetres = seriesResistance
        physics.molarVolumeCubicMetresPerMole = molarVolume
        let report: DesignReport
        do {
            let conditions = try fit.map { path throws(TableFileError) in try SavedFit.conditions(path: path) }
                ?? DesignReport.paperConditions
            report = try DesignReport(currentDensity: currentDensity, conditions: conditions,
                                      source: fit ?? "the paper's four conditions", physics: physics,
                                      stackPressure: stackPressure, arealCapacity: arealCapacity)
        } catch let error as TableFileError {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        } catch let error as FitError {
            printError("error: \(fit ?? "paper data"): \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if json {
            FileHandle.standardOutput.write(report.json())
        } else {
            print(report.summary())
        }
    }
}
