import Foundation
import LacunaImage
import LacunaIO
import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Per-image analysis")
struct ImageAnalyzerTests {
    static func smallImage(seed: UInt64 = 4242, databar: Int = 30) -> SyntheticMicrograph {
        var spec = SynthSpec()
        spec.width = 320
        spec.height = 240
        spec.spacing = 40
        spec.wallWidth = 7
        spec.databarHeight = databar
        spec.meanRadiusMicrometres = 2.0
        spec.seed = seed
        return SyntheticMicrograph(spec: spec)
    }

    @Test("the data bar is cut off: no pore reaches below the frame, and the bar's dark rows are not pores")
    func databarExcluded() throws {
        let image = Self.smallImage()
        let m = try ImageAnalyzer(options: AnalysisOptions())
            .analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "a.tif")).measurement
        #expect(m.height == 240 && m.databarHeight == 30)
        #expect(m.pores.allSatisfy { $0.maxY <= 240 })
        // Kept (--databar none), the black bar is one big dark "pore" along the bottom edge.
        var keep = AnalysisOptions()
        keep.databar = .none
        let uncut = try ImageAnalyzer(options: keep).analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "a.tif")).measurement
        #expect(uncut.height == 270)
        #expect(uncut.pores.contains { $0.maxY == 270 })
    }

    @Test("a manual pixel size (CLI, then manifest) overrides metadata and is recorded as manual")
    func manualOverride() throws {
        let decoded = SyntheticFiles.decoded(Self.smallImage())
        var options = AnalysisOptions()
        let fromManifest = try ImageAnalyzer(options: options)
            .analyze(decoded, input: ImageInput(path: "a.tif", pixelSize: 0.5)).measurement
        #expect(fromManifest.calibration == Calibration(pixelSize: PixelSize(square: 0.5), source: .manual))
        options.pixelSizeOverride = 0.25
        let fromFlag = try ImageAnalyzer(options: options)
            .analyze(decoded, input: ImageInput(path: "a.tif", pixelSize: 0.5)).measurement
        #expect(fromFlag.calibration.pixelSize == PixelSize(square: 0.25))
        // The data bar still comes from the metadata.
        #expect(fromFlag.databarHeight == 30)
    }

    @Test("doubling the pixel size doubles every length and quadruples areas")
    func scaling() throws {
        let decoded = SyntheticFiles.decoded(Self.smallImage())
        func measure(_ size: Double) throws -> LacunaMeasureStats {
            var options = AnalysisOptions()
            options.pixelSizeOverride = size
            let m = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
            let stats = try #require(m.radiusStatisticsMicrometres)
            return LacunaMeasureStats(mean: try #require(stats.mean), sd: try #require(stats.standardDeviation))
        }
        let one = try measure(0.1), two = try measure(0.2)
        #expect(abs(two.mean / one.mean - 2) < 1e-12)
        #expect(abs(two.sd / one.sd - 2) < 1e-12)
    }

    @Test("no metadata and no manual size: uncalibrated, µm statistics absent")
    func uncalibrated() throws {
        var decoded = SyntheticFiles.decoded(Self.smallImage(databar: 0))
        decoded.tiffTags = [:]
        let m = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(m.calibration == .none)
        #expect(m.radiusStatisticsMicrometres == nil)
        #expect(m.radiusStatisticsPixels.mean != nil)
    }

    @Test("flipping the image top-to-bottom and left-to-right keeps the pore areas")
    func flipInvariance() throws {
        let image = Self.smallImage(databar: 0)
        guard case let .uint8(grey) = image.raster else { Issue.record("expected 8-bit"); return }
        var flipped = grey
        for y in 0 ..< grey.height {
            for x in 0 ..< grey.width { flipped[x, y] = grey[grey.width - 1 - x, grey.height - 1 - y] }
        }
        func areas(_ img: Image<UInt8>) throws -> [Int] {
            let decoded = DecodedImage(format: .png, raster: .uint8(img), bitsPerSample: 8, channels: 1, pages: 1)
            return try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a"))
                .measurement.pores.map(\.area).sorted()
        }
        // The Gaussian kernel is symmetric and the borders mirror, so the flip commutes with the pipeline.
        #expect(try areas(grey) == areas(flipped))
    }

    @Test("a uniform image is an error, not a crash")
    func uniform() {
        let decoded = DecodedImage(format: .png, raster: .uint8(Image(width: 20, height: 20, repeating: 90)),
                                   bitsPerSample: 8, channels: 1, pages: 1)
        #expect(throws: AnalysisError.uniformImage) {
            try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "u.png"))
        }
    }

    @Test("bright pores are found with --pores bright on the inverted image")
    func brightPores() throws {
        let image = Self.smallImage(databar: 0)
        guard case let .uint8(grey) = image.raster else { Issue.record("expected 8-bit"); return }
        let inverted = grey.map { 255 - $0 }
        var options = AnalysisOptions()
        let dark = try ImageAnalyzer(options: options).analyze(
            DecodedImage(format: .png, raster: .uint8(grey), bitsPerSample: 8, channels: 1, pages: 1),
            input: ImageInput(path: "a")).measurement
        options.polarity = .bright
        let bright = try ImageAnalyzer(options: options).analyze(
            DecodedImage(format: .png, raster: .uint8(inverted), bitsPerSample: 8, channels: 1, pages: 1),
            input: ImageInput(path: "a")).measurement
        #expect(dark.interiorPores.count == bright.interiorPores.count)
        let darkMean = try #require(dark.radiusStatisticsPixels.mean)
        let brightMean = try #require(bright.radiusStatisticsPixels.mean)
        // Inversion moves the ≤ / > split by one grey level; radii agree to a fraction of a pixel.
        #expect(abs(darkMean - brightMean) < 0.3)
    }
}

struct LacunaMeasureStats {
    var mean: Double
    var sd: Double
}
