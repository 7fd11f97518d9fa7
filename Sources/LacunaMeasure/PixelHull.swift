/// scikit-image's convex hull image (`convex_hull_image` with its defaults; its pixel count is
/// `area_convex`) as one column interval per crop row (`nil` for rows
/// outside it): the hull of the midpoints of every region pixel's four edges (the "diamond"
/// offsets ±½ along each axis), then every pixel whose centre lies inside or on it.
/// Coordinates are doubled so that the test is exact integer arithmetic. The first and last
/// pixel of each row span the hull. O(rows × hull vertices).
func pixelHullRows(of crop: RegionCrop) -> [(first: Int, last: Int)?] {
    let extents = crop.rowExtents()
    // Doubled lines 1 … 2·rows + 1: row index i sits on line 2(i + 1), its diamonds reach ±1.
    var lines = HullLines(origin: 1, count: 2 * extents.count + 1)
    for (index, extent) in extents.enumerated() {
        guard let extent else { continue }
        let y = 2 * (index + 1)
        for x in [2 * extent.first, 2 * extent.last] {
            lines.add(x: x - 1, y: y)
            lines.add(x: x + 1, y: y)
            lines.add(x: x, y: y - 1)
            lines.add(x: x, y: y + 1)
        }
    }
    let hull = ConvexPolygon(lines)
    let n = hull.count
    var rows = [(first: Int, last: Int)?](repeating: nil, count: crop.mask.height)
    guard n >= 3 else { return rows }
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
        if last >= first { rows[row] = (first, last) }
    }
    return rows
}

/// scikit-image's `feret_diameter_max`: the largest distance between the points of the
/// marching-squares contour at level ½ of the (padded) convex hull image — the midpoints
/// between each hull-image pixel and its 4-neighbours outside it (pixel centres ± ½, where
/// ImageJ uses pixel corners; a single pixel gives 1, a 10 × 10 square √181 = 13.4536).
/// O(rows + hull vertices²).
func skimageFeretDiameter(hullRows rows: [(first: Int, last: Int)?]) -> Double {
    // Doubled coordinates: pixel (x, y) at (2x, 2y), midpoints at odd offsets; lines −1 … 2·rows.
    guard rows.contains(where: { $0 != nil }) else { return 0 }
    var lines = HullLines(origin: -1, count: 2 * rows.count + 2)
    for (y, interval) in rows.enumerated() {
        guard let (a, b) = interval else { continue }
        lines.add(x: 2 * a - 1, y: 2 * y)
        lines.add(x: 2 * b + 1, y: 2 * y)
        // Vertical neighbours outside: columns of [a, b] not in the row above / below; only the
        // ends of those runs can be extreme.
        for (neighbour, offset) in [(y - 1, -1), (y + 1, 1)] {
            let other = neighbour >= 0 && neighbour < rows.count ? rows[neighbour] : nil
            var runs: [(Int, Int)] = []
            if let (c, d) = other {
                if a < c { runs.append((a, min(b, c - 1))) }
                if b > d { runs.append((max(a, d + 1), b)) }
            } else {
                runs.append((a, b))
            }
            for (start, end) in runs where start <= end {
                lines.add(x: 2 * start, y: 2 * y + offset)
                lines.add(x: 2 * end, y: 2 * y + offset)
            }
        }
    }
    let hull = ConvexPolygon(lines)
    let (i, j) = hull.diameterPair()
    return Double(hull.squaredDistance(i, j)).squareRoot() / 2
}

/// ⌈a / b⌉ for b ≠ 0.
func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }

/// ⌊a / b⌋ for b ≠ 0.
func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
