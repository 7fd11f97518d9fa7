import LacunaImage

/// The number of corners of a region's outline: its traced outer boundary (pixel-edge polygon,
/// as ImageJ's wand traces it) simplified by the Douglas–Peucker algorithm with tolerance
/// `tolerance` px (Douglas & Peucker 1973, "Algorithms for the reduction of the number of points
/// required to represent a digitized line or its caricature", The Canadian Cartographer
/// 10:112–122), closed-curve form: the outline is split at its vertex farthest from the
/// starting vertex and at the starting vertex, and each half is simplified on its own.
///
/// Use: a second estimate of a hole's polygon class (pentagon, hexagon) beside the number of
/// neighbouring cells. The staircase of a digitised straight edge deviates up to ~0.7 px from the
/// line, so tolerances below 1 px count steps as corners.
/// Sides shorter than max(2·tolerance, r/4) (r the equivalent radius) are merged: an acute tip
/// cut off by the pixel grid leaves such a side, several pixels long for a 60° tip; regions
/// smaller than the tolerance report 3.
/// - Returns: the corner count (≥ 3 for any region with area); 0 for an empty region.
@_specialize(where L == Int32)
@_specialize(where L == UInt16)
public func polygonCorners<L: FixedWidthInteger & Sendable>(of region: RegionProperties, in labels: Image<L>,
                                                            tolerance: Double) -> Int {
    guard region.area > 0 else { return 0 }
    let crop = labels.samples.withUnsafeBufferPointer {
        RegionCrop(labels: $0, imageWidth: labels.width, region: region)
    }
    let (xs, ys) = tracedOutline(of: crop.mask)
    let points = zip(xs, ys).map { (x: Double($0), y: Double($1)) }
    let shortestSide = max(2 * tolerance, 0.25 * region.equivalentRadius)
    return max(3, simplifiedClosedCurve(points, tolerance: tolerance, shortestSide: shortestSide).count)
}

/// Indices of the vertices of the closed polygon `points` that Douglas–Peucker keeps.
func simplifiedClosedCurve(_ points: [(x: Double, y: Double)], tolerance: Double, shortestSide: Double) -> [Int] {
    let n = points.count
    guard n > 3 else { return Array(points.indices) }
    var far = 0, best = -1.0
    for i in 1 ..< n {
        let dx = points[i].x - points[0].x, dy = points[i].y - points[0].y
        let d = dx * dx + dy * dy
        if d > best { best = d; far = i }
    }
    var keep = [Bool](repeating: false, count: n + 1)
    keep[0] = true
    keep[far] = true
    // The second half runs from `far` back to the start, which closes the curve as index n.
    let closed = points + [points[0]]
    var stack = [(0, far), (far, n)]
    while let (a, b) = stack.popLast() {
        guard b - a > 1 else { continue }
        let (ax, ay) = closed[a], (bx, by) = closed[b]
        let dx = bx - ax, dy = by - ay
        let length = (dx * dx + dy * dy).squareRoot()
        var split = -1, worst = tolerance
        for i in a + 1 ..< b {
            let px = closed[i].x - ax, py = closed[i].y - ay
            let distance = length > 0 ? abs(px * dy - py * dx) / length : (px * px + py * py).squareRoot()
            if distance > worst { worst = distance; split = i }
        }
        if split >= 0 {
            keep[split] = true
            stack.append((a, split))
            stack.append((split, b))
        }
    }
    var corners = (0 ..< n).filter { keep[$0] }
    // Douglas–Peucker keeps every split point, also one that lies on a straight side but was
    // farthest from a chord spanning two sides (and the two starting vertices). Remove, one at
    // a time and least deviating first, each vertex within the tolerance of the line through
    // its kept neighbours.
    while corners.count > 3 {
        var weakest = -1, smallest = tolerance
        for k in corners.indices {
            let p = points[corners[(k + corners.count - 1) % corners.count]]
            let q = points[corners[(k + 1) % corners.count]]
            let v = points[corners[k]]
            let dx = q.x - p.x, dy = q.y - p.y
            let length = (dx * dx + dy * dy).squareRoot()
            let sx = v.x - p.x, sy = v.y - p.y
            let distance = length > 0 ? abs(sx * dy - sy * dx) / length : (sx * sx + sy * sy).squareRoot()
            if distance <= smallest { smallest = distance; weakest = k }
        }
        guard weakest >= 0 else { break }
        corners.remove(at: weakest)
    }
    // A corner cut off by the pixel grid (an acute tip) leaves two vertices closer than the
    // grid resolves: merge sides shorter than `shortestSide` into their neighbours.
    while corners.count > 3 {
        var shortest = -1, length = shortestSide
        for k in corners.indices {
            let p = points[corners[k]], q = points[corners[(k + 1) % corners.count]]
            let d = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
            if d < length { length = d; shortest = k }
        }
        guard shortest >= 0 else { break }
        corners.remove(at: shortest)
    }
    return corners
}
