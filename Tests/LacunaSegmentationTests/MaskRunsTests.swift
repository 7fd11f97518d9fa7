import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

/// The run-based hole filling and filled-component sizes against pixel-by-pixel references
/// written here: a flood of the background from the frame's edge, and `labelComponents` of
/// the filled mask with areas and edge contact counted per pixel.
@Suite("Run-based hole filling and component sizes")
struct MaskRunsTests {
    /// The filled mask by flooding the background from the edge (4-connected background for
    /// 8-connected foreground, 8-connected for 4-connected).
    static func floodFilled(_ mask: Mask, foreground: Connectivity) -> Mask {
        let w = mask.width, h = mask.height
        var outside = [Bool](repeating: false, count: w * h)
        var queue: [(Int, Int)] = []
        func reach(_ x: Int, _ y: Int) {
            guard x >= 0, y >= 0, x < w, y < h, !mask.samples[y * w + x], !outside[y * w + x] else { return }
            outside[y * w + x] = true
            queue.append((x, y))
        }
        for x in 0 ..< w { reach(x, 0); reach(x, h - 1) }
        for y in 0 ..< h { reach(0, y); reach(w - 1, y) }
        var next = 0
        while next < queue.count {
            let (x, y) = queue[next]
            next += 1
            for dy in -1 ... 1 {
                for dx in -1 ... 1 where (dx != 0 || dy != 0) && (foreground == .four || dx == 0 || dy == 0) {
                    reach(x + dx, y + dy)
                }
            }
        }
        return Mask(width: w, height: h, channels: 1, samples: outside.map { !$0 })
    }

    /// Random masks with nested structure: noise at several densities, and rings with dots inside.
    static func masks(seed: UInt64) -> [Mask] {
        var masks = [0.3, 0.55, 0.7, 0.85].map { TestMasks.random(width: 53, height: 41, density: $0, seed: seed &+ UInt64($0 * 100)) }
        let ring = TestMasks.ring(width: 40, height: 36, centreX: 19, centreY: 17, inner: 6, outer: 12)
        var nested = ring.samples
        for (x, y) in [(19, 17), (18, 17), (21, 19), (16, 15)] { nested[y * 40 + x] = true }
        masks.append(Mask(width: 40, height: 36, channels: 1, samples: nested))
        masks.append(Mask(width: 1, height: 7, repeating: true))
        masks.append(Mask(width: 9, height: 1, repeating: false))
        masks.append(Mask(width: 0, height: 0, repeating: false))
        return masks
    }

    @Test("Filling holes equals the flood from the edge, both connectivities", arguments: [UInt64(41), 42, 43, 44])
    func filling(seed: UInt64) {
        for mask in Self.masks(seed: seed) {
            for connectivity in [Connectivity.eight, .four] {
                #expect(fillingHoles(in: mask, foreground: connectivity) == Self.floodFilled(mask, foreground: connectivity))
            }
        }
    }

    @Test("Filled component sizes equal labelling the filled mask, in label order", arguments: [UInt64(51), 52, 53, 54])
    func sizes(seed: UInt64) {
        for mask in Self.masks(seed: seed) {
            for connectivity in [Connectivity.eight, .four] {
                let filled = Self.floodFilled(mask, foreground: connectivity)
                let components = labelComponents(of: filled, connectivity: connectivity)
                var expected = [(area: Int, touchesEdge: Bool)](repeating: (0, false), count: components.count)
                let w = mask.width, h = mask.height
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let label = Int(components.labels.samples[y * w + x])
                        guard label > 0 else { continue }
                        expected[label - 1].area += 1
                        if x == 0 || y == 0 || x == w - 1 || y == h - 1 { expected[label - 1].touchesEdge = true }
                    }
                }
                let sizes = filledComponentSizes(of: mask, connectivity: connectivity)
                #expect(sizes.map(\.area) == expected.map(\.area))
                #expect(sizes.map(\.touchesEdge) == expected.map(\.touchesEdge))
            }
        }
        // The nested mask: the ring, its hole and the dots inside are one component.
        let nested = Self.masks(seed: seed)[4]
        #expect(filledComponentSizes(of: nested).map(\.area) == [TestMasks.count(fillingHoles(in: nested))])
    }
}
