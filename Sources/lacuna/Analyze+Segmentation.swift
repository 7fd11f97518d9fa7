import ArgumentParser
import LacunaPipeline

extension Analyze {
    /// The segmentation flags that were given, as configuration pairs (`--threshold li` →
    /// `threshold: li`), so flags and config files share one validation (`AnalysisOptions.set`).
    var segmentationPairs: [(key: String, value: ConfigValue)] {
        var pairs: [(key: String, value: ConfigValue)] = []
        func add(_ key: String, _ value: ConfigValue?) { if let value { pairs.append((key, value)) } }
        add("threshold", threshold.map(ConfigValue.string))
        add("threshold_value", thresholdValue.map(ConfigValue.int))
        add("threshold_percentile", thresholdPercentile.map(ConfigValue.number))
        add("threshold_convention", thresholdConvention.map(ConfigValue.string))
        add("local", local.map(ConfigValue.string))
        add("window", window.map(ConfigValue.int))
        add("k", k.map(ConfigValue.number))
        add("local_contrast", localContrast.map(ConfigValue.number))
        add("background", background.map(ConfigValue.string))
        add("background_radius", backgroundRadius.map(ConfigValue.number))
        add("denoise", denoise.map(ConfigValue.string))
        add("denoise_radius", denoiseRadius.map(ConfigValue.number))
        add("denoise_range", denoiseRange.map(ConfigValue.number))
        add("clahe", clahe ? .bool(true) : nil)
        add("clahe_clip", claheClip.map(ConfigValue.number))
        add("clahe_tiles", claheTiles.map(ConfigValue.int))
        add("poisson", poisson.map(ConfigValue.string))
        add("poisson_bin", poissonBin.map(ConfigValue.int))
        return pairs
    }

    /// `options` with the segmentation flags applied.
    ///
    /// - Throws: `ValidationError` naming the flag and the accepted values (exit status 2).
    func segmentationOptions(applyingTo options: AnalysisOptions) throws -> AnalysisOptions {
        var result = options
        for pair in segmentationPairs {
            do {
                try result.set(pair.key, to: pair.value)
            } catch let ConfigError.invalidValue(key, value, expected) {
                throw ValidationError("--\(key.replacingOccurrences(of: "_", with: "-")) must be \(expected), got '\(value)'")
            }
        }
        return result
    }
}
