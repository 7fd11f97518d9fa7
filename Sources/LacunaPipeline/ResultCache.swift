import Foundation
import LacunaImage
import LacunaReport

/// Per-input results kept under `DIR/.lacuna/images/<key>.json`, so that `--resume` reuses an
/// image's exact rows and `lacuna merge` can combine shard outputs.
///
/// The key is the SHA-256 of everything that decides an input's outputs: the cache format, the
/// build (version and SHA-256 of the executable, so a rebuilt program never reuses results of
/// older code), every analysis option (`String(reflecting:)` of `AnalysisOptions`, so an option
/// added later is covered without being listed here), the input as given (path, name, current
/// density, manifest pixel size), the SHA-256 of the file and of its calibration sidecars
/// (`<stem>.txt`, `.hdr`), and the overlay's file name. An entry holds the input's table rows
/// and fit numbers (`RecordRows`), its run.json pages and the SHA-256 of its overlays; it is
/// written atomically after the overlays, so an entry on disk always describes finished work,
/// and only when it survives the JSON round trip unchanged (checked by decoding all but the
/// table rows, whose only lossy step, joining their fields, is checked directly).
public struct ResultCache: Sendable {
    /// One input's results.
    struct Entry: Codable, Equatable {
        var key: String
        var rows: [RecordRows]
        var pages: [RunLog.Page]
        /// Overlay file name (relative to `overlays/`; `../masks/…` for mask files) → SHA-256 of
        /// its bytes, for the analysed pages.
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

    /// The key of `input` analysed with `options` (and the `--roi-mask` file's contents), or `nil`
    /// when the file cannot be read (then nothing is cached: the failure is retried on every run).
    static func key(for input: ImageInput, digest: FileDigest?, options: AnalysisOptions, overlayName: String,
                    build: String) -> String? {
        guard let digest else { return nil }
        var text = "lacuna-cache 3\nbuild \(build)\noptions \(String(reflecting: options))\n"
        text += "input \(String(reflecting: input))\nfile \(digest.size) \(digest.sha256)\noverlay \(overlayName)\n"
        if let mask = options.regionMaskPath, let found = FileDigest.of(fileAt: mask) {
            text += "roi_mask \(found.size) \(found.sha256)\n"
        }
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

    /// The entry under `key` when every page was analysed, its rows fit the current columns and
    /// every overlay it drew is still on disk with the same bytes; `nil` otherwise (the input is
    /// then analysed again; failures are always retried).
    func reusableEntry(forKey key: String, overlayFolder: String) -> Entry? {
        guard let entry = entry(forKey: key), !entry.rows.isEmpty, entry.rows.count == entry.pages.count,
              entry.rows.allSatisfy({ $0.error == nil && $0.matchesColumns }) else { return nil }
        for (name, hash) in entry.overlays {
            let file = (overlayFolder as NSString).appendingPathComponent(name)
            guard FileDigest.of(fileAt: file)?.sha256 == hash else { return nil }
        }
        return entry
    }

    /// Stores the rows and run.json pages of one input under `key` with the hashes of
    /// `overlays` (full paths). Returns whether it did: not when the entry does not survive the
    /// round trip or the write fails (the input is then redone by `--resume`, which costs time
    /// but never correctness).
    /// The overlays are hashed by up to `threads` threads.
    @discardableResult
    func store(_ rows: [RecordRows], pages: [RunLog.Page], key: String, overlays: [String],
               known: [String: String] = [:], threads: Int = 1) -> Bool {
        var hashes: [String: String] = [:]
        let digests = parallelMap(overlays.count, threads: threads) { known[overlays[$0]] ?? FileDigest.of(fileAt: overlays[$0])?.sha256 }
        for (overlay, digest) in zip(overlays, digests) {
            guard let digest else { return false }
            // Named relative to overlays/: `x.png`, or `../masks/x.mask.png` for `--save-masks` files.
            let folderName = ((overlay as NSString).deletingLastPathComponent as NSString).lastPathComponent
            let name = (overlay as NSString).lastPathComponent
            hashes[folderName == "overlays" ? name : "../\(folderName)/\(name)"] = digest
        }
        let entry = Entry(key: key, rows: rows, pages: pages, overlays: hashes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // The round-trip check: the pore and cell rows (nearly all of the entry) by what can
        // change them, which is joining their fields; the rest by decoding it back.
        var rest = entry
        for i in rest.rows.indices {
            rest.rows[i].poreRows = []
            rest.rows[i].cellRows = []
        }
        guard entry.rows.allSatisfy(\.tableRowsSurviveJoining), let data = try? encoder.encode(entry),
              let restData = try? encoder.encode(rest),
              let back = try? JSONDecoder().decode(Entry.self, from: restData), back == rest else { return false }
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
