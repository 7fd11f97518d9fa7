import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Filling holes")
struct FillHolesTests {
    @Test("A ring becomes the disk of its outer radius")
    func ringToDisk() {
        let ring = TestMasks.ring(width: 40, height: 36, centreX: 19, centreY: 17, inner: 5, outer: 12)
        let disk = TestMasks.disk(width: 40, height: 36, centreX: 19, centreY: 17, radius: 12)
        #expect(TestMasks.count(ring) < TestMasks.count(disk))
        #expect(fillingHoles(in: ring) == disk)
        #expect(fillingHoles(in: ring, foreground: .four) == disk)
    }

    @Test("Background that reaches the image edge is not a hole")
    func openToEdge() {
        let mask = TestMasks.parse([
            "##.##",
            "#...#",
            "#...#",
            "#####",
        ])
        #expect(fillingHoles(in: mask) == mask)
        // The same outline closed on top encloses six pixels.
        let closed = TestMasks.parse([
            "#####",
            "#...#",
            "#...#",
            "#####",
        ])
        #expect(fillingHoles(in: closed) == Mask(width: 5, height: 4, repeating: true))
    }

    @Test("A diagonal gap does not let the outside in for 8-connected pores")
    func diagonalGap() {
        // The outline is closed through the corner at (3,1)–(4,2); the background is flooded
        // 4-connected, so it cannot pass between them.
        let mask = TestMasks.parse([
            "......",
            ".###..",
            ".#..#.",
            ".#..#.",
            ".####.",
            "......",
        ])
        let filled = TestMasks.parse([
            "......",
            ".###..",
            ".####.",
            ".####.",
            ".####.",
            "......",
        ])
        #expect(fillingHoles(in: mask, foreground: .eight) == filled)
        // With 4-connected pores the background is 8-connected and leaks through the corner.
        #expect(fillingHoles(in: mask, foreground: .four) == mask)
    }

    @Test("Several holes, one of them a single pixel, and a hole inside an island inside a hole")
    func nestedHoles() {
        let mask = TestMasks.parse([
            "#########.",
            "#.......#.",
            "#.#####.#.",
            "#.#...#.#.",
            "#.#.#.#.#.",
            "#.#...#.#.",
            "#.#####.#.",
            "#.......#.",
            "#########.",
            "..........",
        ])
        let expected = TestMasks.rectangle(width: 10, height: 10, xs: 0 ..< 9, ys: 0 ..< 9)
        #expect(fillingHoles(in: mask) == expected)
        let dotted = TestMasks.parse([
            "###.###",
            "#.#.#.#",
            "###.###",
        ])
        #expect(fillingHoles(in: dotted) == TestMasks.parse([
            "###.###",
            "###.###",
            "###.###",
        ]))
    }

    @Test("Masks without holes, and all-background masks, are unchanged")
    func noHoles() {
        let disk = TestMasks.disk(width: 15, height: 15, centreX: 7, centreY: 7, radius: 5)
        #expect(fillingHoles(in: disk) == disk)
        let empty = Mask(width: 6, height: 4, repeating: false)
        #expect(fillingHoles(in: empty) == empty)
        let full = Mask(width: 6, height: 4, repeating: true)
        #expect(fillingHoles(in: full) == full)
    }

    @Test("Filling is idempotent and only adds pixels (random masks)")
    func idempotentAndMonotone() {
        for seed in UInt64(10) ..< 16 {
            let mask = TestMasks.random(width: 50, height: 40, density: 0.55, seed: seed)
            let filled = fillingHoles(in: mask)
            #expect(fillingHoles(in: filled) == filled)
            #expect(zip(mask.samples, filled.samples).allSatisfy { !$0 || $1 })
            // After filling, every background pixel is 4-connected to the image edge.
            let background = filled.map { !$0 }
            let regions = labelComponents(of: background, connectivity: .four)
            var touchesEdge = [Bool](repeating: false, count: regions.count + 1)
            for y in 0 ..< filled.height {
                for x in 0 ..< filled.width where x == 0 || y == 0 || x == filled.width - 1 || y == filled.height - 1 {
                    touchesEdge[Int(regions.labels[x, y])] = true
                }
            }
            #expect(touchesEdge.dropFirst().allSatisfy { $0 }, "seed \(seed)")
        }
    }

    @Test("The mask is not modified")
    func inputUnchanged() {
        let ring = TestMasks.ring(width: 30, height: 30, centreX: 15, centreY: 15, inner: 4, outer: 9)
        let snapshot = ImageTransforms.deepCopy(ring)
        let filled = fillingHoles(in: ring)
        #expect(ring == snapshot)
        #expect(filled != ring)
    }
}
