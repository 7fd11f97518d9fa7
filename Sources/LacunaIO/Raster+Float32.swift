import LacunaImage

extension Raster {
    /// The smallest and largest finite sample of `image`, or `nil` when it has none.
    /// Complexity: O(n).
    public static func finiteRange(of image: Image<Float>) -> ClosedRange<Float>? {
        var low = Float.infinity, high = -Float.infinity
        image.samples.withUnsafeBufferPointer { samples in
            for value in samples where value.isFinite {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
        }
        return low <= high ? low ... high : nil
    }

    /// Float samples mapped linearly onto 16-bit levels, so that integer-only algorithms
    /// (histogram, Otsu threshold, overlays) can analyse a 32-bit float TIFF.
    ///
    /// With `lo…hi` = `finiteRange(of:)`, a finite sample `v` becomes
    /// `round((v − lo) / (hi − lo) × 65535)` (computed in `Double`), so `lo` → 0 and `hi` → 65535.
    /// The map is monotonic: pixel order, and so any threshold, carries over; level `t` stands for
    /// `lo + t / 65535 × (hi − lo)`, a resolution of (hi − lo)/65535 — far below the noise of SEM
    /// or TOF-SIMS data, which is why this route is honest for thresholding (it is not for
    /// reporting absolute float values). NaN and ±∞ become 0 (as `ImageAnalyzer` does). When every
    /// finite sample is equal, or none is finite, every sample becomes 0 (a uniform image).
    /// The channel layout is kept. Complexity: O(n).
    public static func uint16(linearlyMapping image: Image<Float>) -> Image<UInt16> {
        guard let range = finiteRange(of: image) else { return image.map { _ in 0 } }
        let low = Double(range.lowerBound)
        let span = Double(range.upperBound) - low
        let scale = span > 0 ? 65535 / span : 0
        return image.map { value -> UInt16 in
            guard value.isFinite else { return 0 }
            let level = ((Double(value) - low) * scale).rounded()
            return UInt16(Swift.min(65535, Swift.max(0, level)))
        }
    }
}
