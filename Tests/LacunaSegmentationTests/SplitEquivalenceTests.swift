import LacunaImage
import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

/// The linear-time split (union–find dynamics, bucket-queue flooding) against the textbook
/// composition it replaces: h-maxima markers by reconstruction (`hMaximaMarkers`, a heap),
/// then a heap-based marker watershed (`watershed`) of the negated distance map.
@Suite("Splitting touching pores equals h-maxima reconstruction + heap watershed")
struct SplitEquivalenceTests {
    static func reference(_ mask: Mask, tolerance: Double) -> Components {
        let distance = euclideanDistanceTransform(of: mask, outsideIsBackground: true).map { Float($0) }
        let found = hMaximaMarkers(of: distance, h: Float(tolerance), mask: mask)
        let basins = watershed(distance.map { -$0 }, markers: found.markers, mask: mask, connectivity: .eight)
        return renumberedInRasterOrder(basins)
    }

    /// Random overlapping discs and bars: necks of every width, touching pores, convex pores.
    static func blobs(seed: UInt64, width: Int, height: Int, count: Int) -> Mask {
        var random = SeededRandom(seed: seed)
        var inside = [Bool](repeating: false, count: width * height)
        for _ in 0 ..< count {
            let cx = random.uniform() * Double(width), cy = random.uniform() * Double(height)
            let r = 2 + random.uniform() * 12
            let bar = random.uniform() < 0.2
            for y in 0 ..< height {
                for x in 0 ..< width {
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    if bar ? (abs(dx) <= r && abs(dy) <= 1.5) : dx * dx + dy * dy <= r * r { inside[y * width + x] = true }
                }
            }
        }
        return Mask(width: width, height: height, samples: inside)
    }

    @Test("random disc and bar unions, tolerances 0 … 3 px", arguments: [
        (UInt64(101), 0.0), (102, 0.5), (103, 1.0), (104, 1.0), (105, 2.0), (106, 3.0), (107, 1.0),
    ])
    func randomBlobs(seed: UInt64, tolerance: Double) {
        let mask = Self.blobs(seed: seed, width: 97, height: 71, count: 40)
        let fast = splittingTouchingPores(mask, tolerance: tolerance)
        let slow = Self.reference(mask, tolerance: tolerance)
        #expect(fast.count == slow.count, "seed \(seed)")
        #expect(fast.areas == slow.areas)
        #expect(fast.labels == slow.labels)
        #expect(fast.count > 1, "the test image must have several pores")
    }

    @Test("degenerate frames: empty, full, one row, one column, one pixel")
    func degenerate() {
        let cases = [
            Mask(width: 9, height: 7, repeating: false), Mask(width: 9, height: 7, repeating: true),
            TestMasks.random(width: 31, height: 1, density: 0.7, seed: 3),
            TestMasks.random(width: 1, height: 29, density: 0.7, seed: 4),
            Mask(width: 1, height: 1, repeating: true),
        ]
        for mask in cases {
            let fast = splittingTouchingPores(mask, tolerance: 1)
            let slow = Self.reference(mask, tolerance: 1)
            #expect(fast == slow, "\(mask.width)×\(mask.height)")
        }
    }

    @Test("squaredDistanceMap: one-pixel-wide frames and thin lines equal the parabola transform of brute force")
    func thinFrames() {
        let masks = [
            TestMasks.random(width: 40, height: 1, density: 0.8, seed: 11),
            TestMasks.random(width: 1, height: 40, density: 0.8, seed: 12),
            TestMasks.random(width: 2, height: 33, density: 0.9, seed: 13),
            Mask(width: 5, height: 3, repeating: true),
        ]
        for mask in masks {
            for outside in [false, true] {
                let expected = DistanceTransformTests.bruteForce(mask, outside: outside)
                let map = squaredDistanceMap(of: mask, outsideIsBackground: outside)
                #expect(map.samples.map { $0 == .max ? Double.infinity : Double($0) } == expected,
                        "\(mask.width)×\(mask.height) outside \(outside)")
            }
        }
    }
}
