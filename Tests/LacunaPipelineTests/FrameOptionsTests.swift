import Foundation
import LacunaImage
import LacunaIO
import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Testing

/// Data-bar modes, regions of interest and scale-bar calibration in the per-image analysis.
@Suite("Frame options")
struct FrameOptionsTests {
    /// A synthetic FEI image (30-row bar) with a 100-px white scale bar drawn into its data bar.
    static func image(scaleBarLength: Int = 100) -> DecodedImage {
        var spec = SynthSpec()
        spec.width = 320
        spec.height = 240
        spec.spacing = 40
        spec.wallWidth = 7
        spec.databarHeight = 30
        spec.meanRadiusMicrometres = 2.0
        spec.seed = 5150
        var decoded = SyntheticFiles.decoded(SyntheticMicrograph(spec: spec))
        guard case var .uint8(pixels) = decoded.raster else { return decoded }
        for y in 240 ..< 270 { for x in 0 ..< 320 { pixels[x, y] = 0 } }
        for y in 254 ... 256 { for x in 20 ..< 20 + scaleBarLength { pixels[x, y] = 255 } }
        decoded.raster = .uint8(pixels)
        return decoded
    }

    @Test("automatic: the metadata's bar, method metadata; without metadata the pixels find the same bar")
    func automatic() throws {
        let decoded = Self.image()
        let m = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(m.databarHeight == 30 && m.databarMethod == .metadata)
        var bare = decoded
        bare.tiffTags = [:]
        let p = try ImageAnalyzer(options: AnalysisOptions()).analyze(bare, input: ImageInput(path: "a")).measurement
        #expect(p.databarHeight == 30 && p.databarMethod == .pixels && p.height == 240)
    }

    @Test("--databar none keeps every row; --databar N cuts exactly N")
    func explicit() throws {
        var options = AnalysisOptions()
        options.databar = .none
        let none = try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a")).measurement
        #expect(none.databarHeight == 0 && none.height == 270 && none.databarMethod == .none)
        options.databar = .rows(50)
        let fifty = try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a")).measurement
        #expect(fifty.databarHeight == 50 && fifty.height == 220 && fifty.databarMethod == .manual)
        options.databar = .rows(270)
        #expect(throws: AnalysisError.noFrame(height: 270, databar: 270)) {
            try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a"))
        }
    }

    @Test("a region of interest: only its pixels are analysed, its origin is recorded")
    func region() throws {
        var options = AnalysisOptions()
        options.region = .init(x: 40, y: 30, width: 200, height: 150)
        let m = try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a")).measurement
        #expect(m.width == 200 && m.height == 150 && m.originX == 40 && m.originY == 30)
        #expect(m.pores.allSatisfy { $0.maxX <= 200 && $0.maxY <= 150 })
        // The region's pixel area bounds the pore area.
        #expect(m.pores.reduce(0) { $0 + $1.area } < 200 * 150)
        options.region = .init(x: 200, y: 0, width: 200, height: 10)
        #expect(throws: AnalysisError.regionOutsideFrame(x: 200, y: 0, width: 200, height: 10, frameWidth: 320, frameHeight: 240)) {
            try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a"))
        }
    }

    @Test("scale bar: pixel size = length / bar pixels, source scale_bar; > 2 % off the metadata is a warning")
    func scaleBar() throws {
        let decoded = Self.image(scaleBarLength: 100)
        let metadataSize = try #require(SEMMetadata.read(from: decoded)?.pixelSize?.x)
        var options = AnalysisOptions()
        // A label that agrees with the metadata to 1 %: no warning.
        options.scaleBarMicrometres = metadataSize * 100 * 1.01
        let close = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(close.calibration.source == .scaleBar)
        #expect(abs((close.calibration.pixelSize?.x ?? 0) - metadataSize * 1.01) < 1e-12)
        #expect(close.warnings.isEmpty)
        // 10 % off: a warning naming both values.
        options.scaleBarMicrometres = metadataSize * 110
        let far = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(far.warnings.count == 1 && far.warnings[0].contains("fei metadata"))
        // A manual pixel size wins over the scale bar.
        options.pixelSizeOverride = 0.5
        let manual = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(manual.calibration.source == .manual && manual.warnings.isEmpty)
    }

    @Test("scale bar asked for but no data bar: a warning, the metadata calibration stays")
    func scaleBarMissing() throws {
        var options = AnalysisOptions()
        options.scaleBarMicrometres = 10
        options.databar = .none
        let m = try ImageAnalyzer(options: options).analyze(Self.image(), input: ImageInput(path: "a")).measurement
        #expect(m.calibration.source == .fei)
        #expect(m.warnings == ["no scale bar found in the data bar; --scale-bar-um ignored"])
    }

    @Test("a jet-rendered image inverted with --colormap jet measures like its grey original; the wrong map warns")
    func colourMapped() throws {
        var spec = SynthSpec()
        spec.width = 256
        spec.height = 192
        spec.spacing = 36
        spec.wallWidth = 6
        spec.databarHeight = 0
        spec.seed = 6060
        guard case let .uint8(grey) = SyntheticMicrograph(spec: spec).raster else { Issue.record("8-bit expected"); return }
        var rgb: [UInt8] = []
        for g in grey.samples {
            let c = ColorMap.jet.colour(at: Int(g))
            rgb += [c.0, c.1, c.2]
        }
        let coloured = DecodedImage(format: .png, raster: .uint8(Image(width: 256, height: 192, channels: 3, samples: rgb)),
                                    bitsPerSample: 8, channels: 3, pages: 1)
        let plain = DecodedImage(format: .png, raster: .uint8(grey), bitsPerSample: 8, channels: 1, pages: 1)
        var options = AnalysisOptions()
        let reference = try ImageAnalyzer(options: options).analyze(plain, input: ImageInput(path: "g")).measurement
        options.colorMap = .jet
        let inverted = try ImageAnalyzer(options: options).analyze(coloured, input: ImageInput(path: "c")).measurement
        #expect(inverted.warnings.isEmpty)
        #expect(inverted.interiorPores.count == reference.interiorPores.count)
        let a = try #require(reference.radiusStatisticsPixels.mean), b = try #require(inverted.radiusStatisticsPixels.mean)
        #expect(abs(a / b - 1) < 0.005)
        options.colorMap = .viridis
        let wrong = try ImageAnalyzer(options: options).analyze(coloured, input: ImageInput(path: "c")).measurement
        #expect(wrong.warnings.contains { $0.contains("do not match the viridis map") })
    }
}
