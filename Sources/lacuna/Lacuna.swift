import ArgumentParser
import Foundation

/// `lacuna`: parses argv, calls the pipeline, maps errors to the contract's exit codes
/// (0 all inputs fine, 2 usage error, 3 some inputs failed, 1 anything else). No analysis here.
@main
struct Lacuna: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lacuna",
        abstract: "Calibrated hole sizes, porosity and the 1/r–i fit from SEM and TOF-SIMS micrographs.",
        version: "0.1.0",
        subcommands: [Info.self, Analyze.self, Merge.self, Report.self, Config.self, Fit.self, Design.self, Synth.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The exit codes of the CLI contract (docs/cli.md).
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let someInputsFailed: Int32 = 3
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
