import LacunaImage

/// The separable Gaussian of `gaussianBlur`: rows first, then columns, each output sample
/// k₀·v₀ + Σₖ kₖ·(v₋ₖ + v₊ₖ) summed in that order with borders mirrored (SciPy `reflect`), so
/// every sample is bit-for-bit what a per-line convolution gives. Both passes work on eight
/// neighbouring samples at once (`SIMD8<Float>`, the same IEEE operations per lane) and the
/// column pass runs over whole rows (memory read in order) instead of gathering columns.
/// `values` holds the input on entry and the result on return. No per-pixel allocation.
func separableGaussian(_ values: inout [Float], width w: Int, height h: Int, kernel: [Float]) {
    guard w > 0, h > 0 else { return }
    let radius = kernel.count - 1
    var line = [Float](repeating: 0, count: w)
    var rows = [Float](repeating: 0, count: w * h)
    var above = [UnsafePointer<Float>](repeating: UnsafePointer(bitPattern: 8)!, count: radius + 1)
    var below = above
    kernel.withUnsafeBufferPointer { k in
        values.withUnsafeMutableBufferPointer { v in
            rows.withUnsafeMutableBufferPointer { r in
                line.withUnsafeMutableBufferPointer { line in
                    for y in 0 ..< h {
                        line.baseAddress!.update(from: v.baseAddress! + y * w, count: w)
                        convolveLine(UnsafePointer(line.baseAddress!), count: w, kernel: k, into: r.baseAddress! + y * w)
                    }
                }
                let base = UnsafePointer(r.baseAddress!)
                for y in 0 ..< h {
                    for j in 0 ... radius {
                        above[j] = base + mirrored(y - j, count: h) * w
                        below[j] = base + mirrored(y + j, count: h) * w
                    }
                    combineRows(above: above, below: below, kernel: k, count: w, into: v.baseAddress! + y * w)
                }
            }
        }
    }
}

/// out[x] = k₀·c[x] + Σⱼ kⱼ·(aboveⱼ[x] + belowⱼ[x]) in that order, eight columns at a time
/// (`above[0]` is the centre row).
@inline(__always)
private func combineRows(above: [UnsafePointer<Float>], below: [UnsafePointer<Float>],
                         kernel k: UnsafeBufferPointer<Float>, count w: Int, into out: UnsafeMutablePointer<Float>) {
    let radius = k.count - 1
    var x = 0
    while x + 8 <= w {
        var sum = k[0] * load8(above[0] + x)
        for j in stride(from: 1, through: radius, by: 1) { sum += k[j] * (load8(above[j] + x) + load8(below[j] + x)) }
        store8(sum, out + x)
        x += 8
    }
    while x < w {
        var sum = k[0] * above[0][x]
        for j in stride(from: 1, through: radius, by: 1) { sum += k[j] * (above[j][x] + below[j][x]) }
        out[x] = sum
        x += 1
    }
}

/// Index `i` mirrored into 0..<count with the edge sample repeated (`d c b a | a b c d`).
@inline(__always)
func mirrored(_ i: Int, count n: Int) -> Int {
    var j = i
    while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
    return j
}

/// One line convolved with the symmetric half-kernel, mirrored at both ends; the interior
/// eight samples at a time, with the same order of operations per sample as the ends.
@inline(__always)
private func convolveLine(_ v: UnsafePointer<Float>, count n: Int, kernel k: UnsafeBufferPointer<Float>,
                          into out: UnsafeMutablePointer<Float>) {
    let radius = k.count - 1
    let interior = radius ..< max(radius, n - radius)
    var i = interior.lowerBound
    while i + 8 <= interior.upperBound {
        var sum = k[0] * load8(v + i)
        for j in stride(from: 1, through: radius, by: 1) { sum += k[j] * (load8(v + i - j) + load8(v + i + j)) }
        store8(sum, out + i)
        i += 8
    }
    let vectorEnd = i
    for i in 0 ..< n where i < interior.lowerBound || i >= vectorEnd {
        var sum = k[0] * v[i]
        for j in stride(from: 1, through: radius, by: 1) {
            sum += k[j] * (v[mirrored(i - j, count: n)] + v[mirrored(i + j, count: n)])
        }
        out[i] = sum
    }
}

@inline(__always)
private func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func store8(_ value: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD8<Float>.self)
}
