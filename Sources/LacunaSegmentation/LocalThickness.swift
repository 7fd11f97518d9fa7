import LacunaImage

/// Local thickness as a **radius** (PoreSpy's convention, `filters.local_thickness`, method
/// `bf`, integer sizes, `smooth=True`): every foreground pixel gets the largest integer r such
/// that some open disk {x : |x − p| < r} with p in the foreground and r ≤ EDT(p) contains it;
/// 0 on background. Fiji's Local Thickness reports the diameter of the closed disk instead
/// (../shared/reference/anchors.md §4.1, §4.4).
///
/// Method: each pixel p carries the disk of radius R(p) = ⌊EDT(p)⌋. Disks contained in the disk
/// of a pixel q up to two steps away (R(q) ≥ R(p) + |p − q|, the distance-ridge reduction of
/// Hildebrand & Rüegsegger 1997, "A new method for the model-independent assessment of
/// thickness in three-dimensional images", J. Microsc. 185:67–75, over the 5 × 5 neighbourhood)
/// are dropped; the rest are painted in order of decreasing
/// radius, each row of a disk as one span, skipping painted pixels through a per-row
/// "next unpainted pixel" union–find. The first radius to reach a pixel is its largest, as in
/// PoreSpy's brute-force insertion, which is the reference in the tests.
/// Complexity O(width·height·α + Σ over ridge pixels of R), instead of brute force's Σ R².
public func localThickness(of mask: Mask, outsideIsBackground: Bool = false) -> Image<Double> {
    localThickness(squaredDistances: squaredDistanceMap(of: mask, outsideIsBackground: outsideIsBackground))
}

/// `localThickness(of:outsideIsBackground:)` from the mask's squared distance map
/// (`squaredDistanceMap`), for callers that have it already.
public func localThickness(squaredDistances: Image<Int32>) -> Image<Double> {
    let w = squaredDistances.width, h = squaredDistances.height
    let (radius, largest) = integerRadii(squaredDistances)
    var thickness = [Double](repeating: 0, count: w * h)
    // next[i]: the first unpainted pixel at or after i in its row (w marks the row's end).
    var next = [Int32](repeating: 0, count: (w + 1) * h)
    radius.withUnsafeBufferPointer { radius in
        let buckets = ridgeSeeds(radius: radius, width: w, height: h, largest: largest)
        thickness.withUnsafeMutableBufferPointer { thickness in
            next.withUnsafeMutableBufferPointer { next in
                for y in 0 ..< h { for x in 0 ... w { next[y * (w + 1) + x] = Int32(x) } }
                forEachDiskRow(buckets: buckets, largest: largest, width: w, height: h) { r, y, first, last in
                    let row = y * (w + 1)
                    var x = firstUnpainted(row, first, next)
                    while x <= last {
                        thickness[y * w + x] = Double(r)
                        next[row + x] = Int32(x + 1)
                        x = firstUnpainted(row, x + 1, next)
                    }
                }
            }
        }
    }
    return Image(width: w, height: h, channels: 1, samples: thickness)
}

/// The sum of `localThickness(squaredDistances:)` over the image (pixels), without the image:
/// every foreground pixel is painted exactly once, by the largest disk that reaches it, so the
/// sum is Σ radius × pixels newly painted. Painted pixels are kept as one bit each, so a disk
/// row costs a mask and a population count per 64 pixels.
public func localThicknessSum(squaredDistances: Image<Int32>) -> Int {
    let w = squaredDistances.width, h = squaredDistances.height
    let (radius, largest) = integerRadii(squaredDistances)
    let words = (w + 63) / 64
    var painted = [UInt64](repeating: 0, count: words * h)
    var sum = 0
    radius.withUnsafeBufferPointer { radius in
        let buckets = ridgeSeeds(radius: radius, width: w, height: h, largest: largest)
        painted.withUnsafeMutableBufferPointer { painted in
            forEachDiskRow(buckets: buckets, largest: largest, width: w, height: h) { r, y, first, last in
                var word = first >> 6
                let lastWord = last >> 6
                while word <= lastWord {
                    var mask = UInt64.max
                    if word == first >> 6 { mask &= UInt64.max << UInt64(first & 63) }
                    if word == lastWord { mask &= UInt64.max >> UInt64(63 - (last & 63)) }
                    let slot = y * words + word
                    sum += r * (mask & ~painted[slot]).nonzeroBitCount
                    painted[slot] |= mask
                    word += 1
                }
            }
        }
    }
    return sum
}

/// ⌊EDT⌋ of every pixel from the squared distances (0 where there is no background at all:
/// no finite disk, as PoreSpy gives), and the largest.
private func integerRadii(_ squaredDistances: Image<Int32>) -> (radius: [Int32], largest: Int) {
    var radius = squaredDistances.samples
    var largest = 0
    radius.withUnsafeMutableBufferPointer { radius in
        smallSquareRoots.withUnsafeBufferPointer { table in
            for i in radius.indices {
                let squared = Int(radius[i])
                let r = squared < table.count ? Int(table[squared])
                    : squared == Int(Int32.max) ? 0 : integerSquareRoot(squared)
                radius[i] = Int32(r)
                largest = max(largest, r)
            }
        }
    }
    return (radius, largest)
}

/// Calls `paint(r, y, first, last)` for every row of every seed's open disk, largest radius
/// first: columns first…last of row y, clipped to the frame.
@inline(__always)
private func forEachDiskRow(buckets: [[Int]], largest: Int, width w: Int, height h: Int,
                            _ paint: (_ r: Int, _ y: Int, _ first: Int, _ last: Int) -> Void) {
    var halfWidths: [Int] = []
    for r in stride(from: largest, through: 1, by: -1) where !buckets[r].isEmpty {
        // halfWidths[|dy|]: the open disk's half-width ⌊√(r² − dy² − 1)⌋ on row dy.
        halfWidths.removeAll(keepingCapacity: true)
        for dy in 0 ..< r { halfWidths.append(integerSquareRoot(r * r - dy * dy - 1)) }
        for seed in buckets[r] {
            let px = seed % w, py = seed / w
            for y in max(0, py - r + 1) ... min(h - 1, py + r - 1) {
                let half = halfWidths[abs(y - py)]
                paint(r, y, max(0, px - half), min(w - 1, px + half))
            }
        }
    }
}

/// The pixels whose disk no 8-neighbour's disk contains (nor, inside the frame, the disk of a
/// pixel two steps away), bucketed by radius.
private func ridgeSeeds(radius: UnsafeBufferPointer<Int32>, width w: Int, height h: Int, largest: Int) -> [[Int]] {
    var buckets = [[Int]](repeating: [], count: largest + 1)
    for y in 0 ..< h {
        for x in 0 ..< w {
            let i = y * w + x
            let r = radius[i]
            guard r > 0 else { continue }
            if x > 0, y > 0, x < w - 1, y < h - 1 {
                // Inside the frame: the same test as below, unrolled, without bounds checks.
                let side = r + 1, diagonal = r + 2
                let up = i - w, down = i + w
                let contained = radius[i - 1] >= side || radius[i + 1] >= side || radius[up] >= side
                    || radius[down] >= side || radius[up - 1] >= diagonal || radius[up + 1] >= diagonal
                    || radius[down - 1] >= diagonal || radius[down + 1] >= diagonal
                if !contained && !(x > 1 && y > 1 && x < w - 2 && y < h - 2 && inOuterRing(radius, i, w, r)) {
                    buckets[Int(r)].append(i)
                }
                continue
            }
            let rr = Int(r)
            var contained = false
            for dy in -1 ... 1 where !contained {
                for dx in -1 ... 1 where dx != 0 || dy != 0 {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                    // |p − q| is 1 or √2; integer radii need +1 or +2.
                    if Int(radius[ny * w + nx]) >= rr + (dx != 0 && dy != 0 ? 2 : 1) {
                        contained = true
                        break
                    }
                }
            }
            if !contained { buckets[rr].append(i) }
        }
    }
    return buckets
}

/// Whether a pixel two steps from pixel `i` (the 5 × 5 ring, inside the frame) carries a disk
/// containing pixel i's disk of radius `r`: |p − q| is 2, √5 or √8, so integer radii need
/// +2, +3 or +3. Such a disk is larger and painted earlier, so dropping i's disk leaves every
/// painted value as it was; along a pore's medial axis, where the radius grows by less than
/// 1 px a step, this drops most of the seeds the 8-neighbours keep.
@inline(__always)
private func inOuterRing(_ radius: UnsafeBufferPointer<Int32>, _ i: Int, _ w: Int, _ r: Int32) -> Bool {
    let two = r + 2, three = r + 3
    let up2 = i - 2 * w, down2 = i + 2 * w
    if radius[i - 2] >= two || radius[i + 2] >= two || radius[up2] >= two || radius[down2] >= two { return true }
    let up = i - w, down = i + w
    return radius[up2 - 1] >= three || radius[up2 + 1] >= three || radius[down2 - 1] >= three
        || radius[down2 + 1] >= three || radius[up - 2] >= three || radius[up + 2] >= three
        || radius[down - 2] >= three || radius[down + 2] >= three || radius[up2 - 2] >= three
        || radius[up2 + 2] >= three || radius[down2 - 2] >= three || radius[down2 + 2] >= three
}

/// The first unpainted pixel at or after `x` in the row starting at `row` of `next`, with
/// path compression.
@inline(__always)
private func firstUnpainted(_ row: Int, _ x: Int, _ next: UnsafeMutableBufferPointer<Int32>) -> Int {
    var x = x
    while true {
        let parent = Int(next[row + x])
        if parent == x { return x }
        let grandparent = next[row + parent]
        // Already one step from the end (the common case once compressed): nothing to write.
        if Int(grandparent) == parent { return parent }
        next[row + x] = grandparent
        x = parent
    }
}

/// ⌊√n⌋ for n < 4096 (radii below 64 px, most pores' pixels), looked up instead of computed.
private let smallSquareRoots: [UInt8] = (0 ..< 4096).map { UInt8(integerSquareRoot($0)) }

/// ⌊√n⌋ for n ≥ 0, exact.
func integerSquareRoot(_ n: Int) -> Int {
    guard n > 0 else { return 0 }
    var r = Int(Double(n).squareRoot())
    while r * r > n { r -= 1 }
    while (r + 1) * (r + 1) <= n { r += 1 }
    return r
}
