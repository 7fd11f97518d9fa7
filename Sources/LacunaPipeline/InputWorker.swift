import Foundation
import LacunaReport

/// The work on one input inside a batch: hash the file, reuse its cached records when
/// `--resume` allows, otherwise analyse it (every page asked for) and cache the records.
struct InputWorker: Sendable {
    /// What came of one input: its records (input page order) and its run.json entry.
    struct Outcome: Sendable {
        var records: [ImageRecord]
        var logEntry: RunLog.Input

        /// An input the batch never reached (a cancelled task).
        static func notAnalysed(_ input: ImageInput, index: Int, overlayName: String) -> Outcome {
            let record = ImageRecord(image: input.name, currentDensity: input.currentDensity, outcome: .failed("not analysed"))
            return Outcome(records: [record], logEntry: RunLog.Input(
                index: index, path: input.path, name: input.name, currentDensity: input.currentDensity, sizeBytes: nil, sha256: nil, reused: false,
                timeS: 0, cacheKey: nil, overlay: overlayName, pages: [RunLog.Page(record)]))
        }
    }

    var analyzer: ImageAnalyzer
    var cache: ResultCache
    var overlayFolder: String
    var resume: Bool
    var toolVersion: String

    /// Processes `input` (position `index` in the whole list) with overlay file `overlayName`.
    func process(_ input: ImageInput, index: Int, overlayName: String) -> Outcome {
        let start = Date()
        let digest = FileDigest.of(fileAt: input.path)
        let key = ResultCache.key(for: input, digest: digest, options: analyzer.options, overlayName: overlayName,
                                  toolVersion: toolVersion)
        let records: [ImageRecord]
        var reused = false
        if resume, let key, let cached = cache.reusableRecords(forKey: key, overlayFolder: overlayFolder) {
            records = cached
            reused = true
        } else {
            let overlayPath = (overlayFolder as NSString).appendingPathComponent(overlayName)
            records = BatchRunner.process(input, analyzer: analyzer, overlayPath: overlayPath)
            if let key {
                let overlays = zip(records, InputWorker.overlayPaths(overlayPath, records: records))
                    .filter { $0.0.measurement != nil }.map(\.1)
                cache.store(records, key: key, overlays: overlays)
            }
        }
        let cacheKey = key.flatMap { FileManager.default.fileExists(atPath: cache.path(forKey: $0)) ? $0 : nil }
        let entry = RunLog.Input(index: index, path: input.path, name: input.name, currentDensity: input.currentDensity,
                                 sizeBytes: digest?.size,
                                 sha256: digest?.sha256, reused: reused, timeS: Date().timeIntervalSince(start),
                                 cacheKey: cacheKey, overlay: overlayName, pages: records.map(RunLog.Page.init))
        return Outcome(records: records, logEntry: entry)
    }

    /// The overlay file of each record: `<name>.png`, or `<name>.p<k>.png` when one file gave
    /// several pages (as `BatchRunner.processPage` writes them).
    static func overlayPaths(_ overlayPath: String, records: [ImageRecord]) -> [String] {
        records.map { record in
            records.count > 1 ? String(overlayPath.dropLast(4)) + ".p\(record.page).png" : overlayPath
        }
    }
}
