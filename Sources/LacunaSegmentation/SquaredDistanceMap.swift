import LacunaImage

/// The exact squared Euclidean distance of every mask pixel to the nearest background pixel,
/// 0 on background, in pixels² as integers. With `outsideIsBackground` the frame is surrounded
/// by background; otherwise only pixels of the image count and pixels with no background in
/// the image get `Int32.max`.
///
/// The same values as `squaredEuclideanDistanceTransform`, by the linear-time algorithm of
/// A. Meijster, J. B. T. M. Roerdink & W. H. Hesselink (2000), "A general algorithm for
/// computing distance transforms in linear time", Mathematical Morphology and its Applications
/// to Image and Signal Processing, 331–340: first the distance to the nearest background pixel
/// in the same column (two sweeps over whole rows, so memory is read in order), then per row
/// the lower envelope of the parabolas (x − i)² + g(i)², with Meijster's integer separators.
/// Complexity O(width·height); no per-pixel allocation.
///
/// Squared distances fit in `Int32` for frames up to 32 767 pixels on each side, or up to
/// 65 534 on the shorter side with `outsideIsBackground`. Up to `threads` threads take bands of
/// columns in the first phase and bands of rows in the second (the same values for any number).
public func squaredDistanceMap(of mask: Mask, outsideIsBackground: Bool = true, threads: Int = 1) -> Image<Int32> {
    precondition(mask.channels == 1, "the distance transform needs one channel, got \(mask.channels)")
    precondition(outsideIsBackground ? min(mask.width, mask.height) < 65_534 : max(mask.width, mask.height) < 32_767,
                 "the frame is too large for Int32 squared distances")
    guard let map = squaredDistances(of: mask, outsideIsBackground: outsideIsBackground, threads: threads,
                                     as: Int32.self) else { preconditionFailure("Int32 squared distances overflowed") }
    return map
}

/// `squaredDistanceMap` in 16 bits (`UInt16.max` where there is no background), or `nil` when
/// a squared distance reaches 65 535 (a pixel 256 px or more from the background) or the frame's
/// width + height does: half the memory of the 32-bit map, written directly, for maps known to
/// stay small (the framework's distances to holes).
public func narrowSquaredDistanceMap(of mask: Mask, outsideIsBackground: Bool = true, threads: Int = 1) -> Image<UInt16>? {
    precondition(mask.channels == 1, "the distance transform needs one channel, got \(mask.channels)")
    guard mask.width + mask.height < Int(UInt16.max) else { return nil }
    return squaredDistances(of: mask, outsideIsBackground: outsideIsBackground, threads: threads, as: UInt16.self)
}

/// `narrowSquaredDistanceMap` of the mask `labels == 0` (the distance of every pixel to the
/// nearest labelled one, 0 on labelled pixels), read from the labels themselves: no mask frame
/// is made (64 MiB at 8192²). Never padded: pixels with no label in the frame get `UInt16.max`.
@_specialize(where P == UInt16)
@_specialize(where P == Int32)
public func narrowSquaredDistanceMap<P: FixedWidthInteger & Sendable>(toLabelsOf labels: Image<P>,
                                                                      threads: Int = 1) -> Image<UInt16>? {
    precondition(labels.channels == 1, "the distance transform needs one channel, got \(labels.channels)")
    guard labels.width + labels.height < Int(UInt16.max) else { return nil }
    return squaredDistances(of: labels, foreground: 0, outsideIsBackground: false, threads: threads, as: UInt16.self)
}

/// `squaredDistanceMap` of the mask `labels == 0`, read from the labels (`Int32.max` where the
/// frame has no label).
@_specialize(where P == UInt16)
@_specialize(where P == Int32)
public func squaredDistanceMap<P: FixedWidthInteger & Sendable>(toLabelsOf labels: Image<P>,
                                                                threads: Int = 1) -> Image<Int32> {
    precondition(labels.channels == 1, "the distance transform needs one channel, got \(labels.channels)")
    precondition(max(labels.width, labels.height) < 32_767, "the frame is too large for Int32 squared distances")
    guard let map = squaredDistances(of: labels, foreground: 0, outsideIsBackground: false, threads: threads,
                                     as: Int32.self) else { preconditionFailure("Int32 squared distances overflowed") }
    return map
}

/// `squaredDistances` of a mask (`true`: foreground).
private func squaredDistances<D: FixedWidthInteger & Sendable>(of mask: Mask, outsideIsBackground: Bool, threads: Int,
                                                              as type: D.Type) -> Image<D>? {
    squaredDistances(of: mask, foreground: true, outsideIsBackground: outsideIsBackground, threads: threads, as: type)
}

/// Meijster's two phases into samples of type `D` (`D.max`: no background), or `nil` when a
/// finite squared distance does not fit below `D.max`; the caller checks that w + h fits in `D`.
/// The foreground is the pixels of `source` equal to `foreground`.
private func squaredDistances<T: Equatable & Sendable, D: FixedWidthInteger & Sendable>(
    of source: Image<T>, foreground: T, outsideIsBackground: Bool, threads: Int, as _: D.Type
) -> Image<D>? {
    let w = source.width, h = source.height
    guard w > 0, h > 0 else { return Image(width: w, height: h, samples: []) }
    let far = D(w + h)
    // Bands of at least 256 columns and 64 rows: fewer would not repay the threads.
    let columnBands = max(1, min(threads, w / 256)), rowBands = max(1, min(threads, h / 64))
    var fits = true
    // Every sample is written by the column phase before it is read.
    let g = [D](unsafeUninitializedCapacity: w * h) { g, count in
        source.samples.withUnsafeBufferPointer { m in
            nonisolated(unsafe) let m = m, g = g
            func columns(_ band: Int) {
                columnDistances(m, foreground: foreground, into: g,
                                columns: band * w / columnBands ..< (band + 1) * w / columnBands, width: w,
                                height: h, padded: outsideIsBackground, far: far)
            }
            func rows(_ band: Int) -> Bool {
                var rows = EnvelopeRow<D>(width: w, padded: outsideIsBackground, far: Int(far))
                for y in band * h / rowBands ..< (band + 1) * h / rowBands {
                    rows.transform(UnsafeMutableBufferPointer(rebasing: g[y * w ..< (y + 1) * w]))
                }
                return rows.fits
            }
            // One band is run directly: no result arrays for the per-pore maps of small crops.
            if columnBands == 1 { columns(0) } else { _ = parallelMap(columnBands, threads: columnBands, columns) }
            fits = rowBands == 1 ? rows(0) : parallelMap(rowBands, threads: rowBands, rows).allSatisfy { $0 }
        }
        count = w * h
    }
    return fits ? Image(width: w, height: h, samples: g) : nil
}

/// g(x, y) for the columns `columns`: distance to the nearest background pixel in column x
/// (rows −1 and h counting as background when `padded`), at most `far`. A top-down and a
/// bottom-up sweep over the band's part of each row.
private func columnDistances<T: Equatable, D: FixedWidthInteger>(
    _ m: UnsafeBufferPointer<T>, foreground: T, into g: UnsafeMutableBufferPointer<D>,
    columns: Range<Int>, width w: Int, height h: Int, padded: Bool, far: D
) {
    for x in columns { g[x] = m[x] == foreground ? (padded ? 1 : far) : 0 }
    for y in 1 ..< h {
        let row = y * w, above = row - w
        for x in columns { g[row + x] = m[row + x] == foreground ? min(g[above + x] + 1, far) : 0 }
    }
    let last = (h - 1) * w
    if padded { for x in columns where g[last + x] > 1 { g[last + x] = 1 } }
    var y = h - 2
    while y >= 0 {
        let row = y * w, below = row + w
        for x in columns {
            let fromBelow = g[below + x] + 1
            if fromBelow < g[row + x] { g[row + x] = fromBelow }
        }
        y -= 1
    }
}

/// Meijster's second phase on one row, with a background pixel just outside each end when
/// `padded`.
private struct EnvelopeRow<D: FixedWidthInteger> {
    private let padded: Bool
    /// A squared distance at least this large means no background was found.
    private let infinite: Int
    /// g² along the row at positions 0…w+1 (the ends are the outside background when padded).
    private var squared: [Int]
    /// Apexes of the parabolas in the lower envelope, and where each starts to be lowest.
    private var apex: [Int]
    private var start: [Int]
    /// False once a finite squared distance did not fit below `D.max`.
    private(set) var fits = true

    init(width w: Int, padded: Bool, far: Int) {
        self.padded = padded
        infinite = far * far
        squared = [Int](repeating: 0, count: w + 2)
        apex = [Int](repeating: 0, count: w + 2)
        start = [Int](repeating: 0, count: w + 2)
    }

    /// Replaces the column distances g of `row` by the squared distances, one run of mask
    /// pixels (g > 0) at a time: a background pixel (g = 0) just beyond each end of the run, or
    /// the outside when `padded`, is nearer than any column farther out, so the lower envelope
    /// over the run and those two columns gives the same minima as over the whole row.
    mutating func transform(_ row: UnsafeMutableBufferPointer<D>) {
        let w = row.count, padded = padded
        for x in 0 ..< w { squared[x + 1] = Int(row[x]) * Int(row[x]) }
        if padded {
            squared[0] = 0
            squared[w + 1] = 0
        }
        var x = 0
        while x < w {
            guard row[x] != 0 else {
                x += 1
                continue
            }
            var end = x + 1
            while end < w && row[end] != 0 { end += 1 }
            // Positions are pixel + 1; 0 and w + 1 are the outside.
            envelope(from: x > 0 || padded ? x : 1, through: end < w || padded ? end + 1 : w,
                     writing: x + 1 ... end, into: row)
            x = end
        }
    }

    /// Meijster's lower envelope of the parabolas (x − i)² + g²(i) for positions i in
    /// `first…last`, evaluated at the positions `written` (pixel = position − 1).
    private mutating func envelope(from first: Int, through last: Int, writing written: ClosedRange<Int>,
                                   into row: UnsafeMutableBufferPointer<D>) {
        let infinite = infinite
        var fitted = true
        defer { if !fitted { fits = false } }
        squared.withUnsafeMutableBufferPointer { g2 in
            apex.withUnsafeMutableBufferPointer { s in
                start.withUnsafeMutableBufferPointer { t in
                    // Wrapping arithmetic: every value stays below (w + h)² + (w + 2)², far from
                    // Int's range, and the overflow checks kept the loop from being tight.
                    @inline(__always) func f(_ x: Int, _ i: Int) -> Int { (x &- i) &* (x &- i) &+ g2[i] }
                    var q = 0
                    s[0] = first
                    t[0] = first
                    for u in first + 1 ..< last + 1 {
                        while q >= 0 && f(t[q], s[q]) > f(t[q], u) { q -= 1 }
                        if q < 0 {
                            q = 0
                            s[0] = u
                        } else {
                            let i = s[q]
                            let numerator = u &* u &- i &* i &+ g2[u] &- g2[i], denominator = 2 &* (u &- i)
                            let separator = numerator >= 0 ? numerator / denominator
                                : 0 &- ((0 &- numerator &+ denominator &- 1) / denominator)
                            let from = separator &+ 1
                            if from <= last {
                                q += 1
                                s[q] = u
                                t[q] = from
                            }
                        }
                    }
                    var u = last
                    let limit = Int(D.max)
                    while u >= first {
                        if written.contains(u) {
                            let d = f(u, s[q])
                            if d >= infinite {
                                row[u - 1] = .max
                            } else if d < limit {
                                row[u - 1] = D(truncatingIfNeeded: d)
                            } else {
                                fitted = false
                                row[u - 1] = .max
                            }
                        }
                        if u == t[q] { q -= 1 }
                        u -= 1
                    }
                }
            }
        }
    }
}
