import LacunaImage

/// Histograms finer than this are refused by Huang's threshold, whose cost is O(bins²).
public let huangLevelLimit = 4096

extension GlobalThreshold {
    /// The global threshold of a one-channel integer image.
    ///
    /// Builds the `ThresholdHistogram` of `convention`, runs `method` on it and maps the bin
    /// back to a grey level (see `GlobalThreshold`). Deterministic; the image is not modified.
    /// Cost O(pixels + bins), O(bins·iterations) for Li, Minimum and Intermodes, O(bins²) for
    /// Huang.
    ///
    /// - Parameters:
    ///   - percentile: for `.percentile`, the fraction of pixels at or below the level, in (0, 1)
    ///     (ImageJ fixes 0.5).
    ///   - manualLevel: for `.manual`, the level itself (pores `≤` it when dark).
    /// - Throws: `ThresholdError.singleLevel` for a constant (or 1-pixel) image, `.notFound`
    ///   when the method has no answer, `.invalidParameter` for a missing or out-of-range
    ///   parameter, `.tooManyLevels` for Huang on more than `huangLevelLimit` bins.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public init<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        of image: Image<S>, method: ThresholdMethod, convention: ThresholdConvention = .skimage,
        percentile: Double = 0.5, manualLevel: Int? = nil
    ) throws(ThresholdError) {
        if method == .manual {
            guard let manualLevel, manualLevel >= 0, manualLevel <= Int(S.max) else {
                throw .invalidParameter(name: "manual threshold", value: manualLevel.map(String.init) ?? "none",
                                        expected: "a grey level in 0…\(S.max)")
            }
            self.init(level: manualLevel, value: Double(manualLevel), bin: manualLevel)
            return
        }
        try self.init(histogram: ThresholdHistogram(of: image, convention: convention), method: method,
                      convention: convention, percentile: percentile)
    }

    /// The threshold of an already built histogram (see `init(of:method:convention:…)`).
    public init(histogram: ThresholdHistogram, method: ThresholdMethod, convention: ThresholdConvention,
                percentile: Double = 0.5) throws(ThresholdError) {
        guard !histogram.counts.isEmpty else { throw .singleLevel(0) }
        if histogram.isSingleLevel { throw .singleLevel(histogram.minimum) }
        let counts = histogram.counts
        let imagej = convention == .imagej
        var position: Double? = nil
        switch method {
        case .manual:
            throw .invalidParameter(name: "manual threshold", value: "none", expected: "given with the image")
        case .otsu: position = otsuThreshold(histogram: counts).map(Double.init)
        case .li: position = imagej ? liBinImageJ(counts).map(Double.init) : liPositionSkimage(counts)
        case .triangle: position = triangleBin(counts, imagej: imagej).map(Double.init)
        case .yen: position = yenBin(counts, skimage: !imagej).map(Double.init)
        case .isodata: position = (imagej ? isodataBinImageJ(counts) : isodataBinSkimage(counts)).map(Double.init)
        case .huang:
            if counts.count > huangLevelLimit {
                throw .tooManyLevels(method: .huang, levels: counts.count, limit: huangLevelLimit)
            }
            position = huangBin(counts).map(Double.init)
        case .maxentropy: position = maxEntropyBin(counts).map(Double.init)
        case .mean:
            let mean = meanPosition(counts)
            position = imagej ? mean.map { $0.rounded(.down) } : mean
        case .minimum: position = minimumBin(counts, imagej: imagej).map(Double.init)
        case .intermodes: position = intermodesBin(counts).map(Double.init)
        case .moments: position = momentsBin(counts).map(Double.init)
        case .percentile:
            guard percentile > 0, percentile < 1 else {
                throw .invalidParameter(name: "percentile", value: "\(percentile)", expected: "a fraction in (0, 1)")
            }
            position = percentileBin(counts, fraction: percentile).map(Double.init)
        }
        guard let position else { throw .notFound(method) }
        self = GlobalThreshold.mapping(position, in: histogram, convention: convention)
    }

    /// Bin position → grey level. scikit-image: value = origin + position, level = ⌊value⌋.
    /// ImageJ: lower = origin + (bin + 1)·binWidth is the first selected value, level = ⌈lower⌉ − 1
    /// (computed in integers on deep images, so it is exact).
    static func mapping(_ position: Double, in histogram: ThresholdHistogram,
                        convention: ThresholdConvention) -> GlobalThreshold {
        let bin = Int(position.rounded(.down))
        switch convention {
        case .skimage:
            let value = Double(histogram.origin) + position
            return GlobalThreshold(level: Int(value.rounded(.down)), value: value, bin: bin)
        case .imagej:
            if histogram.binWidth == 1 && histogram.origin == 0 {
                return GlobalThreshold(level: bin, value: Double(bin + 1), bin: bin)
            }
            let range = histogram.maximum - histogram.minimum
            let lower = Double(histogram.minimum) + Double(bin + 1) / 255 * Double(range)
            let level = histogram.minimum + ((bin + 1) * range + 254) / 255 - 1
            return GlobalThreshold(level: level, value: lower, bin: bin)
        }
    }
}
