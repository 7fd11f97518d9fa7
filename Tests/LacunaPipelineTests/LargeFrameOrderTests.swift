import Foundation
import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaNetwork
import LacunaReport
@testable import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Testing

/// A large frame (`ImageAnalyzer.largeFrameFrom`) is finished in another order: the cells grow in
/// the pore labels' frame and the overlays are drawn from held codes after the labels are let
/// go; the results must be those of the usual order.
@Suite("Large frames: overlays after the labels are let go")
struct LargeFrameOrderTests {
    struct Run {
        var measurement: ImageMeasurement
        var network: NetworkSummary?
        var labels: Labels?
        var poreOverlay: Data
        var cellOverlay: Data?
    }

    static func run(_ decoded: DecodedImage, options: AnalysisOptions, threads: Int, largeFrom: Int,
                    keepsLabels: Bool, folder: String, tag: String) throws -> Run {
        var analyzer = ImageAnalyzer(options: options)
        analyzer.threads = threads
        analyzer.largeFrameFrom = largeFrom
        analyzer.keepsLabels = keepsLabels
        analyzer.overlayThumbnailWidth = 120
        let pores = folder + "/\(tag).png", cells = folder + "/\(tag).cells.png"
        analyzer.overlayFiles = .init(pores: pores, cells: cells, digest: { String($0.count) })
        let analyzed = try analyzer.analyze(decoded, input: ImageInput(path: "a.tif"))
        guard case .written(.success)? = analyzed.encodedOverlay?.png else {
            Issue.record("the pore overlay was written (\(tag))")
            return Run(measurement: analyzed.measurement, labels: nil, poreOverlay: Data())
        }
        var cellOverlay: Data? = nil
        if case .written(.success)? = analyzed.cellOverlay {
            cellOverlay = try Data(contentsOf: URL(fileURLWithPath: cells))
        }
        return Run(measurement: analyzed.measurement, network: analyzed.network, labels: analyzed.labels,
                   poreOverlay: try Data(contentsOf: URL(fileURLWithPath: pores)), cellOverlay: cellOverlay)
    }

    /// The measurement, network and both overlay files of `run` are those of `usual`.
    static func expectSame(_ run: Run, as usual: Run, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.measurement == usual.measurement, sourceLocation: sourceLocation)
        #expect(run.network == usual.network, sourceLocation: sourceLocation)
        #expect(run.poreOverlay == usual.poreOverlay, sourceLocation: sourceLocation)
        #expect(run.cellOverlay == usual.cellOverlay, sourceLocation: sourceLocation)
    }

    @Test("the same measurement (sensitivity included), network and overlay files in either order, on one and two threads",
          arguments: [(false, false), (true, false), (false, true)])
    func sameResults(local: Bool, poresOnly: Bool) throws {
        let decoded = SyntheticFiles.decoded(ImageAnalyzerTests.smallImage(seed: 9191))
        let folder = TestPaths.makeScratchFolder()
        var options = AnalysisOptions()
        if local { options.segmentation.local = .sauvola }
        if poresOnly { options.overlays = .pores }
        let usual = try Self.run(decoded, options: options, threads: 1, largeFrom: .max, keepsLabels: true,
                                 folder: folder, tag: "usual")
        let sensitivity = try #require(usual.measurement.thresholdSensitivity, "the sensitivity pass ran")
        #expect(sensitivity.porosityLower != sensitivity.porosityRaised, "the two cuts differ")
        #expect(usual.network != nil && (usual.cellOverlay == nil) == poresOnly && !usual.poreOverlay.isEmpty)
        // A large frame grows its cells in the pore labels' frame unless they are kept.
        for threads in [1, 2] {
            for (large, keeps) in [(0, true), (0, false), (Int.max, true)] {
                let other = try Self.run(decoded, options: options, threads: threads, largeFrom: large, keepsLabels: keeps,
                                         folder: folder, tag: "t\(threads)-\(large)-\(keeps)")
                Self.expectSame(other, as: usual)
                #expect(keeps ? other.labels == usual.labels : other.labels == nil)
            }
        }
    }

    @Test("with a region mask that cuts pores and walls, and with border pores cleared: the same results in either order",
          arguments: [(true, false), (false, true), (true, true)])
    func regionAndClearedBorder(roi: Bool, clearBorder: Bool) throws {
        let decoded = SyntheticFiles.decoded(ImageAnalyzerTests.smallImage(seed: 9193))
        let folder = TestPaths.makeScratchFolder()
        var options = AnalysisOptions()
        options.clearBorder = clearBorder
        if roi {
            // A diagonal half of the 320 × 240 frame (the data bar cut off), with a notch.
            var mask = Image<UInt8>(width: 320, height: 240, repeating: 0)
            for y in 0 ..< 240 { for x in 0 ..< 320 where x + y < 330 && !(100 ..< 110).contains(x) { mask[x, y] = 255 } }
            options.regionMaskPath = folder + "/roi.png"
            try ImageEncoder.png(mask).write(to: URL(fileURLWithPath: folder + "/roi.png"))
        }
        let usual = try Self.run(decoded, options: options, threads: 1, largeFrom: .max, keepsLabels: true,
                                 folder: folder, tag: "usual")
        #expect(usual.measurement.pores.count > 5 && usual.network != nil)
        if roi { #expect(usual.measurement.analysedRegionSource == "file") }
        for threads in [1, 2] {
            for keeps in [false, true] {
                let large = try Self.run(decoded, options: options, threads: threads, largeFrom: 0, keepsLabels: keeps,
                                         folder: folder, tag: "large-\(threads)-\(keeps)")
                Self.expectSame(large, as: usual)
            }
        }
    }

    @Test("--save-masks files written during the analysis, in either order, equal those of the returned labels; a write that fails is reported",
          arguments: [0, Int.max])
    func maskFilesDuringAnalysis(largeFrom: Int) throws {
        let decoded = SyntheticFiles.decoded(ImageAnalyzerTests.smallImage(seed: 9194))
        let folder = TestPaths.makeScratchFolder()
        var analyzer = ImageAnalyzer(options: AnalysisOptions())
        analyzer.largeFrameFrom = largeFrom
        analyzer.threads = 2
        analyzer.keepsLabels = true
        analyzer.maskFiles = .init(folder: folder, base: "during")
        let analyzed = try analyzer.analyze(decoded, input: ImageInput(path: "a.tif"))
        guard case .success? = analyzed.maskFiles else {
            Issue.record("the mask files were written")
            return
        }
        let labels = try #require(analyzed.labels)
        try MaskFiles.write(labels: labels, labelCount: analyzed.measurement.pores.count,
                            calibration: analyzed.measurement.calibration, folder: folder, base: "after")
        for suffix in [".mask.png", ".labels.tif"] {
            let during = try Data(contentsOf: URL(fileURLWithPath: folder + "/during" + suffix))
            let after = try Data(contentsOf: URL(fileURLWithPath: folder + "/after" + suffix))
            #expect(during == after && !during.isEmpty, "\(suffix)")
        }
        analyzer.maskFiles = .init(folder: folder + "/missing", base: "x")
        analyzer.keepsLabels = false
        let failed = try analyzer.analyze(decoded, input: ImageInput(path: "a.tif"))
        guard case .failure? = failed.maskFiles else {
            Issue.record("a folder that does not exist is reported")
            return
        }
        #expect(failed.measurement == analyzed.measurement && failed.labels == nil)
    }

    @Test("the pore labels are returned only when asked, in either order", arguments: [0, Int.max])
    func labelsWhenKept(largeFrom: Int) throws {
        let decoded = SyntheticFiles.decoded(ImageAnalyzerTests.smallImage(seed: 9192))
        let folder = TestPaths.makeScratchFolder()
        let kept = try Self.run(decoded, options: AnalysisOptions(), threads: 2, largeFrom: largeFrom, keepsLabels: true,
                                folder: folder, tag: "kept")
        let dropped = try Self.run(decoded, options: AnalysisOptions(), threads: 2, largeFrom: largeFrom,
                                   keepsLabels: false, folder: folder, tag: "dropped")
        let labels = try #require(kept.labels).labelImage
        #expect(labels.samples.max() == Int32(kept.measurement.pores.count) && kept.measurement.pores.count > 5)
        #expect(dropped.labels == nil && dropped.measurement == kept.measurement)
    }
}
