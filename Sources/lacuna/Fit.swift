import ArgumentParser
import Foundation
import LacunaFit
import LacunaPipeline
import LacunaReport

/// `lacuna fit [--json] [--model radius|depletion] [--plots DIR] [--seed N] [--resamples N] TABLE.csv`:
/// the r–i analysis of a table of current densities and radii, or the depletion-time model.
struct Fit: ParsableCommand {
    enum Model: String, ExpressibleByArgument, CaseIterable {
        case radius
        case depletion
    }

    static let configuration = CommandConfiguration(
        abstract: "Fit 1/r = a + b·i, r = A·iⁿ and the models around them to a CSV with current_density (mA/cm²) and radius_um; or t = C·iᵏ (--model depletion).")

    @Flag(name: .long, help: "Print the JSON document instead of a summary.")
    var json = false

    @Option(name: .long, help: "radius: columns current_density, radius_um [, radius_se_um, n, current_density_se]; depletion: current_density, depletion_time_h.")
    var model: Model = .radius

    @Option(name: .long, help: "Write SVG plots (1/r against i, log–log r against i, residuals) into this folder.")
    var plots: String?

    @Option(name: .long, help: "Seed of the bootstrap (rows resampled within each current density).")
    var seed: UInt64 = BootstrapOptions.defaultSeed

    @Option(name: .long, help: "Number of bootstrap resamples.")
    var resamples: Int = 9999

    @Option(name: .long, help: "Series resistance R_s in Ω·cm² for the physics quantities.")
    var seriesResistance: Double = 10

    @Option(name: .long, help: "Molar volume of Li in m³/mol for the physics quantities.")
    var molarVolume: Double = 1.3e-5

    @Argument(help: "CSV table (see --model).")
    var table: String

    func validate() throws {
        if resamples < 1 || resamples > 10_000_000 { throw ValidationError("--resamples must be in 1…10000000") }
        if !(seriesResistance.isFinite && seriesResistance > 0) {
            throw ValidationError("--series-resistance must be a positive number of Ω·cm²")
        }
        if !(molarVolume.isFinite && molarVolume > 0) { throw ValidationError("--molar-volume must be a positive number of m³/mol") }
        if plots != nil && model == .depletion { throw ValidationError("--plots applies to the radius model only") }
    }

    func run() throws {
        switch model {
        case .radius: try fitRadius()
        case .depletion: try fitDepletion()
        }
    }

    private func fitRadius() throws {
        let report: FitReport
        do {
            let rows = try RadiusTable.read(path: table)
            let (conditions, samples) = try rows.conditions()
            var physics = StrippingPhysics()
            physics.seriesResistanceOhmSquareCentimetres = seriesResistance
            physics.molarVolumeCubicMetresPerMole = molarVolume
            let options = RadiusCurrentAnalysis.Options(
                bootstrap: BootstrapOptions(resamples: resamples, seed: seed), physics: physics)
            report = try FitReport.fitting(rows.points, conditions: conditions, samples: samples, options: options)
        } catch let error as TableFileError {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        } catch let error as FitError {
            printError("error: \(table): \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if let plots {
            do {
                try FitOutputs.writePlots(report, to: plots)
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(ExitStatus.failure)
            }
        }
        if json {
            FileHandle.standardOutput.write(report.json())
        } else {
            print(report.summary())
        }
    }

    private func fitDepletion() throws {
        let report: DepletionReport
        do {
            let rows = try DepletionTable.read(path: table)
            report = try DepletionReport(points: rows.rows.map { ($0.currentDensity, $0.hours) })
        } catch let error as TableFileError {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        } catch let error as FitError {
            printError("error: \(table): \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if json {
            FileHandle.standardOutput.write(report.json())
        } else {
            print(report.summary())
        }
    }
}
