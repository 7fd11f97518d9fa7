/// The pixel count of scikit-image's convex hull image (`area_convex`, `convex_hull_image`
/// with its defaults): the hull of the midpoints of every region pixel's four edges (the
/// "diamond" offsets ±½ along each axis), then every pixel whose centre lies inside or on it.
/// Coordinates are doubled so that the test is exact integer arithmetic. The first and last
/// pixel of each row span the hull. O(rows × hull vertices).
func pixelHullArea(of crop: RegionCrop) -> Int {
    var xs: [Int] = [], ys: [Int] = []
    let extents = crop.rowExtents()
    for (index, extent) in extents.enumerated() {
        guard let extent else { continue }
        let y = 2 * (index + 1)
        for x in [2 * extent.first, 2 * extent.last] {
            xs += [x - 1, x + 1, x, x]
            ys += [y, y, y - 1, y + 1]
        }
    }
    let hull = ConvexPolygon(xs: xs, ys: ys)
    let n = hull.count
    guard n >= 3 else { return extents.reduce(0) { $0 + ($1.map { $0.last - $0.first + 1 } ?? 0) } }
    var total = 0
    for row in 1 ... extents.count {
        let y = 2 * row
        // ImageJ order has the interior on the right: cross(b − a, p − a) ≤ 0 inside.
        var low = Int.min, high = Int.max, empty = false
        for i in 0 ..< n {
            let j = i + 1 == n ? 0 : i + 1
            let ax = hull.xs[i], ay = hull.ys[i], dx = hull.xs[j] - ax, dy = hull.ys[j] - ay
            // dx·(y − ay) − dy·(x − ax) ≤ 0  ⇔  dy·x ≥ dx·(y − ay) + dy·ax =: c
            let c = dx * (y - ay) + dy * ax
            if dy > 0 {
                low = max(low, ceilDiv(c, dy))
            } else if dy < 0 {
                high = min(high, floorDiv(c, dy))
            } else if c > 0 {
                empty = true
            }
        }
        if empty || low > high { continue }
        // Pixel centres are the even doubled x values.
        let first = ceilDiv(low, 2), last = floorDiv(high, 2)
        if last >= first { total += last - first + 1 }
    }
    return total
}

/// ⌈a / b⌉ for b ≠ 0.
func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }

/// ⌊a / b⌋ for b ≠ 0.
func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
