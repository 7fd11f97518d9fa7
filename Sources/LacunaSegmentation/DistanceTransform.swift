import LacunaImage

/// The exact Euclidean distance transform of `mask`: for every foreground pixel, the distance
/// in pixels from its centre to the centre of the nearest background pixel; 0 on background.
///
/// Convention: SciPy's `distance_transform_edt` (and PoreSpy's `edt`), so a lone foreground
/// pixel has distance 1 and the maximum over a disk `(x−60)² + (y−60)² ≤ 20²` is √401.
/// With `outsideIsBackground` the frame is surrounded by background (each region measured on
/// its own, as on a padded crop); otherwise, as in SciPy, only pixels of the image count and
/// a mask without background is `+infinity` everywhere.
///
/// Method: two passes of the lower envelope of parabolas, first along columns, then along rows
/// (Felzenszwalb & Huttenlocher 2012, "Distance transforms of sampled functions", Theory of
/// Computing 8:415–428). Squared distances are integers below 2⁵³, so they are exact.
/// Complexity O(width·height) time, O(width·height) memory. The mask is not modified.
public func euclideanDistanceTransform(of mask: Mask, outsideIsBackground: Bool = false) -> Image<Double> {
    var squared = squaredEuclideanDistanceTransform(of: mask, outsideIsBackground: outsideIsBackground)
    squared.samples.withUnsafeMutableBufferPointer { values in
        for i in values.indices { values[i] = values[i].squareRoot() }
    }
    return squared
}

/// The squared Euclidean distance transform (see `euclideanDistanceTransform`), exact
/// integers stored as `Double`; `+infinity` where no background pixel exists. Computed by
/// `squaredDistanceMap` (Meijster et al. 2000, integer arithmetic).
public func squaredEuclideanDistanceTransform(of mask: Mask, outsideIsBackground: Bool = false) -> Image<Double> {
    squaredDistanceMap(of: mask, outsideIsBackground: outsideIsBackground).map { $0 == .max ? .infinity : Double($0) }
}

/// Generalised squared distance transform of a sampled function f (0 at sites, +infinity
/// elsewhere, or any non-negative costs): D(p) = min_q (|p − q|² + f(q)), separably.
/// With `outsideIsBackground`, every pixel outside the frame is a site of cost 0.
func squaredDistanceToSites(_ f: Image<Double>, outsideIsBackground: Bool) -> Image<Double> {
    let w = f.width, h = f.height
    var out = f
    let longest = max(w, h)
    var line = [Double](repeating: 0, count: longest + 2)
    var result = [Double](repeating: 0, count: longest + 2)
    var envelope = ParabolaEnvelope(capacity: longest + 2)
    out.samples.withUnsafeMutableBufferPointer { d in
        // Columns. With an outside background the line gets a zero-cost site at each end.
        for x in 0 ..< w {
            let n = loadLine(into: &line, count: h, padded: outsideIsBackground) { d[$0 * w + x] }
            envelope.transform(line, count: n, into: &result)
            let offset = outsideIsBackground ? 1 : 0
            for y in 0 ..< h { d[y * w + x] = result[y + offset] }
        }
        // Rows; the columns left and right of the frame are background (cost 0) when padded.
        for y in 0 ..< h {
            let n = loadLine(into: &line, count: w, padded: outsideIsBackground) { d[y * w + $0] }
            envelope.transform(line, count: n, into: &result)
            let offset = outsideIsBackground ? 1 : 0
            for x in 0 ..< w { d[y * w + x] = result[x + offset] }
        }
    }
    return out
}

/// Copies `count` values into `line`, with a zero-cost site before and after when `padded`;
/// returns the length of the line.
private func loadLine(into line: inout [Double], count: Int, padded: Bool, value: (Int) -> Double) -> Int {
    if padded {
        line[0] = 0
        for i in 0 ..< count { line[i + 1] = value(i) }
        line[count + 1] = 0
        return count + 2
    }
    for i in 0 ..< count { line[i] = value(i) }
    return count
}

/// The one-dimensional lower envelope of the parabolas (x − q)² + f(q) over finite f(q),
/// with preallocated buffers (no allocation per line).
struct ParabolaEnvelope {
    /// Positions of the parabolas in the envelope.
    private var vertices: [Int]
    /// Boundaries between consecutive envelope parabolas.
    private var boundaries: [Double]

    init(capacity: Int) {
        vertices = [Int](repeating: 0, count: capacity)
        boundaries = [Double](repeating: 0, count: capacity + 1)
    }

    /// result[p] = min over q with finite f[q] of (p − q)² + f[q], or +infinity when every f[q]
    /// is infinite. O(count).
    mutating func transform(_ f: [Double], count n: Int, into result: inout [Double]) {
        var k = -1
        vertices.withUnsafeMutableBufferPointer { v in
            boundaries.withUnsafeMutableBufferPointer { z in
                for q in 0 ..< n where f[q].isFinite {
                    let fq = f[q] + Double(q * q)
                    while k >= 0 {
                        let s = (fq - (f[v[k]] + Double(v[k] * v[k]))) / Double(2 * q - 2 * v[k])
                        if s <= z[k] { k -= 1 } else {
                            k += 1
                            v[k] = q
                            z[k] = s
                            z[k + 1] = .infinity
                            break
                        }
                    }
                    if k < 0 {
                        k = 0
                        v[0] = q
                        z[0] = -.infinity
                        z[1] = .infinity
                    }
                }
                if k < 0 {
                    for p in 0 ..< n { result[p] = .infinity }
                    return
                }
                var j = 0
                for p in 0 ..< n {
                    while z[j + 1] < Double(p) { j += 1 }
                    let dq = p - v[j]
                    result[p] = Double(dq * dq) + f[v[j]]
                }
            }
        }
    }
}
