import Foundation
import LacunaIO
import LacunaPipeline
import LacunaReport
import LacunaSynth
import LacunaTestSupport
import Testing

/// Multi-page TIFFs (TOF-SIMS depth frames, FIB-SEM serial sections) in a batch.
@Suite("Pages of multi-page files")
struct PagesTests {
    /// A three-page 8-bit TIFF whose pages are synthetic micrographs with different hole spacings,
    /// plus each page's interior pore count measured on its own.
    static func stack() throws -> (path: String, folder: String, counts: [Int]) {
        var pages: [TIFFBytes.Page] = []
        var counts: [Int] = []
        for (k, spacing) in [30.0, 40.0, 50.0].enumerated() {
            var spec = SynthSpec()
            spec.width = 200
            spec.height = 150
            spec.spacing = spacing
            spec.wallWidth = spacing * 0.18
            spec.databarHeight = 0
            spec.seed = 8800 + UInt64(k)
            guard case let .uint8(image) = SyntheticMicrograph(spec: spec).raster else { throw ImageIOError.emptyFile }
            pages.append(.plain(width: 200, height: 150, bitsPerSample: 8, strip: image.samples))
            let decoded = DecodedImage(format: .tiff, raster: .uint8(image), bitsPerSample: 8, channels: 1, pages: 1)
            counts.append(try ImageAnalyzer(options: AnalysisOptions())
                .analyze(decoded, input: ImageInput(path: "p")).measurement.interiorPores.count)
        }
        let folder = TestPaths.makeScratchFolder()
        let path = folder + "/stack.tif"
        try Data(TIFFBytes.file(pages)).write(to: URL(fileURLWithPath: path))
        return (path, folder, counts)
    }

    @Test("--page all: one row per page, in page order, each measured as on its own; overlays per page")
    func all() async throws {
        let (path, folder, counts) = try Self.stack()
        var options = AnalysisOptions()
        options.pages = .all
        let summary = try await BatchRunner(options: options, jobs: 2)
            .run([ImageInput(path: path, name: "stack.tif")], outputDirectory: folder + "/out")
        #expect(summary.records.map(\.page) == [1, 2, 3])
        #expect(summary.records.map { $0.measurement?.interiorPores.count } == counts.map { Optional($0) })
        let overlays = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/overlays").sorted()
        #expect(overlays == ["stack.tif.p1.cells.png", "stack.tif.p1.png", "stack.tif.p2.cells.png", "stack.tif.p2.png",
                             "stack.tif.p3.cells.png", "stack.tif.p3.png"])
        let csv = try String(contentsOfFile: folder + "/out/images.csv", encoding: .utf8).split(separator: "\n")
        let fields = csv.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let page = try #require(fields.first?.firstIndex(of: "page"))
        #expect(fields.dropFirst().map { $0[page] } == ["1", "2", "3"])
    }

    @Test("--page N analyses page N; a page beyond the file is an error row")
    func single() async throws {
        let (path, folder, counts) = try Self.stack()
        var options = AnalysisOptions()
        options.pages = .page(2)
        let second = try await BatchRunner(options: options, jobs: 1)
            .run([ImageInput(path: path, name: "stack.tif")], outputDirectory: folder + "/two")
        #expect(second.records.count == 1 && second.records[0].page == 2)
        #expect(second.records[0].measurement?.interiorPores.count == counts[1])
        options.pages = .page(5)
        let beyond = try await BatchRunner(options: options, jobs: 1)
            .run([ImageInput(path: path, name: "stack.tif")], outputDirectory: folder + "/five")
        guard case let .failed(reason) = beyond.records[0].outcome else { Issue.record("page 5 analysed"); return }
        #expect(reason.contains("page"))
        #expect(beyond.failureCount == 1)
    }
}
