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
            // Areas and edge contact of the filled components only: the regions, in the same
            // order, that filling, labelling and measuring them would give.
            let pores = filledComponentSizes(of: mask(shift), connectivity: .eight)
                .filter { $0.area >= options.minimumPoreArea }
            let frame = Double(width * height)
            let porosity = frame == 0 ? 0 : pores.reduce(0.0) { $0 + Double($1.area) } / frame
            let radii = pores.filter { !$0.touchesEdge }.map { (Double($0.area) / Double.pi).squareRoot() }
            return (porosity, SizeStatistics(radii).mean)
        }
        let lower = measure(-step), raised = measure(step)
        return ThresholdSensitivity(step: step, porosityLower: lower.porosity, porosityRaised: raised.porosity,
                                    meanRadiusLower: lower.meanRadius, meanRadiusRaised: raised.meanRadius)
    }
}
