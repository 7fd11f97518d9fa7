import ArgumentParser
import Foundation
import LacunaPipeline
import LacunaReport
import Logging

/// The batch side of `lacuna analyze`: input expansion, the config file, shards, resume,
/// progress and run.json provenance.
extension Analyze {
    /// The inputs: command-line files, folders and globs (`InputExpander`, skipping the output
    /// folder), then the manifest's rows.
    func expandedInputs() -> [ImageInput] {
        InputExpander(excludedFolders: [out]).expand(files)
    }

    /// `--shard K/N` as a shard, `nil` without the flag.
    func shardOption() throws -> RunLog.Shard? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, k >= 1, k <= n else {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, got '\(shard)'")
        }
        return RunLog.Shard(index: k, count: n)
    }

    /// `options` (built from the flags) with the values of `--config` for every key whose flag
    /// was not given on the command line: flags override the file, the file overrides defaults.
    ///
    /// - Throws: `ConfigError` naming the file or key.
    func applyingConfigFile(to options: AnalysisOptions,
                            arguments: [String] = CommandLine.arguments) throws(ConfigError) -> AnalysisOptions {
        guard let config else { return options }
        let pairs = try ConfigFile.read(path: config)
        let fromFile = try ConfigFile.apply(pairs, to: AnalysisOptions()).configValues
        let given = Analyze.flagsGiven(in: arguments)
        var result = options
        for key in Set(pairs.map(\.key)) where !given.contains(key) {
            try result.set(key, to: fromFile[key] ?? .null)
        }
        return result
    }

    /// The config keys whose flags appear in `arguments` (`--min-area 5` or `--min-area=5` →
    /// `min_area`), up to a `--` terminator. ArgumentParser does not say whether an option took
    /// its default or was typed, so the precedence rule reads argv itself; these flags have
    /// long names only and their values never start with `--`.
    static func flagsGiven(in arguments: [String]) -> Set<String> {
        var given = Set<String>()
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = argument.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let key = name.replacingOccurrences(of: "-", with: "_")
            if AnalysisOptions.configKeys.contains(key) { given.insert(key) }
        }
        return given
    }

    /// The logger of this run: errors only with `--quiet`, every image with `--verbose`.
    func makeLogger() -> Logger {
        let level: Logger.Level = quiet ? .error : (verbose ? .debug : .info)
        return Logger(label: "lacuna.analyze") { _ in StderrLogHandler(level: level) }
    }

    /// Runs the batch with progress reporting; write failures exit 1.
    func runBatch(_ inputs: [ImageInput], options: AnalysisOptions, logger: Logger) async throws -> BatchSummary {
        var runner = BatchRunner(options: options, jobs: jobs)
        runner.resume = resume
        runner.shard = try shardOption()
        runner.tool = Provenance.tool
        runner.saveMasks = saveMasks
        runner.timeoutPerImage = timeoutPerImage
        let count = runner.shard.map { shard in inputs.indices.filter(shard.contains).count } ?? inputs.count
        let reporter = ProgressReporter(total: count, logger: logger,
                                        showBar: StderrOutput.shared.isTerminal && !quiet,
                                        everyPage: options.pages == .all)
        defer { reporter.finish() }
        do {
            return try await runner.run(inputs, outputDirectory: out) { _, page in reporter.report(page) }
        } catch {
            reporter.finish()
            logger.error("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
