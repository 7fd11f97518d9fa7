import LacunaSynth
import Testing

@Suite("Convex polygons of the synthetic generator")
struct ConvexPolygonTests {
    typealias P = ConvexPolygon.Point

    @Test("area and centroid of a unit square and of a right triangle, by hand")
    func areaAndCentroid() {
        let square = ConvexPolygon.square(around: P(x: 2, y: 3), halfSize: 0.5)
        #expect(square.area == 1)
        #expect(square.centroid == P(x: 2, y: 3))
        let triangle = ConvexPolygon(vertices: [P(x: 0, y: 0), P(x: 4, y: 0), P(x: 0, y: 3)])
        #expect(triangle.area == 6)
        #expect(abs(triangle.centroid.x - 4.0 / 3) < 1e-12 && abs(triangle.centroid.y - 1) < 1e-12)
    }

    @Test("clipping a square by x ≤ 0.25 keeps a 0.75 × 1 rectangle")
    func clipping() {
        let square = ConvexPolygon.square(around: P(x: 0, y: 0), halfSize: 0.5)
        let clipped = square.clipped(normal: P(x: 1, y: 0), offset: 0.25)
        #expect(abs(clipped.area - 0.75) < 1e-12)
        #expect(clipped.sideCount() == 4)
        // Clipping along a diagonal through the centre halves it into a triangle.
        let s = 0.5.squareRoot()
        let half = square.clipped(normal: P(x: s, y: s), offset: 0)
        #expect(abs(half.area - 0.5) < 1e-12)
        #expect(half.sideCount() == 3)
    }

    @Test("point containment, boundary included")
    func containment() {
        let square = ConvexPolygon.square(around: P(x: 0, y: 0), halfSize: 1)
        #expect(square.contains(P(x: 0.99, y: -0.99)))
        #expect(square.contains(P(x: 1, y: 0)))
        #expect(!square.contains(P(x: 1.01, y: 0)))
    }
}
