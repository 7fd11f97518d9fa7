/// A convex polygon with integer vertices, no three consecutive vertices collinear.
///
/// Built with Andrew's monotone chain (Andrew 1979, "Another efficient algorithm for convex
/// hulls in two dimensions", Inf. Process. Lett. 9:216–219), O(n log n); all predicates are
/// exact integer arithmetic. Vertices are stored in ImageJ's order (`FloatPolygon.getConvexHull`,
/// a gift wrap): starting at the vertex with the smallest y, then the smallest x, and
/// continuing with the interior on the right-hand side in (x, y) coordinates — down the left
/// side when y grows downwards. ImageJ's Feret angle breaks ties by this order.
struct ConvexPolygon {
    var xs: [Int]
    var ys: [Int]

    /// The convex hull of the points (duplicates allowed).
    init(xs: [Int], ys: [Int]) {
        precondition(xs.count == ys.count, "\(xs.count) x values, \(ys.count) y values")
        // Points sorted by x, then y, as one integer key each (pixel coordinates fit in 32
        // bits): a plain integer sort instead of a comparison closure over indices.
        var keys = zip(xs, ys).map { x, y in
            UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: x)) ^ 0x8000_0000) << 32
                | UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: y)) ^ 0x8000_0000)
        }
        keys.sort()
        let px = keys.map { Int(Int32(bitPattern: UInt32(truncatingIfNeeded: $0 >> 32) ^ 0x8000_0000)) }
        let py = keys.map { Int(Int32(bitPattern: UInt32(truncatingIfNeeded: $0) ^ 0x8000_0000)) }
        let order = Array(px.indices)
        func cross(_ o: Int, _ a: Int, _ b: Int) -> Int {
            (px[a] - px[o]) * (py[b] - py[o]) - (py[a] - py[o]) * (px[b] - px[o])
        }
        var hull: [Int] = []
        for pass in 0 ..< 2 {
            let base = hull.count
            for i in pass == 0 ? order : order.reversed() {
                while hull.count >= base + 2, cross(hull[hull.count - 2], hull[hull.count - 1], i) <= 0 {
                    hull.removeLast()
                }
                hull.append(i)
            }
            hull.removeLast()
        }
        // Collapse duplicates of a single point (the chain keeps both copies).
        if hull.count == 2, px[hull[0]] == px[hull[1]], py[hull[0]] == py[hull[1]] { hull.removeLast() }
        // The chain runs counter-clockwise in (x, y); ImageJ's order is the reverse.
        hull.reverse()
        let start = hull.indices.min { (py[hull[$0]], px[hull[$0]]) < (py[hull[$1]], px[hull[$1]]) } ?? 0
        let rotated = Array(hull[start...] + hull[..<start])
        self.xs = rotated.map { px[$0] }
        self.ys = rotated.map { py[$0] }
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
