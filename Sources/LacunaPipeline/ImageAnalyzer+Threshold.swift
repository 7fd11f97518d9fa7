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

extension ImageAnalyzer {
    /// The segmentation of one frame: the level images.csv records, the sensitivity step in
    /// the same grey levels, and the full-size pore mask with the cut shifted by n levels.
    struct Segmenter {
        var threshold: Int
        var step: Int
        var mask: (Int) -> Mask
    }

    /// Pre-processing, Gaussian σ and cut of `grey`; with `--poisson-bin k` (k > 1) on the
    /// k × k block sums (`binnedSum`, 16-bit), the mask drawn back at full size and the level
    /// and step in summed counts (step × k²).
    static func segmenter<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        for grey: Image<S>, options: AnalysisOptions, threads: Int = 1
    ) throws(AnalysisError) -> Segmenter {
        let s = options.segmentation, k = s.poissonBin
        let step = sensitivityStep(fullScale: Int(S.max))
        if k <= 1 {
            let smooth = gaussianBlur(s.prepare(grey, polarity: options.polarity), sigma: options.blurSigma,
                                      threads: threads)
            let cut = try cut(smooth, options: options)
            return Segmenter(threshold: cut.recordedLevel(s, depth: S.self), step: step) {
                cut.mask(of: smooth, shift: $0, polarity: options.polarity)
            }
        }
        let binned = binnedSum(grey, factor: k)
        let smooth = gaussianBlur(s.prepare(binned, polarity: options.polarity), sigma: options.blurSigma,
                                  threads: threads)
        let cut = try cut(smooth, options: options)
        return Segmenter(threshold: cut.recordedLevel(s, depth: UInt16.self), step: step * k * k) {
            upsampling(cut.mask(of: smooth, shift: $0, polarity: options.polarity), factor: k,
                       width: grey.width, height: grey.height)
        }
    }
}
