import LacunaImage

/// The histogram of a one-channel integer image: one bin per integer value 0…max sample.
///
/// One bin per integer is scikit-image's binning for integer images (`threshold_otsu` ignores
/// `nbins` for them); ImageJ instead bins 16-bit images into 256 bins over [min, max]
/// (../shared/reference/anchors.md §4.1, §4.3).
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func histogram<S: FixedWidthInteger & UnsignedInteger & Sendable>(of image: Image<S>) -> [Int] {
    precondition(image.channels == 1, "histogram needs one channel, got \(image.channels)")
    var maximum = 0
    for v in image.samples where Int(v) > maximum { maximum = Int(v) }
    var counts = [Int](repeating: 0, count: maximum + 1)
    counts.withUnsafeMutableBufferPointer { bins in
        for v in image.samples { bins[Int(v)] += 1 }
    }
    return counts
}

/// Otsu's threshold of a histogram: the level `t` maximising the between-class variance of
/// the classes `value ≤ t` and `value > t` (Otsu 1979, IEEE Trans. SMC 9(1):62–66).
///
/// Convention (scikit-image): bin `i` holds the integer value `i`; the search runs over the
/// occupied range [min, max − 1]; ties take the lowest level; foreground is `value > t`.
/// ImageJ selects `value ≥ t + 1` on 256 bins, which is the same set for 8-bit images.
/// Returns `nil` when fewer than two distinct values occur. Complexity O(bins).
public func otsuThreshold(histogram counts: [Int]) -> Int? {
    guard let first = counts.firstIndex(where: { $0 > 0 }),
          let last = counts.lastIndex(where: { $0 > 0 }), last > first else { return nil }
    var totalCount = 0.0, totalSum = 0.0
    for i in first ... last {
        totalCount += Double(counts[i])
        totalSum += Double(i) * Double(counts[i])
    }
    var lowCount = 0.0, lowSum = 0.0
    var best = -1.0
    var level = first
    for t in first ..< last {
        lowCount += Double(counts[t])
        lowSum += Double(t) * Double(counts[t])
        let highCount = totalCount - lowCount
        if lowCount == 0 || highCount == 0 { continue }
        let difference = lowSum / lowCount - (totalSum - lowSum) / highCount
        let variance = lowCount * highCount * difference * difference
        if variance > best {
            best = variance
            level = t
        }
    }
    return level
}

/// Which side of the threshold the pores are on.
public enum PorePolarity: String, Sendable, CaseIterable, Codable {
    /// Pores darker than the framework (SEM top views of stripped Li): pore = value ≤ t.
    case dark
    /// Pores brighter than the framework: pore = value > t.
    case bright
}

/// The pore mask of `image` at threshold `t`: `value ≤ t` for dark pores, `value > t` for bright.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func poreMask<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, threshold t: Int,
                                                                       polarity: PorePolarity) -> Mask {
    precondition(image.channels == 1, "poreMask needs one channel, got \(image.channels)")
    let samples: [Bool] = switch polarity {
    case .dark: image.samples.map { Int($0) <= t }
    case .bright: image.samples.map { Int($0) > t }
    }
    return Mask(width: image.width, height: image.height, channels: 1, samples: samples)
}
