import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

/// Seeded random masks (swift-collections / OpenCV CCL style): the union–find labeller must
/// agree exactly with a flood fill, and labelling must commute with flips and rotations.
@Suite("Connected-component labelling on seeded random masks")
struct LabelComponentsInvariantTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var width: Int
        var height: Int
        var testDescription: String { "\(width)×\(height)" }
    }

    static let shapes = [
        Shape(width: 1, height: 1), Shape(width: 1, height: 57), Shape(width: 57, height: 1),
        Shape(width: 2, height: 31), Shape(width: 7, height: 5), Shape(width: 17, height: 13),
        Shape(width: 64, height: 64), Shape(width: 100, height: 37),
    ]
    static let densities = [0.3, 0.45, 0.6]

    static func masks(_ shape: Shape) -> [(density: Double, mask: Mask)] {
        var result: [(Double, Mask)] = []
        for (d, density) in densities.enumerated() {
            for repeatIndex in 0 ..< 3 {
                let seed = UInt64(shape.width * 1_000_003 + shape.height * 101 + d * 7 + repeatIndex)
                result.append((density, TestMasks.random(width: shape.width, height: shape.height,
                                                         density: density, seed: seed)))
            }
        }
        return result
    }

    @Test("Agrees exactly with a breadth-first flood fill", arguments: shapes)
    func matchesFloodFill(shape: Shape) {
        for (density, mask) in Self.masks(shape) {
            for connectivity in [Connectivity.four, .eight] {
                let fast = labelComponents(of: mask, connectivity: connectivity)
                let slow = NaiveLabeller.label(mask, connectivity: connectivity)
                #expect(fast.count == slow.count, "density \(density), \(connectivity)")
                #expect(fast.labels.samples == slow.labels, "density \(density), \(connectivity)")
                #expect(fast.areas == slow.areas, "density \(density), \(connectivity)")
                #expect(fast.labels.width == shape.width && fast.labels.height == shape.height)
            }
        }
    }

    @Test("Agrees with a flood fill on blobs: long runs across 8-byte words, frame widths not a multiple of 8",
          arguments: [(UInt64(11), 97), (12, 64), (13, 203), (14, 9)])
    func blobsMatchFloodFill(seed: UInt64, width: Int) {
        let mask = TestMasks.discsAndBars(seed: seed, width: width, height: 71, count: width / 4 + 3)
        for connectivity in [Connectivity.four, .eight] {
            let fast = labelComponents(of: mask, connectivity: connectivity)
            let slow = NaiveLabeller.label(mask, connectivity: connectivity)
            #expect(fast.count == slow.count && fast.labels.samples == slow.labels && fast.areas == slow.areas,
                    "\(connectivity)")
        }
    }

    @Test("Σ component areas equals the foreground count", arguments: shapes)
    func areasSumToForeground(shape: Shape) {
        for (_, mask) in Self.masks(shape) {
            let foreground = TestMasks.count(mask)
            for connectivity in [Connectivity.four, .eight] {
                let components = labelComponents(of: mask, connectivity: connectivity)
                #expect(components.areas.dropFirst().reduce(0, +) == foreground)
                #expect(components.areas[0] == mask.pixelCount - foreground)
                #expect(components.areas.dropFirst().allSatisfy { $0 > 0 })
            }
        }
    }

    @Test("Eight-connectivity never gives more components than four", arguments: shapes)
    func eightMergesFour(shape: Shape) {
        for (_, mask) in Self.masks(shape) {
            let four = labelComponents(of: mask, connectivity: .four)
            let eight = labelComponents(of: mask, connectivity: .eight)
            #expect(eight.count <= four.count)
            // Every 4-component lies inside a single 8-component.
            var owner = [Int32](repeating: 0, count: four.count + 1)
            var consistent = true
            for i in 0 ..< mask.pixelCount where mask.samples[i] {
                let f = Int(four.labels.samples[i]), e = eight.labels.samples[i]
                if owner[f] == 0 { owner[f] = e } else if owner[f] != e { consistent = false }
            }
            #expect(consistent)
        }
    }

    @Test("Rotating by 90° or flipping preserves the multiset of component areas", arguments: shapes)
    func rotationAndFlips(shape: Shape) {
        for (density, mask) in Self.masks(shape) {
            for connectivity in [Connectivity.four, .eight] {
                let original = labelComponents(of: mask, connectivity: connectivity)
                let expected = original.areas.dropFirst().sorted()
                let transformed = [
                    ("rotated", ImageTransforms.rotatedClockwise(mask)),
                    ("flipped left-right", ImageTransforms.flippedHorizontally(mask)),
                    ("flipped top-bottom", ImageTransforms.flippedVertically(mask)),
                ]
                for (name, other) in transformed {
                    let components = labelComponents(of: other, connectivity: connectivity)
                    #expect(components.count == original.count, "\(name), density \(density), \(connectivity)")
                    #expect(components.areas.dropFirst().sorted() == expected,
                            "\(name), density \(density), \(connectivity)")
                    #expect(components.areas[0] == original.areas[0])
                }
            }
        }
    }

    @Test("Rotating the labels of a mask gives the labels of the rotated mask, up to renumbering")
    func rotationMapsComponents() {
        let mask = TestMasks.random(width: 23, height: 19, density: 0.5, seed: 4242)
        let components = labelComponents(of: mask, connectivity: .four)
        let rotatedLabels = ImageTransforms.rotatedClockwise(components.labels)
        let relabelled = labelComponents(of: ImageTransforms.rotatedClockwise(mask), connectivity: .four)
        // A bijection between old and new labels must exist pixel by pixel.
        var forward: [Int32: Int32] = [:], backward: [Int32: Int32] = [:]
        var bijective = true
        for (old, new) in zip(rotatedLabels.samples, relabelled.labels.samples) {
            if forward[old, default: new] != new || backward[new, default: old] != old { bijective = false }
            forward[old] = new
            backward[new] = old
        }
        #expect(bijective)
        #expect(forward[0] == 0)
        #expect(forward.count == components.count + 1)
    }
}
