import LacunaImage

/// The neighbourhood of a rank filter.
public enum Footprint: String, Sendable, CaseIterable, Codable {
    /// (2r + 1)² pixels.
    case square
    /// Pixels with dx² + dy² ≤ r² (scikit-image `disk(r)`).
    case disk
}

/// The index SciPy's `ndimage` mode `reflect` reads for position `j` of a line of `n` samples:
/// mirrored with the edge sample repeated (`b a | a b c | c b`), repeatedly for long windows.
@inline(__always)
func mirrorIndex(_ j: Int, count n: Int) -> Int {
    let period = 2 * n
    var m = j % period
    if m < 0 { m += period }
    return m < n ? m : period - 1 - m
}

/// Median filter with a square or disk of radius `radius` pixels, edges mirrored as SciPy's
/// `median_filter(mode="reflect")` (scikit-image `filters.median` with `disk`/`square`
/// footprints). For an even number of samples in the footprint (never: both footprints are
/// odd) the lower median would be taken.
///
/// Each pixel gathers its footprint into one reused buffer and selects the median with
/// quickselect: O(width·height·r²) expected, no allocation per pixel. Radius 0 returns the
/// input. The input is not modified.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func medianFilter<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, radius: Int,
                                                                          footprint: Footprint = .disk) -> Image<S> {
    precondition(image.channels == 1, "medianFilter needs one channel, got \(image.channels)")
    precondition(radius >= 0, "median radius must be ≥ 0, got \(radius)")
    if radius == 0 || image.pixelCount == 0 { return image }
    var offsets: [(dx: Int, dy: Int)] = []
    for dy in -radius ... radius {
        for dx in -radius ... radius where footprint == .square || dx * dx + dy * dy <= radius * radius {
            offsets.append((dx, dy))
        }
    }
    let w = image.width, h = image.height
    var out = [S](repeating: 0, count: w * h)
    var buffer = [S](repeating: 0, count: offsets.count)
    let middle = (offsets.count - 1) / 2
    image.samples.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            buffer.withUnsafeMutableBufferPointer { b in
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let inside = x >= radius && y >= radius && x + radius < w && y + radius < h
                        for (i, o) in offsets.enumerated() {
                            let xx = inside ? x + o.dx : mirrorIndex(x + o.dx, count: w)
                            let yy = inside ? y + o.dy : mirrorIndex(y + o.dy, count: h)
                            b[i] = src[yy * w + xx]
                        }
                        dst[y * w + x] = select(b, rank: middle)
                    }
                }
            }
        }
    }
    return Image(width: w, height: h, samples: out)
}

/// The element of rank `k` (0-based) of `b`, reordering `b` in place (Hoare's quickselect
/// with a median-of-three pivot). O(count) expected.
func select<S: Comparable>(_ b: UnsafeMutableBufferPointer<S>, rank k: Int) -> S {
    var lo = 0, hi = b.count - 1
    while lo < hi {
        let mid = (lo + hi) / 2
        if b[mid] < b[lo] { b.swapAt(mid, lo) }
        if b[hi] < b[lo] { b.swapAt(hi, lo) }
        if b[hi] < b[mid] { b.swapAt(hi, mid) }
        let pivot = b[mid]
        var i = lo, j = hi
        while i <= j {
            while b[i] < pivot { i += 1 }
            while pivot < b[j] { j -= 1 }
            if i <= j {
                b.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        if k <= j { hi = j } else if k >= i { lo = i } else { return b[k] }
    }
    return b[k]
}
