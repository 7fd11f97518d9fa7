import Foundation
import LacunaImage
import LacunaMeasure
import LacunaNetwork
import Testing

@Suite("Corners of hole outlines by Douglas–Peucker")
struct PolygonCornerTests {
    /// A filled regular polygon with `sides` vertices on a circle of radius `radius` around
    /// (cx, cy), rotated by `phase` radians, as label 1.
    static func polygon(sides: Int, radius: Double, phase: Double, size: Int = 120) -> LabelImage {
        let c = Double(size) / 2
        let vertices = (0 ..< sides).map { k -> (Double, Double) in
            let a = phase + 2 * Double.pi * Double(k) / Double(sides)
            return (c + radius * cos(a), c + radius * sin(a))
        }
        var labels = LabelImage(width: size, height: size, repeating: 0)
        for y in 0 ..< size {
            for x in 0 ..< size {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                var inside = true
                for k in 0 ..< sides {
                    let (ax, ay) = vertices[k], (bx, by) = vertices[(k + 1) % sides]
                    if (bx - ax) * (py - ay) - (by - ay) * (px - ax) < 0 { inside = false }
                }
                if inside { labels.samples[y * size + x] = 1 }
            }
        }
        return labels
    }

    @Test("Regular polygons of 3–8 sides at several rotations give their number of corners",
          arguments: [3, 4, 5, 6, 7, 8])
    func regular(sides: Int) throws {
        for phase in [0.0, 0.3, 1.1] {
            let labels = Self.polygon(sides: sides, radius: 40, phase: phase)
            let region = try #require(measureRegions(of: labels, count: 1).first)
            let corners = polygonCorners(of: region, in: labels,
                                         tolerance: CellNetwork.cornerTolerance(radius: region.equivalentRadius))
            #expect(corners == sides, "phase \(phase)")
        }
    }

    @Test("An axis-aligned rectangle has 4 corners at any tolerance ≥ 0.5 px; one pixel 4 at 0.5 px, 3 at 1.5 px")
    func rectangle() throws {
        var labels = LabelImage(width: 30, height: 20, repeating: 0)
        for y in 4 ..< 15 { for x in 3 ..< 25 { labels.samples[y * 30 + x] = 1 } }
        let region = try #require(measureRegions(of: labels, count: 1).first)
        #expect(polygonCorners(of: region, in: labels, tolerance: 0.5) == 4)
        #expect(polygonCorners(of: region, in: labels, tolerance: 3) == 4)
        var dot = LabelImage(width: 5, height: 5, repeating: 0)
        dot.samples[12] = 1
        let single = try #require(measureRegions(of: dot, count: 1).first)
        #expect(polygonCorners(of: single, in: dot, tolerance: 0.5) == 4)
        #expect(polygonCorners(of: single, in: dot, tolerance: 1.5) == 3)
    }
}
