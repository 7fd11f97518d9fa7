import LacunaImage
import LacunaMeasure
import LacunaTestSupport
import Testing

@Suite("Perimeter and area match scikit-image regionprops (anchors.md §4.2)")
struct PerimeterReferenceTests {
    static func measureSingle(_ mask: Mask) throws -> RegionProperties {
        let regions = measureRegions(of: TestMasks.labels(mask), count: 1)
        return try #require(regions.first)
    }

    @Test("Pixel count, area and perimeter", arguments: ReferenceMask.all)
    func referenceShape(reference: ReferenceMask) throws {
        let mask = reference.build()
        #expect(TestMasks.count(mask) == reference.area, "mask definition differs from §4.2")
        let region = try Self.measureSingle(mask)
        #expect(region.area == reference.area)
        // anchors.md prints 4 decimals (rounding error ≤ 5e-5).
        #expect(abs(region.perimeter - reference.anchorPerimeter) <= 5e-5 + 1e-9,
                "\(reference.name): \(region.perimeter)")
        // The script prints 12 decimals.
        #expect(abs(region.perimeter - reference.scriptPerimeter) <= 1e-9, "\(reference.name): \(region.perimeter)")
    }

    @Test("Equivalent radius √(A/π) matches anchors.md §4.4", arguments: ReferenceMask.all.filter { $0.anchorRadius != nil })
    func equivalentRadius(reference: ReferenceMask) throws {
        let region = try Self.measureSingle(reference.build())
        let expected = try #require(reference.anchorRadius)
        #expect(abs(region.equivalentRadius - expected) <= 5e-4, "\(reference.name): \(region.equivalentRadius)")
    }

    @Test("Hand cases: pixel 0, domino 0, bar of three 1, diagonal of three √2, 10 × 10 square 36")
    func handCases() throws {
        // Codes 1 + 2·(boundary 4-neighbours) + 10·(boundary diagonal neighbours):
        // lone pixel 1 → 0; domino ends 3 → 0; bar ends 3, middle 5 → 1; diagonal ends 11 → 0,
        // middle 21 → √2; square: every boundary pixel (corners included) has code 5 → 36 · 1.
        // scripts/regionprops_reference.py confirms 0, 1, √2 with scikit-image.
        let pixel = TestMasks.parse(["...", ".#.", "..."])
        #expect(try Self.measureSingle(pixel).perimeter == 0)
        let domino = TestMasks.parse(["....", ".##.", "...."])
        #expect(try Self.measureSingle(domino).perimeter == 0)
        let bar = TestMasks.parse([".....", ".###.", "....."])
        #expect(try Self.measureSingle(bar).perimeter == 1)
        let diagonal = TestMasks.parse([".....", ".#...", "..#..", "...#.", "....."])
        #expect(try Self.measureSingle(diagonal).perimeter == 2.0.squareRoot())
        let square = TestMasks.rectangle(width: 14, height: 14, xs: 2 ..< 12, ys: 2 ..< 12)
        #expect(try Self.measureSingle(square).perimeter == 36)
    }

    @Test("Perimeter is unchanged when the region touches the image border")
    func atBorder() throws {
        // scikit-image measures a region on its bounding-box crop, where outside counts as
        // background; the square in the corner of a 10 × 10 image is still 36.
        let corner = TestMasks.rectangle(width: 10, height: 10, xs: 0 ..< 10, ys: 0 ..< 10)
        #expect(try Self.measureSingle(corner).perimeter == 36)
        let disk = TestMasks.disk(width: 41, height: 41, centreX: 20, centreY: 20, radius: 20)
        let shifted = TestMasks.disk(width: 60, height: 60, centreX: 30, centreY: 30, radius: 20)
        #expect(try Self.measureSingle(disk).perimeter == Self.measureSingle(shifted).perimeter)
        #expect(abs(try Self.measureSingle(disk).perimeter - 131.882250993909) <= 1e-9)
    }

    @Test("Flips and 90° rotations preserve area and perimeter", arguments: ReferenceMask.all)
    func symmetry(reference: ReferenceMask) throws {
        let mask = reference.build()
        let region = try Self.measureSingle(mask)
        for other in [ImageTransforms.rotatedClockwise(mask), ImageTransforms.flippedHorizontally(mask),
                      ImageTransforms.flippedVertically(mask)] {
            let transformed = try Self.measureSingle(other)
            #expect(transformed.area == region.area)
            #expect(abs(transformed.perimeter - region.perimeter) <= 1e-9)
        }
    }
}
