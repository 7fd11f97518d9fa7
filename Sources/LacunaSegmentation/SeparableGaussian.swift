import LacunaImage

/// The separable Gaussian of `gaussianBlur`: rows first, then columns, each output sample
/// k₀·v₀ + Σₖ kₖ·(v₋ₖ + v₊ₖ) summed in that order with borders mirrored (SciPy `reflect`), so
/// every sample is bit-for-bit what a per-line convolution gives. Both passes run tap by tap
/// over chunks of a row (loops the compiler vectorises; the same IEEE operations per sample).
///
/// The passes stream: each source row is converted and convolved along the row into a ring of
/// the 2r + 1 rows an output row needs (r = kernel radius), and each output row is combined
/// from the ring as soon as its last source row is in, then handed to `store`. So the only
/// full-frame buffer is the caller's result, and the ring (2r + 1 rows) stays in cache.
///
/// - Parameters:
///   - load: writes source row `y` as `Float` into the `width`-sample buffer it is given;
///     called once per row, in increasing `y`.
///   - store: receives output row `y` (`width` samples), in increasing `y`, once every source
///     row up to `min(y + r, height - 1)` is loaded; source row `y` is never loaded again, so
///     the result may overwrite the source in place.
///   - rows: the output rows to make (all by default); source rows from r above the first are
///     loaded. A band's rows are bit-for-bit those of the whole frame, so bands may run on
///     different threads (then the source must not be overwritten in place).
func separableGaussian(width w: Int, height h: Int, kernel: [Float], rows band: Range<Int>? = nil,
                       load: (Int, UnsafeMutablePointer<Float>) -> Void,
                       store: (Int, UnsafePointer<Float>) -> Void) {
    guard w > 0, h > 0 else { return }
    let band = band ?? 0 ..< h
    let radius = kernel.count - 1
    let ringRows = min(h, 2 * radius + 1)
    var ring = [Float](repeating: 0, count: ringRows * w)
    var line = [Float](repeating: 0, count: 2 * w)
    var above = [UnsafePointer<Float>](repeating: UnsafePointer(bitPattern: 8)!, count: radius + 1)
    var below = above
    kernel.withUnsafeBufferPointer { k in
        ring.withUnsafeMutableBufferPointer { ring in
            line.withUnsafeMutableBufferPointer { line in
                let source = line.baseAddress!, result = line.baseAddress! + w
                let rows = ring.baseAddress!
                // Mirrored rows above the frame lie within the first r rows, so a band from
                // row y₀ needs source rows from max(0, y₀ − r).
                var loaded = max(0, band.lowerBound - radius)
                for y in band {
                    while loaded <= min(h - 1, y + radius) {
                        load(loaded, source)
                        convolveLine(UnsafePointer(source), count: w, kernel: k, into: rows + (loaded % ringRows) * w)
                        loaded += 1
                    }
                    for j in 0 ... radius {
                        above[j] = UnsafePointer(rows + (mirrored(y - j, count: h) % ringRows) * w)
                        below[j] = UnsafePointer(rows + (mirrored(y + j, count: h) % ringRows) * w)
                    }
                    combineRows(above: above, below: below, kernel: k, count: w, into: result)
                    store(y, UnsafePointer(result))
                }
            }
        }
    }
}

/// `separableGaussian` over a row-major `Float` frame, in place: `values` holds the input on
/// entry and the result on return.
func separableGaussian(_ values: inout [Float], width w: Int, height h: Int, kernel: [Float]) {
    values.withUnsafeMutableBufferPointer { v in
        let base = v.baseAddress!
        separableGaussian(width: w, height: h, kernel: kernel,
                          load: { y, row in row.update(from: base + y * w, count: w) },
                          store: { y, row in (base + y * w).update(from: row, count: w) })
    }
}

/// out[x] = k₀·c[x] + Σⱼ kⱼ·(aboveⱼ[x] + belowⱼ[x]) in that order (`above[0]` is the centre
/// row), a chunk of columns at a time, one tap after another over the chunk (`accumulate`).
@inline(__always)
private func combineRows(above: [UnsafePointer<Float>], below: [UnsafePointer<Float>],
                         kernel k: UnsafeBufferPointer<Float>, count w: Int, into out: UnsafeMutablePointer<Float>) {
    var x = 0
    while x < w {
        let n = min(chunk, w - x)
        scale(out + x, count: n, weight: k[0], above[0] + x)
        for j in stride(from: 1, to: k.count, by: 1) {
            accumulate(out + x, count: n, weight: k[j], above[j] + x, below[j] + x)
        }
        x += n
    }
}

/// Columns per chunk: the chunk of the output and of the rows it reads stays in L1.
private let chunk = 512

/// out[x] = weight · c[x] for x in 0..<count (a loop the compiler vectorises).
@inline(__always)
private func scale(_ out: UnsafeMutablePointer<Float>, count: Int, weight: Float, _ c: UnsafePointer<Float>) {
    for x in 0 ..< count { out[x] = weight * c[x] }
}

/// out[x] += weight · (a[x] + b[x]) for x in 0..<count: one tap of the symmetric kernel.
@inline(__always)
private func accumulate(_ out: UnsafeMutablePointer<Float>, count: Int, weight: Float,
                        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) {
    for x in 0 ..< count { out[x] += weight * (a[x] + b[x]) }
}

/// Index `i` mirrored into 0..<count with the edge sample repeated (`d c b a | a b c d`).
@inline(__always)
func mirrored(_ i: Int, count n: Int) -> Int {
    var j = i
    while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
    return j
}

/// One line convolved with the symmetric half-kernel, mirrored at both ends; the interior a
/// chunk at a time, tap after tap, with the same order of operations per sample as the ends.
@inline(__always)
private func convolveLine(_ v: UnsafePointer<Float>, count n: Int, kernel k: UnsafeBufferPointer<Float>,
                          into out: UnsafeMutablePointer<Float>) {
    let radius = k.count - 1
    let interior = radius ..< max(radius, n - radius)
    var i = interior.lowerBound
    while i < interior.upperBound {
        let count = min(chunk, interior.upperBound - i)
        scale(out + i, count: count, weight: k[0], v + i)
        for j in stride(from: 1, through: radius, by: 1) {
            accumulate(out + i, count: count, weight: k[j], v + i - j, v + i + j)
        }
        i += count
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
