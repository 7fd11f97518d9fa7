import LacunaImage
import LacunaMeasure
import LacunaTestSupport
import Testing

@Suite("Area, centroid, bounding box, border contact")
struct RegionGeometryTests {
    @Test("Rectangle: area, centroid at the centre of its pixel centres + ½, bounding box")
    func rectangle() throws {
        // Columns 3…7 and rows 2…5: area 5 · 4 = 20; mean x = (3+4+5+6+7)/5 = 5, mean y =
        // (2+3+4+5)/4 = 3.5; with pixel (x, y) centred at (x + ½, y + ½): (5.5, 4.0), which is
        // also the centre of the rectangle [3, 8) × [2, 6).
        let mask = TestMasks.rectangle(width: 12, height: 10, xs: 3 ..< 8, ys: 2 ..< 6)
        let region = try #require(measureRegions(of: TestMasks.labels(mask), count: 1).first)
        #expect(region.label == 1)
        #expect(region.area == 20)
        #expect(region.centroidX == 5.5)
        #expect(region.centroidY == 4.0)
        #expect(region.minX == 3 && region.maxX == 8)
        #expect(region.minY == 2 && region.maxY == 6)
        #expect(!region.touchesBorder)
        // 5 × 4 block: 14 boundary pixels, each with code 5 → perimeter 14.
        #expect(region.perimeter == 14)
    }

    @Test("L shape: centroid by hand")
    func lShape() throws {
        // Pixels (2,3), (2,4), (2,5), (3,5): mean x = 9/4 = 2.25, mean y = 17/4 = 4.25;
        // centroid (2.75, 4.75); box x 2..<4, y 3..<6.
        let mask = TestMasks.parse([
            "......",
            "......",
            "......",
            "..#...",
            "..#...",
            "..##..",
            "......",
        ])
        let region = try #require(measureRegions(of: TestMasks.labels(mask), count: 1).first)
        #expect(region.area == 4)
        #expect(region.centroidX == 2.75)
        #expect(region.centroidY == 4.75)
        #expect(region.minX == 2 && region.maxX == 4 && region.minY == 3 && region.maxY == 6)
    }

    @Test("Disk centred on a pixel has its centroid at that pixel's centre")
    func diskCentroid() throws {
        let mask = TestMasks.disk(width: 31, height: 29, centreX: 13, centreY: 17, radius: 6.5)
        let region = try #require(measureRegions(of: TestMasks.labels(mask), count: 1).first)
        #expect(abs(region.centroidX - 13.5) <= 1e-12)
        #expect(abs(region.centroidY - 17.5) <= 1e-12)
        #expect(region.minX == 7 && region.maxX == 20 && region.minY == 11 && region.maxY == 24)
    }

    struct BorderCase: Sendable, CustomTestStringConvertible {
        var name: String
        var xs: Range<Int>
        var ys: Range<Int>
        var touches: Bool
        var testDescription: String { name }
    }

    @Test("Touching the first or last row or column", arguments: [
        BorderCase(name: "left", xs: 0 ..< 3, ys: 4 ..< 6, touches: true),
        BorderCase(name: "right", xs: 7 ..< 10, ys: 4 ..< 6, touches: true),
        BorderCase(name: "top", xs: 4 ..< 6, ys: 0 ..< 2, touches: true),
        BorderCase(name: "bottom", xs: 4 ..< 6, ys: 6 ..< 8, touches: true),
        BorderCase(name: "corner", xs: 9 ..< 10, ys: 7 ..< 8, touches: true),
        BorderCase(name: "one pixel in from every side", xs: 1 ..< 9, ys: 1 ..< 7, touches: false),
    ])
    func border(item: BorderCase) throws {
        let mask = TestMasks.rectangle(width: 10, height: 8, xs: item.xs, ys: item.ys)
        let region = try #require(measureRegions(of: TestMasks.labels(mask), count: 1).first)
        #expect(region.touchesBorder == item.touches)
        #expect(region.area == item.xs.count * item.ys.count)
        #expect(region.minX == item.xs.lowerBound && region.maxX == item.xs.upperBound)
        #expect(region.minY == item.ys.lowerBound && region.maxY == item.ys.upperBound)
    }

    @Test("Equivalent radius is √(area/π)")
    func equivalentRadius() throws {
        // 5 × 5 block: √(25/π) = 2.820948 (= 5/√π).
        let mask = TestMasks.rectangle(width: 9, height: 9, xs: 2 ..< 7, ys: 2 ..< 7)
        let region = try #require(measureRegions(of: TestMasks.labels(mask), count: 1).first)
        #expect(abs(region.equivalentRadius - 2.8209479177) <= 1e-9)
    }
}
