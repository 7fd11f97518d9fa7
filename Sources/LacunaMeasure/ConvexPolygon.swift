/// A convex polygon with integer vertices, no three consecutive vertices collinear.
///
/// Built with Andrew's monotone chain (Andrew 1979, "Another efficient algorithm for convex
/// hulls in two dimensions", Inf. Process. Lett. 9:216–219) over points already in (y, x)
/// order, O(n); all predicates are exact integer arithmetic. Vertices are stored in ImageJ's
/// order (`FloatPolygon.getConvexHull`, a gift wrap): starting at the vertex with the smallest y, then the smallest x, and
/// continuing with the interior on the right-hand side in (x, y) coordinates — down the left
/// side when y grows downwards. ImageJ's Feret angle breaks ties by this order.
struct ConvexPolygon {
    var xs: [Int]
    var ys: [Int]

    /// The convex hull of the points of `lines` (only each line's leftmost and rightmost point
    /// can be a vertex). The points come ordered by (y, x) from the lines, so the monotone
    /// chain runs without a sort, O(lines); run in (y, x) coordinates it yields ImageJ's order
    /// directly, starting at the smallest (y, x).
    init(_ lines: HullLines) {
        var px: [Int] = [], py: [Int] = []
        px.reserveCapacity(2 * lines.count)
        py.reserveCapacity(2 * lines.count)
        for k in 0 ..< lines.count where lines.low[k] <= lines.high[k] {
            let y = lines.origin + k
            px.append(lines.low[k])
            py.append(y)
            if lines.high[k] != lines.low[k] {
                px.append(lines.high[k])
                py.append(y)
            }
        }
        // cross in (u, v) = (y, x) coordinates; ≤ 0 means no left turn there.
        func cross(_ o: Int, _ a: Int, _ b: Int) -> Int {
            (py[a] - py[o]) * (px[b] - px[o]) - (px[a] - px[o]) * (py[b] - py[o])
        }
        var hull: [Int] = []
        hull.reserveCapacity(px.count + 1)
        for pass in 0 ..< 2 where px.count > 1 {
            let base = hull.count
            var i = pass == 0 ? 0 : px.count - 1
            while i >= 0 && i < px.count {
                while hull.count >= base + 2, cross(hull[hull.count - 2], hull[hull.count - 1], i) <= 0 {
                    hull.removeLast()
                }
                hull.append(i)
                i += pass == 0 ? 1 : -1
            }
            hull.removeLast()
        }
        if px.count == 1 { hull = [0] }
        self.xs = hull.map { px[$0] }
        self.ys = hull.map { py[$0] }
    }

    var count: Int { xs.count }

    /// Area by the shoelace formula.
    var area: Double {
        var twice = 0
        for i in 0 ..< count {
            let j = i + 1 == count ? 0 : i + 1
            twice += xs[i] * ys[j] - xs[j] * ys[i]
        }
        return Double(abs(twice)) / 2
    }

    /// |cross(b − a, p − a)| for vertices a, b, p: twice the triangle's area.
    private func twiceArea(_ a: Int, _ b: Int, _ p: Int) -> Int {
        abs((xs[b] - xs[a]) * (ys[p] - ys[a]) - (ys[b] - ys[a]) * (xs[p] - xs[a]))
    }

    /// For every edge (i, i+1), the vertex farthest from its line, by rotating calipers
    /// (Shamos 1978; Toussaint 1983, "Solving geometric problems with the rotating calipers").
    /// O(n).
    func antipodalVertices() -> [Int] {
        let n = count
        guard n >= 3 else { return Array(repeating: n == 2 ? 1 : 0, count: n) }
        var result = [Int](repeating: 0, count: n)
        var j = 1
        for i in 0 ..< n {
            let next = (i + 1) % n
            while twiceArea(i, next, (j + 1) % n) > twiceArea(i, next, j) { j = (j + 1) % n }
            result[i] = j
        }
        return result
    }

    /// Squared distance between vertices i and j.
    func squaredDistance(_ i: Int, _ j: Int) -> Int {
        let dx = xs[i] - xs[j], dy = ys[i] - ys[j]
        return dx * dx + dy * dy
    }

    /// The minimum caliper width: the smallest, over edges, of the largest distance of a vertex
    /// from the edge's line (the minimum width of a convex polygon is attained flush with an
    /// edge). 0 for fewer than three vertices.
    func minimumWidth() -> Double {
        let n = count
        guard n >= 3 else { return 0 }
        let far = antipodalVertices()
        var best = Double.infinity
        for i in 0 ..< n {
            let next = (i + 1) % n
            let length = Double(squaredDistance(i, next)).squareRoot()
            best = min(best, Double(twiceArea(i, next, far[i])) / length)
        }
        return best
    }

    /// The vertex pair at maximum distance: the first such pair (i < j) of ImageJ's double loop
    /// in `Roi.getFeretValues`, whose order decides the Feret angle of symmetric shapes. A plain
    /// scan, O(n²) in hull vertices; a lattice region of area A has O(A^⅓) of them (Jarník 1926),
    /// so this stays below the O(A) of the other kernels.
    func diameterPair() -> (Int, Int) {
        var best = -1, pair = (0, 0)
        for i in 0 ..< count {
            for j in i + 1 ..< count {
                let d = squaredDistance(i, j)
                if d > best {
                    best = d
                    pair = (i, j)
                }
            }
        }
        return pair
    }
}

/// Points for a convex hull kept as the leftmost and rightmost x on each horizontal line
/// y = `origin` … `origin` + `count` − 1 (the other points of a line are never hull vertices).
struct HullLines {
    let origin: Int
    var low: [Int]
    var high: [Int]

    init(origin: Int, count: Int) {
        self.origin = origin
        low = [Int](repeating: .max, count: count)
        high = [Int](repeating: .min, count: count)
    }

    var count: Int { low.count }

    /// Adds the point (x, y); y must lie on one of the lines.
    mutating func add(x: Int, y: Int) {
        let k = y - origin
        if x < low[k] { low[k] = x }
        if x > high[k] { high[k] = x }
    }
}
