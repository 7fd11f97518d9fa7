extension ConvexPolygon {
    /// Euclidean distance in pixels from `p` to the polygon's outline (0 on it); positive both
    /// inside and outside — combine with `contains` for a side. O(vertices).
    public func distanceToOutline(_ p: Point) -> Double {
        var best = Double.infinity
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            let ex = b.x - a.x, ey = b.y - a.y
            let length2 = ex * ex + ey * ey
            let t = length2 > 0 ? min(1, max(0, ((p.x - a.x) * ex + (p.y - a.y) * ey) / length2)) : 0
            let dx = p.x - (a.x + t * ex), dy = p.y - (a.y + t * ey)
            best = min(best, (dx * dx + dy * dy).squareRoot())
        }
        return best
    }

    /// A uniformly random point at least `margin` pixels inside the outline, or `nil` when 32
    /// rejection draws over the bounding box find none.
    func randomInteriorPoint(margin: Double, random: inout SeededRandom) -> Point? {
        let xs = vertices.map(\.x), ys = vertices.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        for _ in 0 ..< 32 {
            let p = Point(x: x0 + (x1 - x0) * random.uniform(), y: y0 + (y1 - y0) * random.uniform())
            if contains(p) && distanceToOutline(p) >= margin { return p }
        }
        return nil
    }
}
