import Foundation
import LacunaReport

/// Combines the output folders of `lacuna analyze --shard K/N` runs into one folder that equals
/// an unsharded run: rows in the original input order (from each shard's run.json and its
/// `.lacuna/images/` entries), overlays copied, tables written and the fit refitted with the
/// batch runner's own code. Every file is written atomically.
public enum ShardMerge {
    /// Why shard folders cannot be merged; each message names the folder or input.
    public enum MergeError: Error, Equatable, Sendable {
        case unreadableRunLog(folder: String, reason: String)
        case mismatch(folder: String, what: String)
        case duplicate(index: Int, folders: [String])
        case missing(indices: [Int], total: Int)
        case missingEntry(folder: String, input: String)
        case write(AtomicFile.WriteError)

        public var message: String {
            switch self {
            case let .unreadableRunLog(folder, reason): "\(folder)/run.json: \(reason) (did the shard finish?)"
            case let .mismatch(folder, what): "\(folder) is from another run: its \(what) differs from the first folder's"
            case let .duplicate(index, folders): "input \(index + 1) is in more than one folder: \(folders.joined(separator: ", "))"
            case let .missing(indices, total):
                "\(indices.count) of \(total) inputs are in no folder (first: input \((indices.first ?? 0) + 1)); is a shard missing?"
            case let .missingEntry(folder, input): "\(folder): the stored result of \(input) is missing from .lacuna/images"
            case let .write(error): error.message
            }
        }
    }

    /// Merges `folders` into `output`.
    public static func merge(_ folders: [String], into output: String,
                             tool: RunLog.Tool) throws(MergeError) -> BatchSummary {
        let logs = try folders.map { folder throws(MergeError) in try readLog(folder) }
        guard let first = logs.first else { return BatchSummary(records: [], rows: []) }
        var owner = [Int: Int]()
        for (f, log) in logs.enumerated() {
            if log.config != first.config { throw .mismatch(folder: folders[f], what: "configuration") }
            if log.inputCount != first.inputCount { throw .mismatch(folder: folders[f], what: "input count") }
            if log.tool.version != first.tool.version { throw .mismatch(folder: folders[f], what: "tool version") }
            for input in log.inputs {
                if let earlier = owner[input.index] {
                    throw .duplicate(index: input.index, folders: [folders[earlier], folders[f]])
                }
                owner[input.index] = f
            }
        }
        let missing = (0 ..< first.inputCount).filter { owner[$0] == nil }
        if !missing.isEmpty { throw .missing(indices: missing, total: first.inputCount) }

        let overlayFolder = (output as NSString).appendingPathComponent("overlays")
        let cache = ResultCache(outputDirectory: output)
        do {
            try AtomicFile.makeDirectory(overlayFolder)
        } catch {
            throw .write(error)
        }
        var rows: [RecordRows] = []
        var inputs: [RunLog.Input] = []
        for index in 0 ..< first.inputCount {
            guard let f = owner[index], let input = logs[f].inputs.first(where: { $0.index == index }) else { continue }
            rows += try copyResults(of: input, from: folders[f], overlayFolder: overlayFolder, cache: cache)
            inputs.append(input)
        }
        var summary = BatchSummary(records: [], rows: rows)
        let written: WrittenTables
        do {
            written = try BatchRunner.writeTables(rows, to: output, summary: &summary)
        } catch {
            throw .write(error)
        }
        let log = RunLog(tool: tool, config: first.config, jobs: first.jobs, resume: false, shard: nil,
                         inputCount: first.inputCount, inputs: inputs, failures: summary.failureCount,
                         startedAt: logs.map(\.startedAt).min() ?? first.startedAt,
                         finishedAt: RunLog.timestamp(Date()), durationS: logs.map(\.durationS).reduce(0, +),
                         host: .current, mergedFrom: folders)
        do {
            try AtomicFile.write(log.encoded(), to: (output as NSString).appendingPathComponent("run.json"))
            try BatchRunner.writeReport(in: output, written: written)
        } catch {
            throw .write(error)
        }
        cache.prune(keeping: Set(inputs.compactMap(\.cacheKey)))
        summary.log = log
        return summary
    }

    /// `AtomicFile.write` with its error as a merge error.
    static func write(_ data: Data, to path: String) throws(MergeError) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .write(error)
        }
    }

    /// The run.json of `folder`.
    static func readLog(_ folder: String) throws(MergeError) -> RunLog {
        do {
            return try RunLog.read(inFolder: folder)
        } catch {
            throw .unreadableRunLog(folder: folder, reason: (error as NSError).localizedDescription)
        }
    }

    /// The rows of one input from its shard `folder`, copying its overlays and cache entry into
    /// the merged folder. An input without a cache entry (an unreadable file) failed; its error
    /// rows are rebuilt from run.json as the shard made them.
    static func copyResults(of input: RunLog.Input, from folder: String, overlayFolder: String,
                            cache: ResultCache) throws(MergeError) -> [RecordRows] {
        guard let key = input.cacheKey else {
            return input.pages.map {
                RecordRows(ImageRecord(image: input.name, currentDensity: input.currentDensity,
                                       outcome: .failed($0.error ?? "not analysed"), page: $0.page))
            }
        }
        let shardCache = ResultCache(outputDirectory: folder)
        guard let entry = shardCache.entry(forKey: key) else { throw .missingEntry(folder: folder, input: input.name) }
        guard entry.rows.allSatisfy(\.matchesColumns) else {
            throw .mismatch(folder: folder, what: "table layout (a shard from another build)")
        }
        for name in entry.overlays.keys.sorted() {
            let source = ((folder as NSString).appendingPathComponent("overlays") as NSString).appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: source),
                  FileDigest.sha256(of: bytes) == entry.overlays[name] else {
                throw .missingEntry(folder: folder, input: "\(input.name) (overlay \(name))")
            }
            let target = (overlayFolder as NSString).appendingPathComponent(name)
            if name.hasPrefix("../") {
                do {
                    try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
                } catch {
                    throw .write(error)
                }
            }
            try write(bytes, to: target)
        }
        if let data = FileManager.default.contents(atPath: shardCache.path(forKey: key)) {
            do {
                try AtomicFile.makeDirectory(cache.folder)
            } catch {
                throw .write(error)
            }
            try write(data, to: cache.path(forKey: key))
        }
        return entry.rows
    }
}
