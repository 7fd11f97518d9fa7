import ArgumentParser
import Foundation
import LacunaPipeline

/// `lacuna merge DIR... --out DIR`: combines the folders of `analyze --shard K/N` runs.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the output folders of 'analyze --shard K/N' runs, in input order, and refit.")

    @Argument(help: "Output folders of the shard runs (each with run.json and .lacuna/).")
    var folders: [String] = []

    @Option(name: .long, help: "Output folder (created if needed).")
    var out: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give the shard output folders to merge") }
    }

    func run() throws {
        let summary: BatchSummary
        do {
            summary = try ShardMerge.merge(folders, into: out, tool: Provenance.tool)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if !quiet {
            if let fit = summary.fit { print(fit.summary()) }
            if let note = summary.fitNote { printError(note) }
            printError("merged \(folders.count) folders: \(summary.rowCount) rows into \(out)")
        }
        if summary.failureCount > 0 {
            printError("\(summary.failureCount) of \(summary.rowCount) images failed")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
    }
}
