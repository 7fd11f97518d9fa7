/// Checks on one analysed image that say whether its numbers can be trusted (`qa_flags`).
public struct ImageQuality: Sendable, Equatable {
    /// Fraction of frame pixels at the lowest or highest value of the image's bit depth
    /// (clipped detector signal).
    public var saturatedFraction: Double
    /// (99th − 1st percentile grey level) / the depth's full scale (255 or 65535).
    public var contrast: Double

    public init(saturatedFraction: Double, contrast: Double) {
        self.saturatedFraction = saturatedFraction
        self.contrast = contrast
    }

    /// The measures of a frame from its histogram of raw (unsmoothed) grey levels, bin i = level i,
    /// for a depth whose largest value is `fullScale`. Percentiles are the lowest level whose
    /// cumulative count reaches the fraction. O(bins).
    public init(histogram counts: [Int], fullScale: Int) {
        let total = counts.reduce(0, +)
        guard total > 0, fullScale > 0 else {
            self.init(saturatedFraction: 0, contrast: 0)
            return
        }
        let top = fullScale < counts.count ? counts[fullScale] : 0
        let saturated = Double(counts.first ?? 0) + Double(top)
        func percentile(_ p: Double) -> Int {
            var cumulative = 0
            for (level, count) in counts.enumerated() {
                cumulative += count
                if Double(cumulative) >= p * Double(total) { return level }
            }
            return counts.count - 1
        }
        self.init(saturatedFraction: saturated / Double(total),
                  contrast: Double(percentile(0.99) - percentile(0.01)) / Double(fullScale))
    }

    /// Above this saturated fraction the flag `saturated` is raised (1 %).
    public static let saturationLimit = 0.01
    /// Below this contrast the flag `low_contrast` is raised (10 % of full scale).
    public static let contrastLimit = 0.10
    /// Fewer pores than this in the statistics raise `few_pores` (20).
    public static let minimumPores = 20
    /// A larger fraction of pores touching the frame edge raises `border_pores` (30 %).
    public static let borderLimit = 0.30
}
