import Foundation
import LacunaImage
import LacunaIO
import LacunaPipeline
import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Segmentation options in the pipeline")
struct SegmentationOptionsTests {
    static func decoded(seed: UInt64 = 4242) -> DecodedImage {
        var spec = SynthSpec()
        spec.width = 240
        spec.height = 180
        spec.spacing = 36
        spec.wallWidth = 7
        spec.databarHeight = 0
        spec.seed = seed
        return SyntheticFiles.decoded(SyntheticMicrograph(spec: spec))
    }

    static func grey(_ decoded: DecodedImage) throws -> Image<UInt8> {
        guard case let .uint8(image) = decoded.raster else { throw ThresholdError.singleLevel(-1) }
        return image
    }

    @Test("Defaults reproduce the first release: Gaussian σ 1, then Otsu on the per-integer histogram")
    func defaultsUnchanged() throws {
        let decoded = Self.decoded()
        let m = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a.tif")).measurement
        let smooth = gaussianBlur(try Self.grey(decoded), sigma: 1)
        // The first release's call, unchanged in Threshold.swift.
        #expect(m.threshold == otsuThreshold(histogram: histogram(of: smooth)))
        #expect(AnalysisOptions().segmentation == SegmentationOptions())
    }

    @Test("Every segmentation key: default value, set, and read back from run.json's values")
    func configRoundTrip() throws {
        let defaults = AnalysisOptions().configValues
        #expect(defaults["threshold"] == .string("otsu") && defaults["threshold_convention"] == .string("skimage"))
        #expect(defaults["local"] == .null && defaults["window"] == .int(15) && defaults["k"] == .null)
        #expect(defaults["background"] == .null && defaults["denoise"] == .null && defaults["clahe"] == .bool(false))
        #expect(defaults["poisson"] == .string("none") && defaults["poisson_bin"] == .int(1))
        let text = """
            threshold: percentile
            threshold_value: 100
            threshold_percentile: 0.3
            threshold_convention: imagej
            local: phansalkar
            window: 31
            k: 0.3
            local_contrast: 20
            background: rolling-ball
            background_radius: 40
            denoise: bilateral
            denoise_radius: 2
            denoise_range: 15
            clahe: true
            clahe_clip: 0.02
            clahe_tiles: 4
            poisson: anscombe
            poisson_bin: 3
            """
        let options = try ConfigFile.apply(ConfigFile.parse(text, path: "c"), to: AnalysisOptions())
        let s = options.segmentation
        #expect(s.threshold == .percentile && s.thresholdValue == 100 && s.thresholdPercentile == 0.3)
        #expect(s.convention == .imagej && s.local == .phansalkar && s.window == 31 && s.k == 0.3 && s.localContrast == 20)
        #expect(s.background == .rollingBall && s.backgroundRadius == 40)
        #expect(s.denoise == .bilateral && s.denoiseRadius == 2 && s.denoiseRange == 15)
        #expect(s.clahe && s.claheClip == 0.02 && s.claheTiles == 4 && s.poisson == .anscombe && s.poissonBin == 3)
        var again = AnalysisOptions()
        for (key, value) in options.configValues { try again.set(key, to: value) }
        #expect(again == options)
    }

    @Test("Out-of-range values name the key", arguments: [
        ("window", ConfigValue.int(14)), ("window", .int(0)), ("window", .int(1_000_001)), ("window", .number(15)),
        ("k", .number(.nan)), ("k", .string("big")), ("threshold", .string("otsu2")), ("local", .string("wolf")),
        ("threshold_convention", .string("matlab")), ("threshold_percentile", .number(1)), ("threshold_value", .int(-1)),
        ("background", .string("ball")), ("background_radius", .number(0)), ("denoise_radius", .number(51)),
        ("clahe", .string("yes")), ("clahe_clip", .number(0)), ("clahe_tiles", .int(65)), ("poisson", .string("sqrt")),
        ("poisson_bin", .int(0)), ("poisson_bin", .int(17)),
    ])
    func invalid(key: String, value: ConfigValue) {
        var options = AnalysisOptions()
        #expect {
            try options.set(key, to: value)
        } throws: { error in
            guard case let ConfigError.invalidValue(named, _, _) = error else { return false }
            return named == key
        }
    }

    @Test("A manual threshold needs its value; a value above the depth fails the image")
    func manual() throws {
        var options = AnalysisOptions()
        options.segmentation.threshold = .manual
        #expect(options.segmentation.inconsistency != nil)
        options.segmentation.thresholdValue = 120
        #expect(options.segmentation.inconsistency == nil)
        let m = try ImageAnalyzer(options: options).analyze(Self.decoded(), input: ImageInput(path: "a")).measurement
        #expect(m.threshold == 120)
        options.segmentation.thresholdValue = 300
        #expect(throws: AnalysisError.threshold(.invalidParameter(name: "manual threshold", value: "300",
                                                                  expected: "a grey level in 0…255"))) {
            try ImageAnalyzer(options: options).analyze(Self.decoded(), input: ImageInput(path: "a"))
        }
    }

    @Test("Every global method and convention runs on a synthetic micrograph and finds its pores")
    func everyMethod() throws {
        let decoded = Self.decoded()
        let reference = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a")).measurement
        for method in ThresholdMethod.allCases where method != .manual {
            for convention in ThresholdConvention.allCases {
                var options = AnalysisOptions()
                options.segmentation.threshold = method
                options.segmentation.convention = convention
                do {
                    let m = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
                    // Two well separated phases: every method lands between them, so the
                    // interior pores are the same holes (within a few merged or lost).
                    #expect(abs(m.interiorPores.count - reference.interiorPores.count) <= 3, "\(method) \(convention)")
                } catch {
                    #expect(error == .threshold(.notFound(method)), "\(method) \(convention): \(error)")
                }
            }
        }
    }

    @Test("Local thresholds find the same pores; their sensitivity shifts the whole surface")
    func local() throws {
        let decoded = Self.decoded()
        let reference = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a")).measurement
        for method in LocalThresholdMethod.allCases {
            var options = AnalysisOptions()
            options.segmentation.local = method
            options.segmentation.window = 51
            // The sensitivity moves the threshold, so it brackets the thresholded pixel porosity
            // (with sub-pixel outlines, the default, porosity no longer follows the threshold).
            options.boundary = .pixels
            let m = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
            #expect(abs(m.interiorPores.count - reference.interiorPores.count) <= 3, "\(method)")
            let s = try #require(m.thresholdSensitivity)
            #expect(s.porosityLower <= m.porosity && m.porosity <= s.porosityRaised, "\(method)")
        }
    }

    @Test("Pre-processing options run and keep the holes", arguments: [
        "background: rolling-ball", "background: gaussian", "denoise: median", "denoise: bilateral",
        "clahe: true", "poisson: anscombe", "poisson_bin: 2",
    ])
    func preprocessing(line: String) throws {
        let decoded = Self.decoded()
        let reference = try ImageAnalyzer(options: AnalysisOptions()).analyze(decoded, input: ImageInput(path: "a")).measurement
        let options = try ConfigFile.apply(ConfigFile.parse(line, path: "c"), to: AnalysisOptions())
        let m = try ImageAnalyzer(options: options).analyze(decoded, input: ImageInput(path: "a")).measurement
        #expect(abs(m.interiorPores.count - reference.interiorPores.count) <= 3, "\(line)")
        #expect(abs(m.porosity - reference.porosity) < 0.05, "\(line)")
    }

    @Test("A constant frame: global methods report a uniform image, local ones find no pores")
    func constantFrame() throws {
        let flat = DecodedImage(format: .png, raster: .uint8(Image(width: 20, height: 10, repeating: 90)),
                                bitsPerSample: 8, channels: 1, pages: 1)
        var plain = AnalysisOptions()
        plain.databar = .none
        #expect(throws: AnalysisError.uniformImage) {
            try ImageAnalyzer(options: plain).analyze(flat, input: ImageInput(path: "a"))
        }
        var options = plain
        options.segmentation.local = .sauvola
        // s = 0, so T = m(1 − k) = 72 < 90: every pixel is framework.
        let m = try ImageAnalyzer(options: options).analyze(flat, input: ImageInput(path: "a")).measurement
        #expect(m.pores.isEmpty && m.threshold == 72)
        let one = DecodedImage(format: .png, raster: .uint8(Image(width: 1, height: 1, samples: [5])),
                               bitsPerSample: 8, channels: 1, pages: 1)
        #expect(throws: AnalysisError.uniformImage) {
            try ImageAnalyzer(options: plain).analyze(one, input: ImageInput(path: "a"))
        }
    }
}
