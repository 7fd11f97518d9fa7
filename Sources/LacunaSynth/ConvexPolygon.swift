/// A convex polygon in pixel coordinates (x right, y down), vertices in order.
public struct ConvexPolygon: Sendable, Equatable {
    public struct Point: Sendable, Equatable, Codable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public var vertices: [Point]

    public init(vertices: [Point]) {
        self.vertices = vertices
    }

    /// An axis-aligned square of half-size `r` around `centre`.
    public static func square(around centre: Point, halfSize r: Double) -> ConvexPolygon {
        ConvexPolygon(vertices: [Point(x: centre.x - r, y: centre.y - r), Point(x: centre.x + r, y: centre.y - r),
                                 Point(x: centre.x + r, y: centre.y + r), Point(x: centre.x - r, y: centre.y + r)])
    }

    /// Area by the shoelace formula (absolute value).
    public var area: Double {
        guard vertices.count >= 3 else { return 0 }
        var twice = 0.0
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            twice += a.x * b.y - b.x * a.y
        }
        return abs(twice) / 2
    }

    /// Area centroid.
    public var centroid: Point {
        var cx = 0.0, cy = 0.0, twice = 0.0
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            let cross = a.x * b.y - b.x * a.y
            twice += cross
            cx += (a.x + b.x) * cross
            cy += (a.y + b.y) * cross
        }
        guard twice != 0 else { return vertices.first ?? Point(x: 0, y: 0) }
        return Point(x: cx / (3 * twice), y: cy / (3 * twice))
    }

    /// The part of the polygon where `normal · p ≤ offset` (Sutherland–Hodgman clipping against
    /// one half-plane; Sutherland & Hodgman 1974, CACM 17(1)).
    public func clipped(normal: Point, offset: Double) -> ConvexPolygon {
        var out: [Point] = []
        out.reserveCapacity(vertices.count + 1)
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            let da = normal.x * a.x + normal.y * a.y - offset
            let db = normal.x * b.x + normal.y * b.y - offset
            if da <= 0 { out.append(a) }
            if (da < 0 && db > 0) || (da > 0 && db < 0) {
                let t = da / (da - db)
                out.append(Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
            }
        }
        return ConvexPolygon(vertices: out)
    }

    /// Number of sides, ignoring edges shorter than `tolerance`.
    public func sideCount(tolerance: Double = 1e-6) -> Int {
        var n = 0
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            if ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() > tolerance { n += 1 }
        }
        return n
    }

    /// Whether `p` lies inside (boundary included); vertices may run either way round.
    public func contains(_ p: Point) -> Bool {
        var sign = 0.0
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if cross != 0 {
                if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { return false }
            }
        }
        return vertices.count >= 3
    }
}
