/// The geometry of a synthetic porous framework: a Voronoi tessellation of a jittered
/// hexagonal point lattice, each cell shrunk by half the wall width to give a hole.
///
/// A jittered hexagonal lattice gives mostly hexagonal cells with pentagons and heptagons mixed
/// in, the look of the stripped-Li networks. Each cell is the intersection of the bisector
/// half-planes with the seeds within three lattice spacings; moving every bisector by half the
/// wall width towards the cell's own seed gives the hole, an exact convex polygon whose area is
/// the ground truth.
public struct HoleLayout: Sendable {
    /// One hole and its cell.
    public struct Hole: Sendable {
        /// The hole polygon in pixel coordinates of the frame.
        public var polygon: ConvexPolygon
        /// Sides of the Voronoi cell the hole sits in.
        public var cellSides: Int
        /// Whether any part of the hole lies within one pixel of the frame edge.
        public var touchesBorder: Bool
    }

    public var holes: [Hole]

    /// Lays out holes over a `width × height` frame.
    /// - Parameters:
    ///   - spacing: lattice spacing in pixels (distance between neighbouring cell seeds).
    ///   - wallWidth: framework wall thickness in pixels.
    ///   - jitter: seed displacement as a fraction of the spacing (uniform in a disc).
    public init(width: Int, height: Int, spacing: Double, wallWidth: Double, jitter: Double,
                random: inout SeededRandom) {
        precondition(spacing > 2 && wallWidth >= 0 && wallWidth < spacing && jitter >= 0 && jitter < 0.5,
                     "invalid layout spacing \(spacing), wall \(wallWidth), jitter \(jitter)")
        let rowStep = spacing * 3.0.squareRoot() / 2
        var seeds: [ConvexPolygon.Point] = []
        var row = -2
        while Double(row) * rowStep < Double(height) + 2 * spacing {
            var column = -2
            let shift = row.isMultiple(of: 2) ? 0 : spacing / 2
            while Double(column) * spacing < Double(width) + 2 * spacing {
                let angle = 2 * Double.pi * random.uniform()
                let radius = jitter * spacing * random.uniform().squareRoot()
                seeds.append(.init(x: Double(column) * spacing + shift + radius * cos(angle),
                                   y: Double(row) * rowStep + radius * sin(angle)))
                column += 1
            }
            row += 1
        }
        var holes: [Hole] = []
        for (i, p) in seeds.enumerated() {
            // Keep cells whose seed can reach the frame.
            if p.x < -spacing || p.y < -spacing || p.x > Double(width) + spacing || p.y > Double(height) + spacing {
                continue
            }
            var cell = ConvexPolygon.square(around: p, halfSize: 3 * spacing)
            var hole = cell
            for (j, q) in seeds.enumerated() where j != i {
                let dx = q.x - p.x, dy = q.y - p.y
                let distance = (dx * dx + dy * dy).squareRoot()
                if distance > 3 * spacing { continue }
                let normal = ConvexPolygon.Point(x: dx / distance, y: dy / distance)
                let bisector = normal.x * (p.x + q.x) / 2 + normal.y * (p.y + q.y) / 2
                cell = cell.clipped(normal: normal, offset: bisector)
                hole = hole.clipped(normal: normal, offset: bisector - wallWidth / 2)
            }
            guard hole.vertices.count >= 3, hole.area > 1 else { continue }
            let xs = hole.vertices.map(\.x), ys = hole.vertices.map(\.y)
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            if maxX <= 0 || maxY <= 0 || minX >= Double(width) || minY >= Double(height) { continue }
            let touches = minX < 1 || minY < 1 || maxX > Double(width) - 1 || maxY > Double(height) - 1
            holes.append(Hole(polygon: hole, cellSides: cell.sideCount(tolerance: 0.5), touchesBorder: touches))
        }
        self.holes = holes
    }

    /// Fraction of each pixel covered by holes, from `samples × samples` point samples per pixel.
    public func coverage(width: Int, height: Int, samples: Int = 4) -> [Float] {
        var cover = [Float](repeating: 0, count: width * height)
        for hole in holes {
            hole.forEachCoveredPixel(width: width, height: height, samples: samples) { index, fraction in
                cover[index] += fraction
            }
        }
        return cover
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HoleLayout.Hole {
    /// Calls `body(pixel index, covered fraction)` for every pixel of the hole's bounding box
    /// inside a `width × height` frame, the fraction from `samples × samples` point samples
    /// (0 for pixels the hole misses). Row-major order.
    public func forEachCoveredPixel(width: Int, height: Int, samples: Int, _ body: (Int, Float) -> Void) {
        let step = 1 / Double(samples)
        let weight = Float(1) / Float(samples * samples)
        let xs = polygon.vertices.map(\.x), ys = polygon.vertices.map(\.y)
        let x0 = max(0, Int((xs.min() ?? 0).rounded(.down))), x1 = min(width - 1, Int((xs.max() ?? 0).rounded(.up)))
        let y0 = max(0, Int((ys.min() ?? 0).rounded(.down))), y1 = min(height - 1, Int((ys.max() ?? 0).rounded(.up)))
        if x0 > x1 || y0 > y1 { return }
        for y in y0 ... y1 {
            for x in x0 ... x1 {
                var inside = 0
                for sy in 0 ..< samples {
                    for sx in 0 ..< samples {
                        let point = ConvexPolygon.Point(x: Double(x) + (Double(sx) + 0.5) * step,
                                                        y: Double(y) + (Double(sy) + 0.5) * step)
                        if polygon.contains(point) { inside += 1 }
                    }
                }
                body(y * width + x, Float(inside) * weight)
            }
        }
    }
}
