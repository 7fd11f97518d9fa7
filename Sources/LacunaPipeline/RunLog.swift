import Foundation
import LacunaReport

/// The provenance of a run, written as `run.json` (sorted keys, snake_case): the tool, the
/// effective configuration, every input with its size, SHA-256, calibration, data bar, status
/// and time, the start and end time, and the host. Timing lives only here, so the tables stay
/// byte-identical across runs.
public struct RunLog: Codable, Sendable, Equatable {
    /// Which program made the run.
    public struct Tool: Codable, Sendable, Equatable {
        public var name = "lacuna"
        public var version: String
        /// `git rev-parse HEAD` of the source checkout the executable was built in, read at run
        /// time (SwiftPM has no build-time hook for it); `nil` when there is none.
        public var gitCommit: String?
        /// Why `gitCommit` is missing, when it is.
        public var gitCommitNote: String?
        /// SHA-256 of the executable that ran, when it could be read: identifies the build
        /// exactly, and keys the result cache so a rebuilt program never reuses old results.
        public var executableSha256: String?

        public init(version: String, gitCommit: String?, gitCommitNote: String?, executableSha256: String? = nil) {
            self.version = version
            self.gitCommit = gitCommit
            self.gitCommitNote = gitCommitNote
            self.executableSha256 = executableSha256
        }

        /// Version and executable hash: what the result cache keys on.
        var build: String { version + " " + (executableSha256 ?? "unknown-executable") }
    }

    /// The machine.
    public struct Host: Codable, Sendable, Equatable {
        public var os: String
        public var cores: Int

        /// This machine: the OS name and version and the active core count.
        public static var current: Host {
            Host(os: ProcessInfo.processInfo.operatingSystemVersionString,
                 cores: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// A subset of the inputs: those whose index (from 0) modulo `count` is `index − 1`.
    public struct Shard: Codable, Sendable, Equatable {
        /// K, from 1.
        public var index: Int
        /// N.
        public var count: Int

        public init(index: Int, count: Int) {
            precondition(count >= 1 && index >= 1 && index <= count, "shard \(index)/\(count)")
            self.index = index
            self.count = count
        }

        /// Whether the input at `inputIndex` (from 0) belongs to this shard.
        public func contains(_ inputIndex: Int) -> Bool { inputIndex % count == index - 1 }
    }

    /// One analysed page.
    public struct Page: Codable, Sendable, Equatable {
        public var page: Int
        public var status: String
        public var error: String?
        public var pixelSizeUm: Double?
        public var pixelSizeYUm: Double?
        public var pixelSizeSource: String?
        public var databarHeightPx: Int?
        public var databarMethod: String?

        init(_ record: ImageRecord) {
            page = record.page
            if let m = record.measurement {
                status = "ok"
                pixelSizeUm = m.calibration.pixelSize?.x
                pixelSizeYUm = m.calibration.pixelSize?.y
                pixelSizeSource = m.calibration.source.rawValue
                databarHeightPx = m.databarHeight
                databarMethod = m.databarMethod.rawValue
            } else {
                status = "error"
                if case let .failed(reason) = record.outcome { error = reason }
            }
        }
    }

    /// One input of the run (of this shard, when sharded).
    public struct Input: Codable, Sendable, Equatable {
        /// Position in the whole input list (before sharding), from 0.
        public var index: Int
        /// The path opened.
        public var path: String
        /// The name in the tables.
        public var name: String
        /// mA/cm², from the manifest.
        public var currentDensity: Double?
        public var sizeBytes: Int?
        public var sha256: String?
        /// Whether the records came from an earlier run (`--resume`).
        public var reused: Bool
        /// Wall time for this input in seconds (hashing, decoding, analysis, overlay).
        public var timeS: Double
        /// The key of its entry in `.lacuna/images/`, when it has one.
        public var cacheKey: String?
        /// Its overlay file name in `overlays/`.
        public var overlay: String
        public var pages: [Page]
    }

    public var tool: Tool
    public var config: [String: ConfigValue]
    public var jobs: Int
    public var resume: Bool
    public var shard: Shard?
    /// Number of inputs before sharding.
    public var inputCount: Int
    public var inputs: [Input]
    public var failures: Int
    /// ISO 8601, UTC.
    public var startedAt: String
    public var finishedAt: String
    /// Seconds from start to end (for a merge: the shards' durations added up).
    public var durationS: Double
    public var host: Host
    /// For `lacuna merge`: the shard folders combined, in the order given.
    public var mergedFrom: [String]?

    /// The encoded document: sorted keys, snake_case, ending with a newline. Every number in it
    /// is finite (validated options, measured times), so encoding cannot fail.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            preconditionFailure("encoding run.json failed: \(error)")
        }
    }

    /// Reads the run.json in `folder`.
    public static func read(inFolder folder: String) throws -> RunLog {
        let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("run.json")))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RunLog.self, from: data)
    }

    /// `date` as ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
