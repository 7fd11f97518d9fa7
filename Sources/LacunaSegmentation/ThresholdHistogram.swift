import LacunaImage

/// The histogram a global threshold is computed on, with the map from bin index to grey level.
///
/// - scikit-image convention: one bin per integer over the occupied range [min, max]
///   (`skimage.exposure.histogram` on integer images), so bin `i` is the value `min + i`.
/// - ImageJ convention: 8-bit images use their 256 values directly (bin `i` is the value `i`);
///   deeper images are binned over [min, max] into 256 bins with
///   bin = ⌊255·(v − min)/(max − min)⌋, so the maximum falls in bin 255 and bin `i` covers
///   [min + i·w, min + (i+1)·w) with w = (max − min)/255. This reproduces ImageJ 1.54's
///   16-bit thresholds in ../shared/reference/anchors.md §4.3 (Otsu 19651, Li 17088,
///   Triangle 13500, IsoData 19651).
///
/// Building it is O(pixels); the input is not modified.
public struct ThresholdHistogram: Sendable, Equatable {
    /// Pixel counts per bin.
    public var counts: [Int]
    /// The smallest sample of the image.
    public var minimum: Int
    /// The largest sample of the image.
    public var maximum: Int
    /// The grey level at the start of bin 0 (the image minimum, or 0 for ImageJ's 8-bit bins).
    public var origin: Int
    /// Grey levels per bin: 1, or (max − min)/255 for ImageJ's binning of deep images.
    public var binWidth: Double

    /// A histogram given bin by bin (tests, or counts from elsewhere).
    public init(counts: [Int], minimum: Int, maximum: Int, origin: Int, binWidth: Double) {
        self.counts = counts
        self.minimum = minimum
        self.maximum = maximum
        self.origin = origin
        self.binWidth = binWidth
    }

    /// The histogram of a one-channel integer image in `convention`. An empty image gives
    /// empty counts.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public init<S: FixedWidthInteger & UnsignedInteger & Sendable>(of image: Image<S>,
                                                                    convention: ThresholdConvention) {
        precondition(image.channels == 1, "ThresholdHistogram needs one channel, got \(image.channels)")
        var lo = Int.max, hi = Int.min
        image.samples.withUnsafeBufferPointer { s in
            for v in s {
                let x = Int(v)
                if x < lo { lo = x }
                if x > hi { hi = x }
            }
        }
        if image.samples.isEmpty {
            self.init(counts: [], minimum: 0, maximum: 0, origin: 0, binWidth: 1)
            return
        }
        switch convention {
        case .skimage:
            var counts = [Int](repeating: 0, count: hi - lo + 1)
            counts.withUnsafeMutableBufferPointer { bins in
                image.samples.withUnsafeBufferPointer { s in
                    for v in s { bins[Int(v) - lo] += 1 }
                }
            }
            self.init(counts: counts, minimum: lo, maximum: hi, origin: lo, binWidth: 1)
        case .imagej where S.bitWidth <= 8:
            var counts = [Int](repeating: 0, count: 256)
            counts.withUnsafeMutableBufferPointer { bins in
                image.samples.withUnsafeBufferPointer { s in
                    for v in s { bins[Int(v)] += 1 }
                }
            }
            self.init(counts: counts, minimum: lo, maximum: hi, origin: 0, binWidth: 1)
        case .imagej:
            var counts = [Int](repeating: 0, count: 256)
            let range = hi - lo
            counts.withUnsafeMutableBufferPointer { bins in
                image.samples.withUnsafeBufferPointer { s in
                    if range == 0 {
                        bins[0] = s.count
                        return
                    }
                    for v in s { bins[min(255, 255 * (Int(v) - lo) / range)] += 1 }
                }
            }
            self.init(counts: counts, minimum: lo, maximum: hi, origin: lo,
                      binWidth: range == 0 ? 1 : Double(range) / 255)
        }
    }

    /// Whether every pixel has one value.
    public var isSingleLevel: Bool { minimum == maximum }
}
