import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Connected-component labelling on hand arrays")
struct LabelComponentsTests {
    @Test("A diagonal pair is one component with 8-connectivity, two with 4")
    func diagonalPair() {
        let mask = TestMasks.parse([
            "#.",
            ".#",
        ])
        let eight = labelComponents(of: mask, connectivity: .eight)
        #expect(eight.count == 1)
        #expect(eight.labels.samples == [1, 0, 0, 1])
        #expect(eight.areas == [2, 2])
        let four = labelComponents(of: mask, connectivity: .four)
        #expect(four.count == 2)
        #expect(four.labels.samples == [1, 0, 0, 2])
        #expect(four.areas == [2, 1, 1])
    }

    @Test("The default connectivity is 8 (scikit-image's label in 2-D)")
    func defaultConnectivity() {
        let mask = TestMasks.parse([
            ".#",
            "#.",
        ])
        #expect(labelComponents(of: mask).count == 1)
    }

    @Test("Labels follow the row-major order of each component's first pixel")
    func rowMajorNumbering() {
        // The component that starts at (3, 0) is found first; the stroke from (0, 1) down
        // to the right meets it only through corners.
        let mask = TestMasks.parse([
            "...#",
            "#..#",
            ".#.#",
            "..#.",
        ])
        let four = labelComponents(of: mask, connectivity: .four)
        #expect(four.count == 4)
        #expect(four.labels.samples == [
            0, 0, 0, 1,
            2, 0, 0, 1,
            0, 3, 0, 1,
            0, 0, 4, 0,
        ])
        #expect(four.areas == [10, 3, 1, 1, 1])
        let eight = labelComponents(of: mask, connectivity: .eight)
        #expect(eight.count == 1)
        #expect(eight.areas == [10, 6])
    }

    @Test("A U shape whose arms start on the first row is one component, numbered 1")
    func uShape() {
        // The arms get different provisional labels on row 0 and merge on row 2; the
        // pixel at (0, 3) touches the U only through a corner.
        let mask = TestMasks.parse([
            ".#.#.#",
            ".#.#.#",
            ".###.#",
            "#.....",
        ])
        let four = labelComponents(of: mask, connectivity: .four)
        #expect(four.count == 3)
        #expect(four.labels.samples == [
            0, 1, 0, 1, 0, 2,
            0, 1, 0, 1, 0, 2,
            0, 1, 1, 1, 0, 2,
            3, 0, 0, 0, 0, 0,
        ])
        #expect(four.areas == [13, 7, 3, 1])
        let eight = labelComponents(of: mask, connectivity: .eight)
        #expect(eight.count == 2)
        #expect(eight.labels.samples == [
            0, 1, 0, 1, 0, 2,
            0, 1, 0, 1, 0, 2,
            0, 1, 1, 1, 0, 2,
            1, 0, 0, 0, 0, 0,
        ])
        #expect(eight.areas == [13, 8, 3])
    }

    @Test("A staircase merges three provisional labels into one")
    func staircase() {
        // Row 2 links the runs that started separately on rows 0 and 1.
        let mask = TestMasks.parse([
            "#...#.",
            "..#.#.",
            "######",
        ])
        let four = labelComponents(of: mask, connectivity: .four)
        #expect(four.count == 2)
        #expect(four.labels.samples == [
            1, 0, 0, 0, 2, 0,
            0, 0, 2, 0, 2, 0,
            2, 2, 2, 2, 2, 2,
        ])
        #expect(four.areas == [8, 1, 9])
    }

    @Test("Empty, all-background and all-foreground masks")
    func edgeCases() {
        let background = Mask(width: 4, height: 3, repeating: false)
        let none = labelComponents(of: background)
        #expect(none.count == 0 && none.areas == [12] && none.labels.samples.allSatisfy { $0 == 0 })

        let foreground = Mask(width: 4, height: 3, repeating: true)
        for connectivity in [Connectivity.four, .eight] {
            let one = labelComponents(of: foreground, connectivity: connectivity)
            #expect(one.count == 1 && one.areas == [0, 12] && one.labels.samples.allSatisfy { $0 == 1 })
        }

        let empty = labelComponents(of: Mask(width: 0, height: 5, samples: []))
        #expect(empty.count == 0 && empty.areas == [0] && empty.labels.width == 0 && empty.labels.height == 5)
    }

    @Test("Areas sum to the foreground; areas[0] is the background")
    func areaBookkeeping() {
        let mask = TestMasks.parse([
            "##..#",
            "#..##",
            "..#..",
            "##..#",
        ])
        for connectivity in [Connectivity.four, .eight] {
            let components = labelComponents(of: mask, connectivity: connectivity)
            #expect(components.areas.count == components.count + 1)
            #expect(components.areas.dropFirst().reduce(0, +) == 10)
            #expect(components.areas[0] == 10)
            for label in 1 ... components.count {
                #expect(components.areas[label] == components.labels.samples.filter { $0 == Int32(label) }.count)
            }
        }
        // By hand: 4-connected {(0,0),(1,0),(0,1)}, {(4,0),(3,1),(4,1)}, {(2,2)}, {(0,3),(1,3)},
        // {(4,3)}; 8-connected, (2,2) joins the right-hand group and the bottom-left pair
        // through corners, while {(0,0),(1,0),(0,1)} and (4,3) stay apart.
        #expect(labelComponents(of: mask, connectivity: .four).areas == [10, 3, 3, 1, 2, 1])
        #expect(labelComponents(of: mask, connectivity: .eight).areas == [10, 3, 6, 1])
    }

    @Test("The mask is not modified")
    func inputUnchanged() {
        let mask = TestMasks.random(width: 40, height: 30, density: 0.5, seed: 99)
        let snapshot = ImageTransforms.deepCopy(mask)
        let components = labelComponents(of: mask, connectivity: .eight)
        #expect(mask == snapshot)
        #expect(components.count > 1)
    }
}
