import LacunaImage

/// The separable Gaussian of `gaussianBlur`: rows first, then columns, each output sample
/// k₀·v₀ + Σₖ kₖ·(v₋ₖ + v₊ₖ) summed in that order with borders mirrored (SciPy `reflect`), so
/// every sample is bit-for-bit what a per-line convolution gives. The column pass runs over
/// whole rows (memory read in order, vectorisable) instead of gathering columns.
/// `values` holds the input on entry and the result on return. No per-pixel allocation.
func separableGaussian(_ values: inout [Float], width w: Int, height h: Int, kernel: [Float]) {
    guard w > 0, h > 0 else { return }
    let radius = kernel.count - 1
    var line = [Float](repeating: 0, count: w)
    var accumulator = [Float](repeating: 0, count: w)
    var rows = [Float](repeating: 0, count: w * h)
    kernel.withUnsafeBufferPointer { k in
        values.withUnsafeMutableBufferPointer { v in
            rows.withUnsafeMutableBufferPointer { r in
                line.withUnsafeMutableBufferPointer { line in
                    for y in 0 ..< h {
                        let row = v.baseAddress! + y * w
                        line.baseAddress!.update(from: row, count: w)
                        convolveLine(UnsafePointer(line.baseAddress!), count: w, kernel: k, into: r.baseAddress! + y * w)
                    }
                }
                accumulator.withUnsafeMutableBufferPointer { acc in
                    for y in 0 ..< h {
                        let centre = r.baseAddress! + y * w
                        for x in 0 ..< w { acc[x] = k[0] * centre[x] }
                        if radius > 0 {
                            for j in 1 ... radius {
                                let above = r.baseAddress! + mirrored(y - j, count: h) * w
                                let below = r.baseAddress! + mirrored(y + j, count: h) * w
                                let weight = k[j]
                                for x in 0 ..< w { acc[x] += weight * (above[x] + below[x]) }
                            }
                        }
                        (v.baseAddress! + y * w).update(from: acc.baseAddress!, count: w)
                    }
                }
            }
        }
    }
}

/// Index `i` mirrored into 0..<count with the edge sample repeated (`d c b a | a b c d`).
@inline(__always)
func mirrored(_ i: Int, count n: Int) -> Int {
    var j = i
    while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
    return j
}

/// One line convolved with the symmetric half-kernel, mirrored at both ends. The interior is
/// accumulated tap by tap over contiguous samples (vectorisable), with the same order of
/// operations per sample as the ends.
@inline(__always)
private func convolveLine(_ v: UnsafePointer<Float>, count n: Int, kernel k: UnsafeBufferPointer<Float>,
                          into out: UnsafeMutablePointer<Float>) {
    let radius = k.count - 1
    let interior = radius ..< max(radius, n - radius)
    for i in 0 ..< n where !interior.contains(i) {
        var sum = k[0] * v[i]
        for j in stride(from: 1, through: radius, by: 1) {
            sum += k[j] * (v[mirrored(i - j, count: n)] + v[mirrored(i + j, count: n)])
        }
        out[i] = sum
    }
    guard !interior.isEmpty else { return }
    let k0 = k[0]
    for i in interior { out[i] = k0 * v[i] }
    for j in stride(from: 1, through: radius, by: 1) {
        let weight = k[j], left = v - j, right = v + j
        for i in interior { out[i] += weight * (left[i] + right[i]) }
    }
}
