import LacunaSegmentation

/// The segmentation options as configuration keys (see `AnalysisOptions+Config.swift` for the
/// rules: each key is the `analyze` flag's name with `_` for `-`).
extension AnalysisOptions {
    /// Segmentation keys in the order `lacuna config --defaults` prints them.
    static let segmentationKeys = [
        "threshold", "threshold_value", "threshold_percentile", "threshold_convention",
        "local", "window", "k", "local_contrast",
        "background", "background_radius", "denoise", "denoise_radius", "denoise_range",
        "clahe", "clahe_clip", "clahe_tiles", "poisson", "poisson_bin",
    ]

    /// The segmentation options as configuration values.
    var segmentationValues: [String: ConfigValue] {
        let s = segmentation
        return [
            "threshold": .string(s.threshold.rawValue),
            "threshold_value": s.thresholdValue.map(ConfigValue.int) ?? .null,
            "threshold_percentile": .number(s.thresholdPercentile),
            "threshold_convention": .string(s.convention.rawValue),
            "local": s.local.map { .string($0.rawValue) } ?? .null,
            "window": .int(s.window),
            "k": s.k.map(ConfigValue.number) ?? .null,
            "local_contrast": .number(s.localContrast),
            "background": s.background.map { .string($0.rawValue) } ?? .null,
            "background_radius": .number(s.backgroundRadius),
            "denoise": s.denoise.map { .string($0.rawValue) } ?? .null,
            "denoise_radius": .number(s.denoiseRadius),
            "denoise_range": .number(s.denoiseRange),
            "clahe": .bool(s.clahe),
            "clahe_clip": .number(s.claheClip),
            "clahe_tiles": .int(s.claheTiles),
            "poisson": .string(s.poisson.rawValue),
            "poisson_bin": .int(s.poissonBin),
        ]
    }

    /// What each segmentation key means, for the commented default file.
    static let segmentationExplanations: [String: String] = [
        "threshold": "global threshold: " + ThresholdMethod.allCases.map(\.rawValue).joined(separator: ", "),
        "threshold_value": "grey level for threshold: manual (pores ≤ it when dark), at the image's depth",
        "threshold_percentile": "fraction of pixels at or below the level for threshold: percentile, in (0, 1)",
        "threshold_convention": "skimage (one bin per integer, method as scikit-image) or imagej (256 bins over min–max, ImageJ's methods)",
        "local": "local threshold instead of the global one: sauvola, niblack, phansalkar, bernsen; null for none",
        "window": "local window side in pixels, odd, 3…4095",
        "k": "local k; null for the method's default (0.2 sauvola/niblack, 0.25 phansalkar)",
        "local_contrast": "bernsen: minimum local contrast max − min in 8-bit grey levels",
        "background": "background flattening: rolling-ball or gaussian; null for none",
        "background_radius": "rolling-ball radius or Gaussian σ of the background, in pixels",
        "denoise": "denoising before thresholding: median (disk) or bilateral; null for none",
        "denoise_radius": "median radius in whole pixels, or the bilateral spatial σ in pixels",
        "denoise_range": "bilateral range σ in 8-bit grey levels (×257 at 16 bits)",
        "clahe": "contrast-limited adaptive histogram equalisation (Zuiderveld) before thresholding",
        "clahe_clip": "CLAHE clip limit: fraction of a tile's pixels per bin, in (0, 1]",
        "clahe_tiles": "CLAHE tiles per side, 1…64",
        "poisson": "none, or anscombe: 2√(x + 3/8) on count maps (TOF-SIMS) before everything else",
        "poisson_bin": "k × k binning of count maps before everything else (1 = off, up to 16); the mask is drawn back at full size",
    ]

    /// Sets a segmentation key; `false` if `key` is not one.
    mutating func setSegmentation(_ key: String, to value: ConfigValue) throws(ConfigError) -> Bool {
        func invalid(_ expected: String) -> ConfigError { .invalidValue(key: key, value: value.description, expected: expected) }
        func number() -> Double? {
            switch value {
            case let .int(n): Double(n)
            case let .number(d): d
            default: nil
            }
        }
        func choice<E: RawRepresentable & CaseIterable>(_: E.Type, nullable: Bool) throws(ConfigError) -> E? where E.RawValue == String {
            if nullable, value == .null { return nil }
            return try value.choice(E.self, key: key, alsoAccepted: nullable ? " or null" : "")
        }
        switch key {
        case "threshold": segmentation.threshold = try choice(ThresholdMethod.self, nullable: false) ?? .otsu
        case "threshold_value":
            switch value {
            case .null: segmentation.thresholdValue = nil
            case let .int(n) where n >= 0 && n <= 65535: segmentation.thresholdValue = n
            default: throw invalid("a grey level in 0…65535, or null")
            }
        case "threshold_percentile":
            guard let x = number(), x > 0, x < 1 else { throw invalid("a fraction in (0, 1)") }
            segmentation.thresholdPercentile = x
        case "threshold_convention":
            segmentation.convention = try choice(ThresholdConvention.self, nullable: false) ?? .skimage
        case "local": segmentation.local = try choice(LocalThresholdMethod.self, nullable: true)
        case "window":
            guard case let .int(n) = value, n >= 3, n <= LocalThreshold.maximumWindow, n % 2 == 1 else {
                throw invalid("an odd number of pixels in 3…\(LocalThreshold.maximumWindow)")
            }
            segmentation.window = n
        case "k":
            if value == .null {
                segmentation.k = nil
            } else {
                guard let x = number(), x.isFinite, abs(x) <= 10 else { throw invalid("a finite number in −10…10, or null") }
                segmentation.k = x
            }
        case "local_contrast":
            guard let x = number(), x >= 0, x <= 255 else { throw invalid("a number of grey levels in 0…255") }
            segmentation.localContrast = x
        case "background": segmentation.background = try choice(SegmentationOptions.Background.self, nullable: true)
        case "background_radius":
            guard let x = number(), x > 0, x <= 10_000 else { throw invalid("a number of pixels in (0, 10000]") }
            segmentation.backgroundRadius = x
        case "denoise": segmentation.denoise = try choice(SegmentationOptions.Denoise.self, nullable: true)
        case "denoise_radius":
            guard let x = number(), x > 0, x <= 50 else { throw invalid("a number of pixels in (0, 50]") }
            segmentation.denoiseRadius = x
        case "denoise_range":
            guard let x = number(), x > 0, x <= 255 else { throw invalid("a number of grey levels in (0, 255]") }
            segmentation.denoiseRange = x
        case "clahe":
            guard case let .bool(b) = value else { throw invalid("true or false") }
            segmentation.clahe = b
        case "clahe_clip":
            guard let x = number(), x > 0, x <= 1 else { throw invalid("a fraction in (0, 1]") }
            segmentation.claheClip = x
        case "clahe_tiles":
            guard case let .int(n) = value, n >= 1, n <= 64 else { throw invalid("an integer in 1…64") }
            segmentation.claheTiles = n
        case "poisson": segmentation.poisson = try choice(SegmentationOptions.Poisson.self, nullable: false) ?? .none
        case "poisson_bin":
            guard case let .int(n) = value, n >= 1, n <= 16 else { throw invalid("an integer in 1…16") }
            segmentation.poissonBin = n
        default: return false
        }
        return true
    }
}
