import Foundation
import LacunaReport

/// The work on one input inside a batch: hash the file, reuse its cached rows when `--resume`
/// allows, otherwise analyse it (every page asked for) and cache the rows.
struct InputWorker: Sendable {
    /// What came of one input: the records analysed now (none when reused), the rows of every
    /// page (input page order) and its run.json entry.
    struct Outcome: Sendable {
        var records: [ImageRecord]
        var rows: [RecordRows]
        var logEntry: RunLog.Input
        /// Thumbnails of the overlays written now, by overlay file name (none when reused).
        var thumbnails: [String: String] = [:]
        /// The cache entry being written beside the caller, and its key; `finished()` waits
        /// for it and records the key in `logEntry` when the entry exists.
        var storing: (entry: Background<Bool>?, key: String?) = (nil, nil)

        /// The outcome with its cache entry written (or not) and `logEntry.cacheKey` set.
        func finished(in cache: ResultCache) -> Outcome {
            _ = storing.entry?.result()
            var done = self
            done.logEntry.cacheKey = storing.key.flatMap { FileManager.default.fileExists(atPath: cache.path(forKey: $0)) ? $0 : nil }
            done.storing = (nil, nil)
            return done
        }

        /// An input the batch never reached (a cancelled task).
        static func notAnalysed(_ input: ImageInput, index: Int, overlayName: String) -> Outcome {
            let record = ImageRecord(image: input.name, currentDensity: input.currentDensity, outcome: .failed("not analysed"))
            return Outcome(records: [record], rows: [RecordRows(record)], logEntry: RunLog.Input(
                index: index, path: input.path, name: input.name, currentDensity: input.currentDensity, sizeBytes: nil,
                sha256: nil, reused: false, timeS: 0, cacheKey: nil, overlay: overlayName, pages: [RunLog.Page(record)]))
        }
    }

    var analyzer: ImageAnalyzer
    var cache: ResultCache
    var overlayFolder: String
    /// Where `--save-masks` writes, `nil` without it.
    var maskFolder: String?
    var resume: Bool
    /// Version and executable hash, part of every cache key.
    var build: String
    /// Seconds each input may take (`--timeout-per-image`), `nil` for no limit.
    var timeLimit: Double? = nil

    /// Processes `input` (position `index` in the whole list) with overlay file `overlayName`.
    func process(_ input: ImageInput, index: Int, overlayName: String) -> Outcome {
        let start = Date()
        let deadline = timeLimit.map { Deadline(seconds: $0) }
        // Masks are files of the entry like overlays: a run that saves them never reuses one that did not.
        func cacheKey(_ digest: FileDigest?) -> String? {
            ResultCache.key(for: input, digest: digest, options: analyzer.options,
                            overlayName: overlayName + (maskFolder == nil ? "" : " +masks"), build: build)
        }
        // With --resume the input's hash decides whether to analyse it; without, it is only
        // recorded, so an image with two threads hashes it beside its serial first stages.
        var digest = resume ? FileDigest.of(fileAt: input.path) : nil
        var key = resume ? cacheKey(digest) : nil
        var records: [ImageRecord] = []
        var thumbnails: [String: String] = [:]
        var storing: Background<Bool>? = nil
        let rows: [RecordRows]
        let pages: [RunLog.Page]
        var reused = false
        if resume, let key, let entry = cache.reusableEntry(forKey: key, overlayFolder: overlayFolder) {
            rows = entry.rows
            pages = entry.pages
            reused = true
        } else {
            let overlayPath = (overlayFolder as NSString).appendingPathComponent(overlayName)
            let hashing = resume ? nil : BackgroundDigest(path: input.path, beside: analyzer.threads > 1)
            let results = Deadline.current.withValue(deadline) {
                BatchRunner.processPages(input, analyzer: analyzer, overlayPath: overlayPath, maskFolder: maskFolder)
            }
            if let hashing {
                digest = hashing.result()
                key = cacheKey(digest)
            }
            records = results.map(\.record)
            for case let (name, uri)? in results.map(\.thumbnail) { thumbnails[name] = uri }
            rows = records.map { RecordRows($0, threads: analyzer.threads) }
            pages = records.map(RunLog.Page.init)
            // A run that hit its time limit depends on the machine's speed: never reused.
            if let key, !(deadline?.hasPassed ?? false) {
                let overlays = InputWorker.outputFiles(records: records, overlayPath: overlayPath, maskFolder: maskFolder,
                                                       cellOverlays: analyzer.options.overlays == .all)
                let digests = results.reduce(into: [String: String]()) { $0.merge($1.overlayDigests) { a, _ in a } }
                // With threads to spare the entry is written beside the batch's tables.
                let cache = cache, rows = rows, pages = pages, threads = analyzer.threads
                storing = Background(beside: threads > 1) {
                    cache.store(rows, pages: pages, key: key, overlays: overlays, known: digests, threads: threads)
                }
            }
        }
        let entry = RunLog.Input(index: index, path: input.path, name: input.name, currentDensity: input.currentDensity,
                                 sizeBytes: digest?.size, sha256: digest?.sha256, reused: reused,
                                 timeS: Date().timeIntervalSince(start), cacheKey: nil, overlay: overlayName,
                                 pages: pages)
        return Outcome(records: records, rows: rows, logEntry: entry, thumbnails: thumbnails, storing: (storing, key))
    }

    /// The mask and label files `--save-masks` writes beside an overlay (none without a mask folder).
    static func maskPaths(forOverlay overlay: String, maskFolder: String?) -> [String] {
        guard let maskFolder else { return [] }
        let base = String((overlay as NSString).lastPathComponent.dropLast(4))
        return [".mask.png", ".labels.tif"].map { (maskFolder as NSString).appendingPathComponent(base + $0) }
    }

    /// The overlay file of each record: `<name>.png`, or `<name>.p<k>.png` when one file gave
    /// several pages (as `BatchRunner.processPage` writes them).
    static func overlayPaths(_ overlayPath: String, records: [ImageRecord]) -> [String] {
        records.map { record in
            records.count > 1 ? String(overlayPath.dropLast(4)) + ".p\(record.page).png" : overlayPath
        }
    }

    /// The cell-network overlay beside a pore overlay: `<name>.cells.png`.
    static func cellOverlayPath(_ overlayPath: String) -> String {
        String(overlayPath.dropLast(4)) + ".cells.png"
    }

    /// The files the analysed pages of one input wrote, in a fixed order: each page's overlay,
    /// its cell overlay when the network was analysed and `cellOverlays` (`--overlays all`), and
    /// its masks.
    static func outputFiles(records: [ImageRecord], overlayPath: String, maskFolder: String?,
                            cellOverlays: Bool = true) -> [String] {
        var files: [String] = []
        for (record, path) in zip(records, overlayPaths(overlayPath, records: records)) where record.measurement != nil {
            files.append(path)
            if record.network != nil && cellOverlays { files.append(cellOverlayPath(path)) }
            files += maskPaths(forOverlay: path, maskFolder: maskFolder)
        }
        return files
    }
}

/// Work done on a thread of its own while the caller goes on (`beside`), or on the spot. Not a
/// Dispatch worker: work nested in a Dispatch `concurrentPerform` runs serially, so the image's
/// own threads would be lost if the analysis ran beside the work in one.
final class Background<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchSemaphore(value: 0)

    init(beside: Bool, _ work: @escaping @Sendable () -> T) {
        guard beside else {
            value = work()
            done.signal()
            return
        }
        let thread = Thread { [self] in
            value = work()
            done.signal()
        }
        thread.start()
    }

    /// The work's result, once it has finished.
    func result() -> T {
        done.wait()
        done.signal()
        guard let value else { preconditionFailure("background work did not finish") }
        return value
    }
}

/// A file's digest (`nil` when the file could not be read) computed beside the caller or on the spot.
typealias BackgroundDigest = Background<FileDigest?>

extension Background where T == FileDigest? {
    convenience init(path: String, beside: Bool) {
        self.init(beside: beside) { FileDigest.of(fileAt: path) }
    }
}
