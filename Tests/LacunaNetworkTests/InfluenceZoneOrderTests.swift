import LacunaImage
import LacunaNetwork
import LacunaSegmentation
import LacunaSynth
import Testing

/// `influenceZones` resolves framework pixels without sorting them; these tests check it against
/// the definition it documents, written out here as a sort: framework pixels of the field visited
/// in increasing (squared distance, index), each taking the label of its labelled 4-neighbour
/// nearest to a pore (up, left, right, down on ties), the rest flooded breadth-first.
@Suite("Influence zones equal the visit in sorted distance order")
struct InfluenceZoneOrderTests {
    static func byDefinition(_ pores: LabelImage, field: Mask?) -> LabelImage {
        let w = pores.width, h = pores.height
        let d = squaredDistanceToPores(pores).samples
        let inside = field?.samples ?? [Bool](repeating: true, count: w * h)
        var labels = [Int32](repeating: 0, count: w * h)
        for i in 0 ..< w * h where inside[i] && pores.samples[i] != 0 { labels[i] = pores.samples[i] }
        let order = (0 ..< w * h).filter { inside[$0] && pores.samples[$0] == 0 && d[$0] != .max }
            .sorted { d[$0] != d[$1] ? d[$0] < d[$1] : $0 < $1 }
        var pending = false
        for i in order {
            let x = i % w, y = i / w
            var best: Int32 = 0, nearest = Int32.max
            for (n, ok) in [(i - w, y > 0), (i - 1, x > 0), (i + 1, x + 1 < w), (i + w, y + 1 < h)] where ok {
                if labels[n] != 0, d[n] < nearest { best = labels[n]; nearest = d[n] }
            }
            if best != 0 { labels[i] = best } else { pending = true }
        }
        if pending {
            var queue = (0 ..< w * h).filter { labels[$0] != 0 }, head = 0
            while head < queue.count {
                let i = queue[head]
                head += 1
                let x = i % w, y = i / w
                for (n, ok) in [(i - w, y > 0), (i - 1, x > 0), (i + 1, x + 1 < w), (i + w, y + 1 < h)]
                    where ok && inside[n] && labels[n] == 0 {
                    labels[n] = labels[i]
                    queue.append(n)
                }
            }
        }
        return LabelImage(width: w, height: h, samples: labels)
    }

    /// Random discs and single pixels labelled 1…n (touching discs keep distinct labels, so
    /// ties between equidistant pores are common), and optionally a field of random bands that
    /// cut the walls and leave pixels only a flood reaches.
    static func scene(seed: UInt64, width: Int, height: Int, withField: Bool) -> (LabelImage, Mask?) {
        var random = SeededRandom(seed: seed)
        var pores = LabelImage(width: width, height: height, repeating: 0)
        for k in 1 ... 25 {
            let cx = random.uniform() * Double(width), cy = random.uniform() * Double(height)
            let r = random.uniform() < 0.2 ? 0.5 : 1 + random.uniform() * 5
            for y in 0 ..< height {
                for x in 0 ..< width where (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= r * r {
                    pores.samples[y * width + x] = Int32(k)
                }
            }
        }
        guard withField else { return (pores, nil) }
        var field = Mask(width: width, height: height, repeating: true)
        for _ in 0 ..< 4 {
            let x0 = Int(random.next() % UInt64(width)), thickness = 1 + Int(random.next() % 3)
            for y in 0 ..< height { for x in x0 ..< min(width, x0 + thickness) { field.samples[y * width + x] = y % 17 == 3 } }
        }
        return (pores, field)
    }

    @Test("random pores, with and without a field that cuts the walls",
          arguments: [(UInt64(31), false), (32, true), (33, false), (34, true), (35, true), (36, false)])
    func matchesSortedVisit(seed: UInt64, withField: Bool) {
        let (pores, field) = Self.scene(seed: seed, width: 57, height: 43, withField: withField)
        let fast = influenceZones(of: pores, field: field)
        let slow = Self.byDefinition(pores, field: field)
        #expect(fast == slow, "seed \(seed)")
        #expect(Set(fast.samples).count > 10)
    }

    @Test("cells in 16 bits: the same zones (floods behind the field's cuts included), cells, neighbours and walls as in Int32",
          arguments: [(UInt64(51), false), (52, true), (53, true)])
    func narrowLabelsAgree(seed: UInt64, withField: Bool) {
        let (pores, field) = Self.scene(seed: seed, width: 57, height: 43, withField: withField)
        let toPore = squaredDistanceToPores(pores)
        let wide = influenceZones(of: pores, field: field, poreDistances: toPore)
        let narrow = influenceZones(of: pores, field: field, poreDistances: toPore, as: UInt16.self)
        #expect(narrow.samples.map { Int32($0) } == wide.samples)
        #expect(wide == Self.byDefinition(pores, field: field))
        let rule = AdjacencyRule()
        let a = CellNetwork(cells: .narrow(narrow), count: 25, field: field, rule: rule, pores: pores, poreDistances: toPore)
        let b = CellNetwork(cells: .wide(wide), count: 25, field: field, rule: rule, pores: pores, poreDistances: toPore)
        #expect(a.cells == b.cells && a.labels == wide && a.cells.count > 10)
        #expect(FrameworkStatistics(cells: Labels.narrow(narrow), field: field, poreDistances: toPore)
            == FrameworkStatistics(cells: wide, pores: pores, field: field, toPore: toPore))
        #expect(cellContacts(of: narrow) == cellContacts(of: wide))
    }

    @Test("16 bits hold cells labelled up to 65 534; UInt16.max is kept for unresolved pixels")
    func narrowLimit() {
        #expect(Labels.fitsNarrow(count: 65_534) && !Labels.fitsNarrow(count: 65_535))
    }

    @Test("no pores: nothing is labelled")
    func noPores() {
        let pores = LabelImage(width: 9, height: 5, repeating: 0)
        #expect(influenceZones(of: pores).samples.allSatisfy { $0 == 0 })
    }

    @Test("16-bit pore distances give the same zones, wall statistics and open cells as 32-bit",
          arguments: [(UInt64(41), false), (42, true)])
    func narrowDistancesAgree(seed: UInt64, withField: Bool) throws {
        let (pores, field) = Self.scene(seed: seed, width: 57, height: 43, withField: withField)
        let wide = squaredDistanceToPores(pores)
        let narrow = try #require(narrowSquaredDistanceToPores(pores))
        #expect(narrow.samples.map { $0 == .max ? Int32.max : Int32($0) } == wide.samples)
        let cells = influenceZones(of: pores, field: field, poreDistances: narrow)
        #expect(cells == influenceZones(of: pores, field: field, poreDistances: wide))
        #expect(FrameworkStatistics(cells: cells, field: field, poreDistances: narrow)
            == FrameworkStatistics(cells: cells, field: field, poreDistances: wide))
        #expect(cellsOpenToUnseenPores(cells, count: 25, field: field, poreDistances: narrow)
            == cellsOpenToUnseenPores(cells, count: 25, field: field, poreDistances: wide))
    }

    @Test("distances of 255 px or more stay 32-bit; a frame without pores narrows to all .max")
    func narrowingRefusesLargeDistances() {
        var pores = LabelImage(width: 300, height: 2, repeating: 0)
        pores.samples[0] = 1
        // (299)² = 89 401 does not fit below UInt16.max; 255² = 65 025 would.
        #expect(narrowSquaredDistanceToPores(pores) == nil)
        var near = LabelImage(width: 256, height: 1, repeating: 0)
        near.samples[0] = 1
        #expect(narrowSquaredDistanceToPores(near)?.samples.last == 65_025)
        let none = LabelImage(width: 5, height: 5, repeating: 0)
        #expect(narrowSquaredDistanceToPores(none)?.samples.allSatisfy { $0 == .max } == true)
    }
}
