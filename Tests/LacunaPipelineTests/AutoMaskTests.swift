import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Testing

/// `--auto-mask`: a featureless region (vacuum beside the sample) is left out of the analysis.
@Suite("Automatic mask of featureless regions")
struct AutoMaskTests {
    /// A 400 × 240 synthetic top view (spacing 40 px, holes ≈ 17 px radius) whose columns
    /// x < 160 are replaced by "vacuum": the hole-floor level with the same noise, no structure.
    static func halfVacuum() -> (decoded: DecodedImage, truth: SynthTruth) {
        var spec = SynthSpec()
        spec.width = 400
        spec.height = 240
        spec.spacing = 40
        spec.wallWidth = 7
        spec.databarHeight = 0
        spec.seed = 8117
        let image = SyntheticMicrograph(spec: spec)
        var decoded = SyntheticFiles.decoded(image)
        guard case var .uint8(pixels) = decoded.raster else { return (decoded, image.truth) }
        var random = SeededRandom(seed: 8118)
        for y in 0 ..< 240 {
            for x in 0 ..< 160 { pixels[x, y] = UInt8(max(0, min(255, (56 + 9 * random.normal()).rounded()))) }
        }
        decoded.raster = .uint8(pixels)
        return (decoded, image.truth)
    }

    @Test("the vacuum (160 of 400 columns) is left out: analysed area within 3 % of the frame of 240 · 240 px; no pore inside it")
    func vacuumLeftOut() throws {
        let (decoded, truth) = Self.halfVacuum()
        var options = AnalysisOptions()
        options.autoMask = true
        options.autoMaskWindow = 48
        let result = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "v.tif"))
        let m = result.measurement
        #expect(m.analysedRegionSource == "auto")
        let analysed = try #require(m.analysedPixelCount)
        #expect(abs(analysed - 240 * 240) <= 400 * 240 * 3 / 100, "analysed \(analysed) px")
        #expect(m.pores.allSatisfy { $0.maxX > 150 }, "no pore lies in the vacuum")
        // The structured part has the synthetic image's porosity φ (holes spread evenly);
        // without the mask the vacuum is one giant pore: 0.4 + 0.6·φ = φ + 0.4·(1 − φ) ≈ φ + 0.13.
        #expect(abs(m.porosity - truth.porosity) < 0.04, "porosity \(m.porosity) vs \(truth.porosity)")
        let plain = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "v.tif")).measurement
        #expect(plain.porosity > truth.porosity + 0.1)
        // The overlay shades the vacuum.
        #expect(result.overlay[10, 120, 2] >= 96)
    }

    @Test("a structured frame keeps (nearly) every pixel")
    func structuredKept() throws {
        let image = ImageAnalyzerTests.smallImage()
        var options = AnalysisOptions()
        options.autoMask = true
        options.autoMaskWindow = 48
        let m = try ImageAnalyzer(options: options).analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "s.tif")).measurement
        #expect(m.analysedPixelCount == 320 * 240)
    }
}
