import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Splitting touching pores (h-maxima markers, distance-map watershed)")
struct SplitTouchingTests {
    /// Two discs of radius 10 px (pixel centres within 10 of (20, 20) and (37, 20)) in a
    /// 58 × 40 frame. They overlap between x = 27 and 30: the neck at x = 28.5 has half-width
    /// √(10² − 8.5²) = 5.27, so each distance maximum (≈ 10 + 1 for the pixel convention) has a
    /// dynamic of about 10 − 5.3 ≈ 4.7 px over the neck.
    static let twoDiscs = TestMasks.make(width: 58, height: 40) { x, y in
        let a = (x - 20) * (x - 20) + (y - 20) * (y - 20), b = (x - 37) * (x - 37) + (y - 20) * (y - 20)
        return a <= 100 || b <= 100
    }

    @Test("two touching discs → two pores, each about a disc's area; their union is the mask")
    func twoDiscsSplit() {
        let mask = Self.twoDiscs
        let before = mask
        let split = splittingTouchingPores(mask, tolerance: 1)
        #expect(split.count == 2)
        #expect(mask == before, "input unchanged")
        // A lone disc of radius 10 (pixel centres) has 317 pixels; the shared lens (columns
        // 27…30) is divided between the two, so each pore holds 317 minus part of its lens.
        let disc = TestMasks.make(width: 58, height: 40) { x, y in (x - 20) * (x - 20) + (y - 20) * (y - 20) <= 100 }
        let discArea = disc.samples.count(where: { $0 })
        #expect(discArea == 317)
        let total = mask.samples.count(where: { $0 })
        #expect(split.areas[1] + split.areas[2] == total)
        #expect(split.areas[1] <= discArea && split.areas[2] <= discArea)
        #expect(abs(split.areas[1] - split.areas[2]) <= 20, "symmetric up to the tie column: \(split.areas)")
        // Every pixel left of the neck belongs to the left pore, right of it to the right one.
        #expect(split.labels[10, 20] == 1 && split.labels[47, 20] == 2)
        #expect(split.labels[25, 20] == 1 && split.labels[32, 20] == 2)
    }

    @Test("a tolerance above the neck's dynamic (≈ 4.7 px) keeps them one pore")
    func toleranceKeepsWhole() {
        #expect(splittingTouchingPores(Self.twoDiscs, tolerance: 6).count == 1)
        #expect(splittingTouchingPores(Self.twoDiscs, tolerance: 3).count == 2)
    }

    @Test("a convex pore (disc, square, hexagon-like polygon) is never cut")
    func convexNotCut() {
        let disc = TestMasks.make(width: 60, height: 60) { x, y in (x - 30) * (x - 30) + (y - 29) * (y - 29) <= 22 * 22 }
        #expect(splittingTouchingPores(disc, tolerance: 1).count == 1)
        let square = TestMasks.rectangle(width: 40, height: 30, xs: 5 ..< 35, ys: 4 ..< 26)
        #expect(splittingTouchingPores(square, tolerance: 1).count == 1)
        let hexagon = TestMasks.make(width: 50, height: 50) { x, y in
            let dx = Double(x) - 25, dy = Double(y) - 25
            return abs(dy) <= 17 && abs(dy) * 0.5 + abs(dx) * 0.866 <= 17
        }
        #expect(splittingTouchingPores(hexagon, tolerance: 1).count == 1)
    }

    @Test("h-maxima: peaks 5 and 3 over a saddle at 2 (dynamic 1) — h = 0.5 and 0.9 give two markers, h = 1 and 1.5 one")
    func hMaxima() {
        let row: [Float] = [0, 2, 5, 2, 2, 3, 1, 0]
        let image = Image(width: 8, height: 1, samples: row)
        #expect(hMaximaMarkers(of: image, h: 0.5).count == 2)
        #expect(hMaximaMarkers(of: image, h: 0.9).count == 2)
        #expect(hMaximaMarkers(of: image, h: 1).count == 1)
        let one = hMaximaMarkers(of: image, h: 1.5)
        #expect(one.count == 1)
        // The marker of h = 1.5 is the plateau within 1.5 of the top: only x = 2.
        #expect(one.markers.samples == [0, 0, 1, 0, 0, 0, 0, 0])
    }
}
