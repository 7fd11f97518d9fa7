@testable import LacunaMeasure
import LacunaSynth
import Testing

/// `ConvexPolygon(HullLines)` (a monotone chain over points already in (y, x) order) against a
/// reference written here: the gift wrap ImageJ's `getConvexHull` performs, on every point,
/// started at the smallest (y, x) and turning with the interior on the right.
struct HullLinesTests {
    /// Hull vertices by gift wrapping (collinear points dropped, the farthest one kept).
    static func giftWrap(_ points: [(x: Int, y: Int)]) -> [(x: Int, y: Int)] {
        let unique = Array(Set(points.map { [$0.x, $0.y] })).map { (x: $0[0], y: $0[1]) }
        guard unique.count > 1 else { return unique }
        let start = unique.min { ($0.y, $0.x) < ($1.y, $1.x) }!
        var hull = [start]
        var current = start
        while true {
            var candidate = unique[0].x == current.x && unique[0].y == current.y ? unique[1] : unique[0]
            for p in unique where !(p.x == current.x && p.y == current.y) {
                let cross = (candidate.x - current.x) * (p.y - current.y) - (candidate.y - current.y) * (p.x - current.x)
                let farther = (p.x - current.x) * (p.x - current.x) + (p.y - current.y) * (p.y - current.y)
                    > (candidate.x - current.x) * (candidate.x - current.x) + (candidate.y - current.y) * (candidate.y - current.y)
                // The next vertex has every point on its right (cross ≤ 0): take p whenever it
                // lies to the left of current → candidate, or beyond it on the same line.
                if cross > 0 || (cross == 0 && farther) { candidate = p }
            }
            if candidate.x == start.x && candidate.y == start.y { break }
            hull.append(candidate)
            current = candidate
            if hull.count > unique.count { break }
        }
        return hull
    }

    @Test("The chain over lines gives the gift wrap's vertices in its order", arguments: Array(UInt64(1) ... 40))
    func randomPoints(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = 1 + Int(random.uniform() * 30)
        let span = 2 + Int(random.uniform() * 12)
        let points = (0 ..< count).map { _ in
            (x: Int(random.uniform() * Double(span)) - 3, y: Int(random.uniform() * Double(span)) - 2)
        }
        var lines = HullLines(origin: -2, count: span + 1)
        for p in points { lines.add(x: p.x, y: p.y) }
        let hull = ConvexPolygon(lines)
        let expected = Self.giftWrap(points)
        #expect(hull.xs == expected.map(\.x), "points \(points)")
        #expect(hull.ys == expected.map(\.y), "points \(points)")
    }
}
