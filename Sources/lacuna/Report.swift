import ArgumentParser
import Foundation
import LacunaReport

/// `lacuna report DIR`: rebuilds plots/ and report.html from an output folder's tables.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild plots/ and report.html of an analyze or merge output folder from its tables.")

    @Argument(help: "Output folder of 'lacuna analyze' or 'lacuna merge' (with images.csv).")
    var folder: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        do {
            let result = try ReportBuilder.build(folder: folder)
            if !quiet { printError("wrote \(result.report) and \(result.plots.count) plots") }
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
