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

    @Test("random disc and bar unions, tolerances 0 … 3 px", arguments: [
        (UInt64(101), 0.0), (102, 0.5), (103, 1.0), (104, 1.0), (105, 2.0), (106, 3.0), (107, 1.0),
    ])
    func randomBlobs(seed: UInt64, tolerance: Double) {
        let mask = TestMasks.discsAndBars(seed: seed, width: 97, height: 71, count: 40)
        let fast = splittingTouchingPores(mask, tolerance: tolerance)
        let slow = Self.reference(mask, tolerance: tolerance)
        #expect(fast.count == slow.count, "seed \(seed)")
        #expect(fast.areas == slow.areas)
        #expect(fast.labels == slow.labels)
        #expect(fast.count > 1, "the test image must have several pores")
    }

    @Test("on 2 and 3 threads: the same labels and recorded distances as on one, and as the reference",
          arguments: [UInt64(111), 112])
    func threads(seed: UInt64) {
        let mask = TestMasks.discsAndBars(seed: seed, width: 197, height: 131, count: 45)
        let one = splittingTouchingPores(mask, tolerance: 1, recordingDistances: true, threads: 1)
        let reference = Self.reference(mask, tolerance: 1)
        #expect(one.components.labels == reference.labels && one.components.areas == reference.areas)
        let plain = labelComponents(of: mask, connectivity: .eight).count
        #expect(one.components.count > plain && plain > 5, "several components, some of them split: \(plain) → \(one.components.count)")
        for threads in [2, 3] {
            let many = splittingTouchingPores(mask, tolerance: 1, recordingDistances: true, threads: threads)
            #expect(many.components.labels == one.components.labels, "\(threads) threads")
            #expect(many.components.areas == one.components.areas && many.components.count == one.components.count)
            #expect(many.distances == one.distances, "\(threads) threads")
        }
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

@Suite("Watershed on integer levels (bucket queue) equals the heap flood")
struct IntegerWatershedTests {
    @Test("random integer reliefs with plateaus: the same labels as on the same relief shifted by ½ (heap path)", arguments: [
        // (seed, distinct levels, first label): ≤ 256 levels and labels below 2²⁴ − 1 take the
        // packed one-word flood, more levels or larger labels the two-word one.
        (UInt64(301), 6, Int32(1)), (302, 6, 1), (303, 6, 1), (304, 256, 1), (305, 400, 1), (306, 6, 1 << 24),
    ])
    func sameAsHeap(seed: UInt64, levelCount: Int, firstLabel: Int32) {
        var random = SeededRandom(seed: seed)
        let w = 53, h = 41
        // Few distinct levels, so plateaus and ties abound; markers scattered.
        let levels = (0 ..< w * h).map { _ in Float(Int(random.uniform() * Double(levelCount))) }
        let markers = (0 ..< w * h).map { _ in random.uniform() < 0.02 ? firstLabel + Int32(Int(random.uniform() * 5)) : 0 }
        let mask = TestMasks.random(width: w, height: h, density: 0.9, seed: seed)
        let integral = Image(width: w, height: h, samples: levels)
        // Adding ½ keeps the order of the levels but makes them non-integral: the heap path.
        let shifted = Image(width: w, height: h, samples: levels.map { $0 + 0.5 })
        let markerImage = LabelImage(width: w, height: h, samples: markers)
        for connectivity in [Connectivity.four, .eight] {
            let fast = watershed(integral, markers: markerImage, mask: mask, connectivity: connectivity)
            let heap = watershed(shifted, markers: markerImage, mask: mask, connectivity: connectivity)
            #expect(fast == heap, "seed \(seed) \(connectivity)")
            #expect(fast.samples.contains { $0 != 0 })
        }
    }
}
