import LacunaImage
import LacunaMeasure
import LacunaSegmentation

extension ImageAnalyzer {
    /// The threshold shift of the sensitivity check: 5 grey levels of an 8-bit scale, i.e. 5 for
    /// 8-bit images and 5·257 = 1285 for 16-bit ones (and float images, mapped to 16 bits).
    static func sensitivityStep(fullScale: Int) -> Int { fullScale <= 255 ? 5 : 5 * 257 }

    /// Porosity and mean interior equivalent radius with `threshold` lowered and raised by
    /// `step` (clamped to the depth), segmented exactly as the analysis does (mask, fill holes,
    /// 8-connected labels, small pores dropped). O(width·height) per level.
    static func thresholdSensitivity<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        of smooth: Image<S>, threshold: Int, step: Int, options: AnalysisOptions
    ) -> ThresholdSensitivity {
        func measure(_ level: Int) -> (porosity: Double, meanRadius: Double?) {
            let t = min(max(level, 0), Int(S.max))
            let mask = fillingHoles(in: poreMask(smooth, threshold: t, polarity: options.polarity))
            let components = removingSmallComponents(labelComponents(of: mask, connectivity: .eight),
                                                     minimumArea: options.minimumPoreArea)
            let regions = measureRegions(of: components.labels, count: components.count)
            let frame = ImageMeasurement(width: smooth.width, height: smooth.height, databarHeight: 0,
                                         calibration: .none, threshold: t, pores: regions)
            return (frame.porosity, frame.radiusStatisticsPixels.mean)
        }
        let lower = measure(threshold - step), raised = measure(threshold + step)
        return ThresholdSensitivity(step: step, porosityLower: lower.porosity, porosityRaised: raised.porosity,
                                    meanRadiusLower: lower.meanRadius, meanRadiusRaised: raised.meanRadius)
    }
}
