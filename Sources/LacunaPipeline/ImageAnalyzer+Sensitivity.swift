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
        thresholdSensitivity(width: smooth.width, height: smooth.height, step: step, options: options) {
            poreMask(smooth, threshold: min(max(threshold + $0, 0), Int(S.max)), polarity: options.polarity)
        }
    }

    /// The same for any cut: `mask(shift)` is the pore mask with the threshold (level or local
    /// surface) moved by `shift` grey levels.
    static func thresholdSensitivity(width: Int, height: Int, step: Int, options: AnalysisOptions,
                                     mask: (Int) -> Mask) -> ThresholdSensitivity {
        func measure(_ shift: Int) -> (porosity: Double, meanRadius: Double?) {
            let filled = fillingHoles(in: mask(shift))
            let components = labelComponents(of: filled, connectivity: .eight)
            // Areas and boxes only, small pores left out of the list rather than relabelled:
            // the same regions, in the same order, as dropping them from the label image.
            let regions = measureRegions(of: components.labels, count: components.count, perimeters: false)
                .filter { $0.area >= options.minimumPoreArea }
            let frame = ImageMeasurement(width: width, height: height, databarHeight: 0,
                                         calibration: .none, threshold: 0, pores: regions)
            return (frame.porosity, frame.radiusStatisticsPixels.mean)
        }
        let lower = measure(-step), raised = measure(step)
        return ThresholdSensitivity(step: step, porosityLower: lower.porosity, porosityRaised: raised.porosity,
                                    meanRadiusLower: lower.meanRadius, meanRadiusRaised: raised.meanRadius)
    }
}
