import Foundation
@testable import LacunaPipeline
import LacunaReport
import LacunaSynth
import LacunaTestSupport
import Testing

/// The pieces behind resume, merge and the config file, tested without the binary.
@Suite("Result cache, config file, input expansion")
struct BatchProvenanceTests {
    /// A real analysis of a synthetic micrograph with an FEI calibration.
    func analysedRecord() throws -> ImageRecord {
        let image = SyntheticMicrograph(spec: SyntheticFiles.randomSpec(seed: 4242, radiusMicrometres: 2))
        let result = try ImageAnalyzer(options: AnalysisOptions())
            .analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "s.tif"))
        return ImageRecord(image: "s.tif", currentDensity: 2.5, outcome: .measured(result.measurement), page: 1)
    }

    /// The cache entry parts of `records`, as the batch runner makes them.
    func parts(_ records: [ImageRecord]) -> (rows: [RecordRows], pages: [RunLog.Page]) {
        (records.map { RecordRows($0) }, records.map(RunLog.Page.init))
    }

    @Test("a cached entry holds the exact table rows and fit numbers of a real analysis; failures are stored, not reused")
    func cacheRoundTrip() throws {
        let folder = TestPaths.makeScratchFolder()
        let cache = ResultCache(outputDirectory: folder)
        let records = [try analysedRecord()]
        let (rows, pages) = parts(records)
        #expect(rows[0].poreRows.count == records[0].measurement?.pores.count)
        #expect(rows[0].fit?.radii.count == records[0].measurement?.interiorPores.count)
        #expect(cache.store(rows, pages: pages, key: "k1", overlays: []))
        let entry = try #require(cache.reusableEntry(forKey: "k1", overlayFolder: folder))
        #expect(entry.rows == rows && entry.pages == pages)
        // The tables assembled from the entry are the bytes ResultTables makes from the record.
        let tables = RecordRows.tables(entry.rows)
        #expect(tables.images.encoded() == ResultTables.images(records).encoded())
        #expect(tables.pores.encoded() == ResultTables.pores(records).encoded())
        // And the fit from the stored numbers equals the fit from the records.
        let fromEntry = try FitInputs(contributions: entry.rows.compactMap(\.fit))
        let fromRecords = try FitInputs(records: records)
        #expect(fromEntry.points == fromRecords.points && fromEntry.samples == fromRecords.samples)

        let failed = [ImageRecord(image: "b.png", currentDensity: nil, outcome: .failed("bad"), page: 1)]
        let (failedRows, failedPages) = parts(failed)
        #expect(cache.store(failedRows, pages: failedPages, key: "k2", overlays: []))
        #expect(cache.entry(forKey: "k2")?.rows == failedRows)
        #expect(cache.reusableEntry(forKey: "k2", overlayFolder: folder) == nil)
        cache.prune(keeping: ["k2"])
        #expect(cache.entry(forKey: "k1") == nil && cache.entry(forKey: "k2") != nil)
    }

    @Test("fields with commas, quotes, newlines, empty fields and non-ASCII names round-trip; a field holding U+001F is refused, not misread")
    func fieldSeparator() throws {
        let folder = TestPaths.makeScratchFolder()
        let cache = ResultCache(outputDirectory: folder)
        var (rows, pages) = parts([try analysedRecord()])
        rows[0].image = "Ø 5 µm, \"left\"\nrow.tif"
        rows[0].imageRow[0] = rows[0].image
        rows[0].poreRows[0][0] = ""
        rows[0].poreRows[1][0] = "a,b\"c\r\nd"
        #expect(cache.store(rows, pages: pages, key: "odd", overlays: []))
        #expect(cache.entry(forKey: "odd")?.rows == rows)
        let good = rows
        rows[0].poreRows[2][0] = "x\u{1F}y"
        #expect(!cache.store(rows, pages: pages, key: "separator", overlays: []))
        #expect(cache.entry(forKey: "separator") == nil)
        // The same in a cell row, in the image row (checked by decoding), and an empty row
        // (it would come back as one empty field).
        rows = good
        rows[0].cellRows = [["1", "\u{1F}"]]
        #expect(!cache.store(rows, pages: pages, key: "cell", overlays: []))
        rows = good
        rows[0].imageRow[1] = "a\u{1F}"
        #expect(!cache.store(rows, pages: pages, key: "image", overlays: []))
        rows = good
        rows[0].poreRows.append([])
        #expect(!cache.store(rows, pages: pages, key: "empty", overlays: []))
        #expect(cache.entry(forKey: "cell") == nil && cache.entry(forKey: "image") == nil
            && cache.entry(forKey: "empty") == nil)
    }

    @Test("an entry whose overlay changed on disk, or whose rows do not fit the columns, is not reused")
    func overlayCheck() throws {
        let folder = TestPaths.makeScratchFolder()
        let overlay = folder + "/a.png"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: overlay))
        let cache = ResultCache(outputDirectory: folder)
        var (rows, pages) = parts([try analysedRecord()])
        #expect(cache.store(rows, pages: pages, key: "k", overlays: [overlay]))
        #expect(cache.reusableEntry(forKey: "k", overlayFolder: folder) != nil)
        try Data([1, 2, 4]).write(to: URL(fileURLWithPath: overlay))
        #expect(cache.reusableEntry(forKey: "k", overlayFolder: folder) == nil)
        rows[0].imageRow.removeLast()
        #expect(cache.store(rows, pages: pages, key: "short", overlays: []))
        #expect(cache.reusableEntry(forKey: "short", overlayFolder: folder) == nil)
    }

    @Test("the key changes with the options, the file bytes, the manifest fields and a sidecar")
    func keys() throws {
        let folder = TestPaths.makeScratchFolder()
        let path = folder + "/img.tif"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let input = ImageInput(path: path)
        func key(_ input: ImageInput, _ options: AnalysisOptions = AnalysisOptions()) -> String? {
            ResultCache.key(for: input, digest: FileDigest.of(fileAt: input.path), options: options,
                            overlayName: "img.tif.png", build: "t")
        }
        let base = try #require(key(input))
        var options = AnalysisOptions()
        options.blurSigma = 1.5
        #expect(key(input, options) != base)
        #expect(key(ImageInput(path: path, currentDensity: 1)) != base)
        try Data("img.tif sidecar".utf8).write(to: URL(fileURLWithPath: folder + "/img.txt"))
        let withSidecar = try #require(key(input))
        #expect(withSidecar != base)
        try Data("abd".utf8).write(to: URL(fileURLWithPath: path))
        #expect(key(input) != withSidecar)
        #expect(key(ImageInput(path: folder + "/missing.tif")) == nil)
    }

    @Test("SHA-256 of the FIPS 180-4 test vectors and of a file read in chunks")
    func digests() throws {
        #expect(FileDigest.sha256(of: Data("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let path = TestPaths.makeScratchFolder() + "/million-a"
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: URL(fileURLWithPath: path))
        #expect(FileDigest.of(fileAt: path)
            == FileDigest(size: 1_000_000, sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"))
    }

    @Test("the input's hash on a thread of its own is the file's FIPS 180-4 digest, read any number of times; a missing file gives none")
    func backgroundDigest() throws {
        let path = TestPaths.makeScratchFolder() + "/million-a"
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: URL(fileURLWithPath: path))
        let expected = FileDigest(size: 1_000_000, sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        for beside in [true, false] {
            let hashing = BackgroundDigest(path: path, beside: beside)
            #expect(hashing.result() == expected, "beside: \(beside)")
            #expect(hashing.result() == expected, "read again")
            #expect(BackgroundDigest(path: path + ".missing", beside: beside).result() == nil)
        }
    }

    @Test("boundary, splitting, morphology and ROI keys: set from YAML, null/none clear, bad values name the key")
    func boundaryKeys() throws {
        let pairs = try ConfigFile.parse("""
            boundary: pixels
            split_tolerance: 2.5
            open: 1
            close: 1.5
            clear_border: true
            roi_mask: masks/roi.png
            auto_mask: true
            auto_mask_window: 80
            """, path: "c.yaml")
        let options = try ConfigFile.apply(pairs, to: AnalysisOptions())
        #expect(options.boundary == .pixels && options.splitTolerance == 2.5)
        #expect(options.openingRadius == 1 && options.closingRadius == 1.5 && options.clearBorder)
        #expect(options.regionMaskPath == "masks/roi.png" && options.autoMask && options.autoMaskWindow == 80)
        let cleared = try ConfigFile.apply(ConfigFile.parse("split_tolerance: null\nroi_mask: null", path: "c"), to: options)
        #expect(cleared.splitTolerance == nil && cleared.regionMaskPath == nil)
        #expect(try ConfigFile.apply(ConfigFile.parse("split_tolerance: none", path: "c"), to: options).splitTolerance == nil)
        #expect(throws: ConfigError.invalidValue(key: "boundary", value: "edges", expected: "pixels or subpixel")) {
            try ConfigFile.apply(ConfigFile.parse("boundary: edges", path: "c"), to: AnalysisOptions())
        }
        #expect(throws: ConfigError.invalidValue(key: "open", value: "-1", expected: "a radius in px, 0…100")) {
            try ConfigFile.apply(ConfigFile.parse("open: -1", path: "c"), to: AnalysisOptions())
        }
        #expect(throws: ConfigError.invalidValue(key: "clear_border", value: "1", expected: "true or false")) {
            try ConfigFile.apply(ConfigFile.parse("clear_border: 1", path: "c"), to: AnalysisOptions())
        }
    }

    @Test("the default config document reads back as the default options; every key is settable")
    func defaultDocument() throws {
        let pairs = try ConfigFile.parse(ConfigFile.defaultDocument, path: "defaults")
        #expect(pairs.map(\.key) == AnalysisOptions.configKeys)
        #expect(try ConfigFile.apply(pairs, to: AnalysisOptions()) == AnalysisOptions())
        var options = AnalysisOptions()
        let changed = try ConfigFile.parse("""
            pores: bright
            sigma: 2
            min_area: 5
            pixel_size: 0.01
            max_pixels: 1000
            databar: 12
            page: all
            roi: "1,2,3,4"
            scale_bar_um: 10
            colormap: jet
            radius: feret
            edge: weight
            measure: basic
            overlays: pores
            """, path: "c")
        options = try ConfigFile.apply(changed, to: options)
        #expect(options.polarity == .bright && options.blurSigma == 2 && options.minimumPoreArea == 5)
        #expect(options.pixelSizeOverride == 0.01 && options.maxPixels == 1000 && options.databar == .rows(12))
        #expect(options.pages == .all && options.region == AnalysisOptions.Region(x: 1, y: 2, width: 3, height: 4))
        #expect(options.scaleBarMicrometres == 10 && options.colorMap == .jet)
        #expect(options.radiusDefinition == .feret && options.edgeHandling == .weight && options.measure == .basic)
        #expect(options.overlays == .pores)
        #expect(options.inconsistency == "--radius feret needs the shape descriptors: use --measure full")
        // What run.json records reads back into the same options.
        var again = AnalysisOptions()
        for (key, value) in options.configValues { try again.set(key, to: value) }
        #expect(again == options)
    }

    @Test("config errors name the key", arguments: [
        ("colour: red", ConfigError.unknownKey("colour")),
        ("sigma: fast", ConfigError.invalidValue(key: "sigma", value: "fast", expected: "a number")),
        ("min_area: 2.5", ConfigError.invalidValue(key: "min_area", value: "2.5", expected: "an integer ≥ 1")),
        ("databar: \"12\"", ConfigError.invalidValue(key: "databar", value: "12", expected: "auto, none or a number of rows")),
        ("measure: quick", ConfigError.invalidValue(key: "measure", value: "quick", expected: "full or basic")),
        ("overlays: none", ConfigError.invalidValue(key: "overlays", value: "none", expected: "all or pores")),
    ])
    func configErrors(text: String, error: ConfigError) throws {
        let pairs = try ConfigFile.parse(text, path: "c")
        #expect(throws: error) { try ConfigFile.apply(pairs, to: AnalysisOptions()) }
    }

    @Test("a YAML list at the top or a nested value is refused")
    func configShape() {
        #expect(throws: ConfigError.notAMapping(path: "c")) { try ConfigFile.parse("- sigma\n", path: "c") }
        #expect(throws: ConfigError.invalidValue(key: "roi", value: "a list or mapping", expected: "a single value")) {
            try ConfigFile.parse("roi: [1, 2, 3, 4]\n", path: "c")
        }
    }

    @Test("abandoned partial files of a killed writer are removed; a live writer's are kept")
    func partialFiles() throws {
        let folder = TestPaths.makeScratchFolder()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = folder + "/.a.png.partial-\(finished.processIdentifier)"
        let live = folder + "/.b.png.partial-\(ProcessInfo.processInfo.processIdentifier)"
        let other = folder + "/.keep"
        for path in [dead, live, other] { try Data([0]).write(to: URL(fileURLWithPath: path)) }
        PartialFiles.removeAbandoned(in: [folder])
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: other))
    }

    @Test("shards partition the inputs: every index in exactly one of N shards")
    func shards() {
        for n in 1 ... 5 {
            let shards = (1 ... n).map { RunLog.Shard(index: $0, count: n) }
            for i in 0 ..< 23 { #expect(shards.filter { $0.contains(i) }.count == 1) }
        }
    }
}
