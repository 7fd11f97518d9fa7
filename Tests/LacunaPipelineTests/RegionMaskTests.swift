import Foundation
import LacunaImage
import LacunaIO
import LacunaPipeline
import LacunaReport
import LacunaTestSupport
import Testing

/// `--roi-mask`: the analysed pixels, porosity over their area, pores cut by the mask's edge,
/// and clear errors for unusable files.
@Suite("Region-of-interest mask")
struct RegionMaskTests {
    /// A 100 × 80 frame, framework 200, with dark (20) squares: A at x 10..<20, y 10..<20 and
    /// B at x 25..<35, y 40..<50 inside the left half; C at x 45..<55, y 60..<70 across x = 50;
    /// D at x 70..<80, y 20..<30 in the right half.
    static func frame() -> DecodedImage {
        var image = Image<UInt8>(width: 100, height: 80, repeating: 200)
        for (xs, ys) in [(10 ..< 20, 10 ..< 20), (25 ..< 35, 40 ..< 50), (45 ..< 55, 60 ..< 70), (70 ..< 80, 20 ..< 30)] {
            for y in ys { for x in xs { image[x, y] = 20 } }
        }
        return DecodedImage(format: .png, raster: .uint8(image), bitsPerSample: 8, channels: 1, pages: 1)
    }

    /// Options that keep the hand count exact: no smoothing, pixel areas, no data bar.
    static func options(mask path: String) -> AnalysisOptions {
        var options = AnalysisOptions()
        options.blurSigma = 0
        options.boundary = .pixels
        options.databar = .none
        options.regionMaskPath = path
        return options
    }

    static func writeMask(width: Int, height: Int, to path: String, _ inside: (Int, Int) -> Bool) throws {
        var mask = Image<UInt8>(width: width, height: height, repeating: 0)
        for y in 0 ..< height { for x in 0 ..< width where inside(x, y) { mask[x, y] = 255 } }
        try ImageEncoder.png(mask).write(to: URL(fileURLWithPath: path))
    }

    @Test("left-half mask: porosity = (100 + 100 + 50) / (50 · 80) = 0.0625; C is cut, so a border pore; D is outside")
    func porosityOverMask() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let path = dir + "/roi.png"
            try Self.writeMask(width: 100, height: 80, to: path) { x, _ in x < 50 }
            let result = try ImageAnalyzer(options: Self.options(mask: path)).analyze(Self.frame(), input: ImageInput(path: "f.png"))
            let m = result.measurement
            #expect(m.pores.map(\.area) == [100, 100, 50])
            #expect(m.pores.map(\.touchesBorder) == [false, false, true])
            #expect(m.analysedPixelCount == 4000 && m.analysedRegionSource == "file")
            #expect(abs(m.porosity - 0.0625) < 1e-12)
            #expect(m.interiorPores.count == 2)
            // The overlay is the frame's size (its shading is tested on its own below).
            #expect(result.overlay.width == 100 && result.overlay.height == 80)
        }
    }

    @Test("overlay shading: excluded pixels get channels halved and blue + 96; analysed pixels are unchanged")
    func shading() {
        let overlay = Image<UInt8>(width: 2, height: 1, channels: 3, samples: [200, 200, 200, 10, 20, 30])
        let shaded = Overlay.shadingExcluded(overlay, analysed: Mask(width: 2, height: 1, samples: [false, true]))
        #expect(shaded.samples == [100, 100, 196, 10, 20, 30])
    }

    @Test("with --clear-border the cut pore C is dropped: porosity 200 / 4000 = 0.05")
    func clearBorder() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let path = dir + "/roi.png"
            try Self.writeMask(width: 100, height: 80, to: path) { x, _ in x < 50 }
            var options = Self.options(mask: path)
            options.clearBorder = true
            let m = try ImageAnalyzer(options: options).analyze(Self.frame(), input: ImageInput(path: "f.png")).measurement
            #expect(m.pores.map(\.area) == [100, 100])
            #expect(abs(m.porosity - 0.05) < 1e-12)
        }
    }

    @Test("with --roi 40,0,60,80 the mask is cropped the same way: C cut to 5 × 10 = 50, analysed 10 · 80 px, porosity 50 / 800")
    func croppedWithRegion() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let path = dir + "/roi.png"
            try Self.writeMask(width: 100, height: 80, to: path) { x, _ in x < 50 }
            var options = Self.options(mask: path)
            options.region = .init(x: 40, y: 0, width: 60, height: 80)
            let m = try ImageAnalyzer(options: options).analyze(Self.frame(), input: ImageInput(path: "f.png")).measurement
            #expect(m.analysedPixelCount == 800)
            #expect(m.pores.map(\.area) == [50])
            #expect(abs(m.porosity - 50.0 / 800) < 1e-12)
        }
    }

    @Test("a mask of another size, a corrupt PNG and a text file each fail with a clear error")
    func badFiles() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let wrong = dir + "/wrong.png"
            try Self.writeMask(width: 99, height: 80, to: wrong) { _, _ in true }
            #expect(throws: AnalysisError.regionMaskSize(path: wrong, width: 99, height: 80, frameWidth: 100, frameHeight: 80)) {
                try ImageAnalyzer(options: Self.options(mask: wrong)).analyze(Self.frame(), input: ImageInput(path: "f.png"))
            }
            let message = AnalysisError.regionMaskSize(path: wrong, width: 99, height: 80, frameWidth: 100, frameHeight: 80).message
            #expect(message == "ROI mask \(wrong) is 99×80 px but the frame (data bar cut off) is 100×80 px")

            let good = dir + "/good.png"
            try Self.writeMask(width: 100, height: 80, to: good) { _, _ in true }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
            let corrupt = dir + "/corrupt.png"
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: corrupt))
            let text = dir + "/notes.png"
            try Data("not an image\n".utf8).write(to: URL(fileURLWithPath: text))
            for path in [corrupt, text] {
                do {
                    _ = try ImageAnalyzer(options: Self.options(mask: path)).analyze(Self.frame(), input: ImageInput(path: "f.png"))
                    Issue.record("\(path) was accepted")
                } catch {
                    guard let analysis = error as? AnalysisError,
                          case let .regionMaskUnreadable(reported, reason) = analysis else {
                        Issue.record("unexpected error \(error)")
                        continue
                    }
                    #expect(reported == path && !reason.isEmpty)
                    #expect(analysis.message.hasPrefix("ROI mask \(path) cannot be read: "))
                }
            }
            let empty = dir + "/empty.png"
            try Self.writeMask(width: 100, height: 80, to: empty) { _, _ in false }
            #expect(throws: AnalysisError.nothingToAnalyse) {
                try ImageAnalyzer(options: Self.options(mask: empty)).analyze(Self.frame(), input: ImageInput(path: "f.png"))
            }
        }
    }
}
