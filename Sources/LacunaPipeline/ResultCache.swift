import Foundation
import LacunaReport

/// Per-input results kept under `DIR/.lacuna/images/<key>.json`, so that `--resume` reuses an
/// image's exact records and `lacuna merge` can combine shard outputs.
///
/// The key is the SHA-256 of everything that decides an input's records: the cache format,
/// the tool version, every analysis option (`String(reflecting:)` of `AnalysisOptions`, so an
/// option added later is covered without being listed here), the input as given (path, name,
/// current density, manifest pixel size), the SHA-256 of the file and of its calibration
/// sidecars (`<stem>.txt`, `.hdr`), and the overlay's file name. An entry is written atomically
/// after its overlays, so an entry on disk always describes finished work; it is only written
/// when its records survive the JSON round trip unchanged.
public struct ResultCache: Sendable {
    /// One input's results.
    struct Entry: Codable, Equatable {
        var key: String
        var records: [CachedRecord]
        /// Overlay file name (in `overlays/`) → SHA-256 of its bytes, for the analysed pages.
        var overlays: [String: String]
    }

    /// The folder holding the entries.
    public let folder: String

    public init(outputDirectory: String) {
        folder = ((outputDirectory as NSString).appendingPathComponent(".lacuna") as NSString)
            .appendingPathComponent("images")
    }

    /// Sidecar extensions whose files change an image's calibration (SEMMetadata reads them).
    static let sidecarExtensions = ["txt", "TXT", "hdr", "HDR"]

    /// The key of `input` analysed with `options`, or `nil` when the file cannot be read (then
    /// nothing is cached: the failure is retried on every run).
    static func key(for input: ImageInput, digest: FileDigest?, options: AnalysisOptions, overlayName: String,
                    toolVersion: String) -> String? {
        guard let digest else { return nil }
        var text = "lacuna-cache 1\nversion \(toolVersion)\noptions \(String(reflecting: options))\n"
        text += "input \(String(reflecting: input))\nfile \(digest.size) \(digest.sha256)\noverlay \(overlayName)\n"
        let stem = (input.path as NSString).deletingPathExtension
        for ext in sidecarExtensions {
            let sidecar = stem + "." + ext
            if sidecar != input.path, let found = FileDigest.of(fileAt: sidecar) {
                text += "sidecar \(ext) \(found.size) \(found.sha256)\n"
            }
        }
        return FileDigest.sha256(of: Data(text.utf8))
    }

    func path(forKey key: String) -> String {
        (folder as NSString).appendingPathComponent(key + ".json")
    }

    /// The entry stored under `key`, or `nil` when there is none or it cannot be decoded.
    func entry(forKey key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key else { return nil }
        return entry
    }

    /// The records under `key` when every one decodes and every overlay they drew is still on
    /// disk with the same bytes; `nil` otherwise (the input is then analysed again).
    func reusableRecords(forKey key: String, overlayFolder: String) -> [ImageRecord]? {
        guard let entry = entry(forKey: key) else { return nil }
        let records = entry.records.compactMap(\.record)
        guard records.count == entry.records.count, !records.isEmpty,
              records.allSatisfy({ $0.measurement != nil }) else { return nil }
        for (name, hash) in entry.overlays {
            let file = (overlayFolder as NSString).appendingPathComponent(name)
            guard FileDigest.of(fileAt: file)?.sha256 == hash else { return nil }
        }
        return records
    }

    /// Stores `records` under `key` with the hashes of `overlays` (full paths). Returns whether
    /// it did: not when the records do not survive the round trip or the write fails (the
    /// input is then redone by `--resume`, which costs time but never correctness).
    @discardableResult
    func store(_ records: [ImageRecord], key: String, overlays: [String]) -> Bool {
        var hashes: [String: String] = [:]
        for overlay in overlays {
            guard let digest = FileDigest.of(fileAt: overlay) else { return false }
            hashes[(overlay as NSString).lastPathComponent] = digest.sha256
        }
        let entry = Entry(key: key, records: records.map(CachedRecord.init), overlays: hashes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry),
              let back = try? JSONDecoder().decode(Entry.self, from: data),
              back.records.map(\.record) == records else { return false }
        do {
            try AtomicFile.makeDirectory(folder)
            try AtomicFile.write(data, to: path(forKey: key))
            return true
        } catch {
            return false
        }
    }

    /// Removes entries whose key is not in `keep` (left by runs with other inputs or options).
    func prune(keeping keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".json") && !keep.contains(String(name.dropLast(5))) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}
