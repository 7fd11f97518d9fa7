import Foundation
import LacunaImage
import LacunaIO
import LacunaNetwork
import LacunaReport

/// What a batch run produced.
public struct BatchSummary: Sendable {
    /// One record per page analysed in this run (one per input unless `--page all`), in input
    /// then page order; inputs reused by `--resume` or taken from shards by a merge have none.
    public var records: [ImageRecord]
    /// Rows of images.csv (pages of every input, reused or not).
    public var rowCount: Int
    /// Rows of images.csv with `status=error`.
    public var failureCount: Int
    /// The r–i fit, when the analysed images hold at least two distinct current densities.
    public var fit: FitReport?
    /// Why no fit was written, when it was not.
    public var fitNote: String?
    /// What run.json records.
    public var log: RunLog?

    init(records: [ImageRecord], rows: [RecordRows]) {
        self.records = records
        rowCount = rows.count
        failureCount = rows.filter { $0.error != nil }.count
    }
}

/// Runs the analysis over many images and writes the outputs of the CLI contract into a folder:
/// `images.csv`, `pores.csv`, `fit.json` (≥ 2 current densities), `overlays/<name>.png`, and
/// `run.json` with the provenance of the run.
///
/// Images run in parallel in a task group bounded by `jobs`; each result is stored at its
/// input's index, so the tables are byte-identical for any `jobs`. A failing image becomes an
/// error row; the others are analysed normally. Every file is written atomically.
public struct BatchRunner: Sendable {
    public var options: AnalysisOptions
    public var jobs: Int
    /// Reuse the cached records of inputs whose file, sidecars and options are unchanged.
    public var resume = false
    /// Analyse only this subset of the inputs.
    public var shard: RunLog.Shard?
    /// The program, as recorded in run.json (its version is also part of every cache key).
    public var tool = RunLog.Tool(version: "unknown", gitCommit: nil, gitCommitNote: "not given")
    /// Also write `masks/<name>.mask.png` and `masks/<name>.labels.tif` (`MaskFiles`).
    public var saveMasks = false
    /// Seconds each input may take (`--timeout-per-image`): past it, the input becomes an error row
    /// (`AnalysisError.timedOut`, checked between stages; `Deadline`). `nil`: no limit.
    public var timeoutPerImage: Double? = nil

    public init(options: AnalysisOptions, jobs: Int) {
        precondition(jobs >= 1, "jobs must be ≥ 1, got \(jobs)")
        self.options = options
        self.jobs = jobs
    }

    /// Analyses `inputs` (of this shard, when `shard` is set), calling `progress(index, record)`
    /// as each image finishes (from any task), and writes the tables, the fit, `run.json` and
    /// the per-input cache entries (`ResultCache`).
    public func run(_ inputs: [ImageInput], outputDirectory: String,
                    progress: @escaping @Sendable (Int, PageProgress) -> Void = { _, _ in })
        async throws(AtomicFile.WriteError) -> BatchSummary {
        let started = Date()
        let overlayFolder = (outputDirectory as NSString).appendingPathComponent("overlays")
        try AtomicFile.makeDirectory(overlayFolder)
        let cache = ResultCache(outputDirectory: outputDirectory)
        PartialFiles.removeAbandoned(in: [outputDirectory, overlayFolder, cache.folder,
                                          (outputDirectory as NSString).appendingPathComponent("plots")])
        let names = BatchRunner.overlayNames(for: inputs)
        let selected = inputs.indices.filter { shard?.contains($0) ?? true }
        let maskFolder = saveMasks ? (outputDirectory as NSString).appendingPathComponent("masks") : nil
        if let maskFolder {
            try AtomicFile.makeDirectory(maskFolder)
            PartialFiles.removeAbandoned(in: [maskFolder])
        }
        // Threads left over when there are fewer images than jobs go into each image.
        var analyzer = ImageAnalyzer(options: options)
        analyzer.threads = max(1, jobs / max(1, min(jobs, selected.count)))
        let worker = InputWorker(analyzer: analyzer, cache: cache,
                                 overlayFolder: overlayFolder, maskFolder: maskFolder, resume: resume, build: tool.build,
                                 timeLimit: timeoutPerImage)
        var done = [InputWorker.Outcome?](repeating: nil, count: selected.count)
        await withTaskGroup(of: (Int, InputWorker.Outcome).self) { group in
            var next = 0
            func submit() {
                guard next < selected.count else { return }
                let slot = next
                next += 1
                group.addTask {
                    let index = selected[slot]
                    return (slot, worker.process(inputs[index], index: index, overlayName: names[index]))
                }
            }
            for _ in 0 ..< min(jobs, selected.count) { submit() }
            while let (slot, outcome) = await group.next() {
                done[slot] = outcome
                for rows in outcome.rows { progress(selected[slot], PageProgress(rows, reused: outcome.logEntry.reused)) }
                submit()
            }
        }
        var outcomes = selected.enumerated().map { slot, index in
            done[slot] ?? InputWorker.Outcome.notAnalysed(inputs[index], index: index, overlayName: names[index])
        }
        let rows = outcomes.flatMap(\.rows)
        var summary = BatchSummary(records: outcomes.flatMap(\.records), rows: rows)
        let written = try BatchRunner.writeTables(rows, to: outputDirectory, threads: jobs, summary: &summary)
        outcomes = outcomes.map { $0.finished(in: cache) }
        let log = RunLog(tool: tool, config: options.configValues, jobs: jobs, resume: resume, shard: shard,
                         inputCount: inputs.count, inputs: outcomes.map(\.logEntry),
                         failures: summary.failureCount, startedAt: RunLog.timestamp(started),
                         finishedAt: RunLog.timestamp(Date()), durationS: Date().timeIntervalSince(started),
                         host: .current, mergedFrom: nil)
        try AtomicFile.write(log.encoded(), to: (outputDirectory as NSString).appendingPathComponent("run.json"))
        let thumbnails = outcomes.reduce(into: [String: String]()) { $0.merge($1.thumbnails) { first, _ in first } }
        try BatchRunner.writeReport(in: outputDirectory, thumbnails: thumbnails, written: written)
        worker.cache.prune(keeping: Set(outcomes.compactMap(\.logEntry.cacheKey)))
        summary.log = log
        return summary
    }

    /// Rebuilds plots/ and report.html of `folder` from the files just written (`ReportBuilder`),
    /// with the thumbnails already made of this run's overlays (by overlay file name) and the
    /// tables just written (`written`), when the caller has them.
    static func writeReport(in folder: String, thumbnails: [String: String] = [:],
                            written: WrittenTables? = nil) throws(AtomicFile.WriteError) {
        do {
            try ReportBuilder.build(folder: folder, thumbnails: thumbnails, written: written)
        } catch let .write(error) {
            throw error
        } catch {
            throw AtomicFile.WriteError(path: (folder as NSString).appendingPathComponent("report.html"),
                                        reason: error.message)
        }
    }

    /// Writes images.csv, pores.csv and the fit outputs of `rows` (input order) into `folder`,
    /// removing fit outputs a previous run left when there is no fit now; the fit's bootstrap
    /// runs on up to `threads` threads. Returns the tables written.
    @discardableResult
    static func writeTables(_ rows: [RecordRows], to folder: String, threads: Int = 1,
                            summary: inout BatchSummary) throws(AtomicFile.WriteError) -> WrittenTables {
        (summary.fit, summary.fitNote) = BatchRunner.fit(contributions: rows.compactMap(\.fit), threads: threads)
        let tables = RecordRows.tables(rows)
        try AtomicFile.write(tables.images.encoded(),
                             to: (folder as NSString).appendingPathComponent("images.csv"))
        try AtomicFile.write(tables.pores.encoded(),
                             to: (folder as NSString).appendingPathComponent("pores.csv"))
        try AtomicFile.write(tables.cells.encoded(),
                             to: (folder as NSString).appendingPathComponent("cells.csv"))
        if let fit = summary.fit {
            try FitOutputs.write(fit, to: folder)
        } else {
            // A fit.json (or conditions.csv, plots) from an earlier run would not describe this run.
            FitOutputs.removeStale(in: folder)
        }
        return tables
    }

    /// The records of one input: one page, or with `--page all` every page of the file in order
    /// (a page that fails is an error row; the other pages are still analysed).
    /// Each page comes with its overlay's thumbnail (`Thumbnail.dataURI(of:maxWidth:)`), made
    /// while the overlay was in memory.
    static func processPages(_ input: ImageInput, analyzer: ImageAnalyzer, overlayPath: String,
                             maskFolder: String? = nil) -> [PageResult] {
        switch analyzer.options.pages {
        case let .page(page):
            return [processPage(page - 1, of: input, analyzer: analyzer, overlayPath: overlayPath, maskFolder: maskFolder)]
        case .all:
            let first = processPage(0, of: input, analyzer: analyzer, overlayPath: overlayPath, maskFolder: maskFolder,
                                    multiPage: true)
            var results = [first]
            for page in stride(from: 1, to: first.pages, by: 1) {
                results.append(processPage(page, of: input, analyzer: analyzer, overlayPath: overlayPath,
                                           maskFolder: maskFolder, multiPage: true))
            }
            return results
        }
    }

    /// One page's record, the page count of its file, and its overlay's thumbnail (file name,
    /// data URI) when the overlay was written.
    struct PageResult: Sendable {
        var record: ImageRecord
        var pages: Int
        var thumbnail: (name: String, uri: String)?
        /// SHA-256 of the overlay files written, by path.
        var overlayDigests: [String: String] = [:]
    }

    /// Analyses page `page` (from 0) and writes its overlay: `<name>.png`, or `<name>.p<k>.png`
    /// (k from 1) for pages of a multi-page run; with a `maskFolder`, also its mask and label
    /// files named after the overlay without `.png` (`MaskFiles`). Also returns the file's page
    /// count (1 when the file could not be read).
    static func processPage(_ page: Int, of input: ImageInput, analyzer: ImageAnalyzer, overlayPath: String,
                            maskFolder: String? = nil, multiPage: Bool = false) -> PageResult {
        func record(_ outcome: ImageRecord.Outcome) -> ImageRecord {
            ImageRecord(image: input.name, currentDensity: input.currentDensity, outcome: outcome, page: page + 1)
        }
        var pages = 1
        var digests: [String: String] = [:]
        do {
            try Deadline.check(during: "decoding")
            let decoded = try analyzer.decodePage(page, of: input)
            pages = decoded.pages
            let path = multiPage && pages > 1
                ? String(overlayPath.dropLast(4)) + ".p\(page + 1).png" : overlayPath
            // The overlays are encoded and written during the analysis, beside its other parts.
            var encoding = analyzer
            encoding.overlayThumbnailWidth = HTMLReport.thumbnailWidth
            // The mask files, too, are written during the analysis, while it holds the labels.
            encoding.keepsLabels = false
            encoding.maskFiles = maskFolder.map {
                .init(folder: $0, base: String((path as NSString).lastPathComponent.dropLast(4)))
            }
            encoding.overlayFiles = .init(pores: path, cells: InputWorker.cellOverlayPath(path),
                                          digest: { FileDigest.sha256(of: $0) })
            let analyzed = try encoding.analyze(decoded, input: input)
            guard let overlay = analyzed.encodedOverlay else { preconditionFailure("the analyzer encodes the overlay") }
            let cellPath = InputWorker.cellOverlayPath(path)
            let overlays = [(path, overlay.png), (cellPath, analyzed.cellOverlay)]
            for case let (file, .written(.success(digest))?) in overlays { digests[file] = digest }
            for case let (_, .written(.failure(error))?) in overlays { throw error }
            try Deadline.check(during: "writing the overlay")
            let thumbnail = overlay.thumbnail
            if case let .encoded(png) = overlay.png { try AtomicFile.write(try png.get(), to: path) }
            if case let .failure(error)? = analyzed.maskFiles { throw error }
            switch analyzed.cellOverlay {
            case let .encoded(png)?: try AtomicFile.write(try png.get(), to: cellPath)
            case .written?: break
            case nil:
                // A cell overlay left by an earlier run into the same folder does not belong to this one.
                try? FileManager.default.removeItem(atPath: cellPath)
            }
            var measured = record(.measured(analyzed.measurement))
            measured.network = analyzed.network
            return PageResult(record: measured, pages: pages,
                              thumbnail: thumbnail.map { ((path as NSString).lastPathComponent, $0) },
                              overlayDigests: digests)
        } catch let error as AnalysisError {
            return failed(error.message)
        } catch let error as ImageIOError {
            return failed("overlay: \(error.message)")
        } catch let error as AtomicFile.WriteError {
            return failed(error.message)
        } catch {
            return failed("\(error)")
        }
        /// The error row; overlays already written (by the analysis's threads, before the time
        /// limit struck or the other overlay failed) belong to no row and are removed.
        func failed(_ message: String) -> PageResult {
            for path in digests.keys { try? FileManager.default.removeItem(atPath: path) }
            return PageResult(record: record(.failed(message)), pages: pages)
        }
    }

    /// `<file name>.png`, with `-2`, `-3`… added when two inputs share a file name.
    static func overlayNames(for inputs: [ImageInput]) -> [String] {
        var used = Set<String>()
        return inputs.map { input in
            let base = (input.path as NSString).lastPathComponent
            var name = base + ".png"
            var n = 2
            while used.contains(name) {
                name = "\(base)-\(n).png"
                n += 1
            }
            used.insert(name)
            return name
        }
    }

    /// The fit over analysed, calibrated images with a current density: the first-release
    /// models over one point per image, and the per-condition analysis over the images grouped
    /// by current density (with the hierarchical bootstrap over images and pores; default seed
    /// and 9999 resamples).
    static func fit(_ records: [ImageRecord]) -> (FitReport?, String?) {
        fit(contributions: records.compactMap(FitInputs.Contribution.init))
    }

    /// The fit over the per-image contributions (`FitInputs.Contribution`), in input order.
    /// The bootstrap's resamples run on up to `threads` threads (the same bytes for any number).
    static func fit(contributions: [FitInputs.Contribution], threads: Int = 1) -> (FitReport?, String?) {
        do {
            let inputs = try FitInputs(contributions: contributions)
            if inputs.conditionCount < 2 {
                return (nil, "no fit: needs calibrated images at ≥ 2 distinct current densities (have \(inputs.conditionCount))")
            }
            return (try FitReport.fitting(inputs.points, conditions: inputs.conditions, samples: inputs.samples,
                                          threads: threads), nil)
        } catch {
            return (nil, "no fit: \(error.message)")
        }
    }
}
