import LacunaImage
import LacunaSegmentation

extension ImageAnalyzer {
    /// Where the pores end: one grey level, or a local surface.
    enum Cut {
        case global(GlobalThreshold)
        case local(Image<Double>)

        /// The pore mask with the cut moved by `shift` grey levels (clamped to the depth for a
        /// global level, as the sensitivity check needs).
        func mask<S: FixedWidthInteger & UnsignedInteger & Sendable>(of image: Image<S>, shift: Int,
                                                                     polarity: PorePolarity) -> Mask {
            switch self {
            case let .global(t): poreMask(image, threshold: min(max(t.level + shift, 0), Int(S.max)), polarity: polarity)
            case let .local(surface): poreMask(image, surface: surface, offset: Double(shift), polarity: polarity)
            }
        }

        /// The level images.csv records: the global level, or the local surface's mean rounded
        /// down; after `--poisson anscombe` mapped back to counts (docs/cli.md).
        func recordedLevel<S: FixedWidthInteger & UnsignedInteger>(_ options: SegmentationOptions, depth: S.Type) -> Int {
            var level: Double
            switch self {
            case let .global(t): level = Double(t.level)
            case let .local(surface):
                level = surface.samples.isEmpty ? 0 : surface.samples.reduce(0, +) / Double(surface.samples.count)
            }
            if options.poisson == .anscombe { level = max(0, AnscombeTransform.inverse(level, as: S.self)) }
            return Int(level.rounded(.down))
        }
    }

    /// The cut of `smooth` that `options` ask for.
    ///
    /// - Throws: `AnalysisError.uniformImage` for a one-level image under a global method,
    ///   `.threshold` when the method or its parameters fail.
    static func cut<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ smooth: Image<S>,
                                                                      options: AnalysisOptions) throws(AnalysisError) -> Cut {
        let s = options.segmentation
        do {
            if let local = s.localThreshold { return .local(try local.surface(of: smooth)) }
            return .global(try GlobalThreshold(of: smooth, method: s.threshold, convention: s.convention,
                                               percentile: s.thresholdPercentile, manualLevel: s.thresholdValue))
        } catch {
            if case .singleLevel = error { throw .uniformImage }
            throw .threshold(error)
        }
    }
}
