import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Shape descriptors from the split's distance maps (WholePoreDistances)")
struct WholePoreDistancesTests {
    @Test("pores the split leaves whole get the inscribed radius and local thickness they get alone",
          arguments: [UInt64(901), 902, 903, 904])
    func sameAsComputed(seed: UInt64) {
        let mask = TestMasks.discsAndBars(seed: seed, width: 150, height: 110, count: 30)
        let (components, known) = splittingTouchingPores(mask, tolerance: 1, recordingDistances: true)
        let plain = splittingTouchingPores(mask, tolerance: 1)
        #expect(components == plain, "recording does not change the split")
        let pores = measureRegions(of: components.labels, count: components.count)
        let computed = measureShapes(of: components.labels, regions: pores)
        let reused = measureShapes(of: components.labels, regions: pores, known: known)
        #expect(reused == computed)
        // Every unsplit component has an entry, found under its pore's first pixel; the
        // pieces of split components have none.
        let whole = labelComponents(of: mask, connectivity: .eight)
        let unsplit = (1 ... whole.count).filter { k in
            let pixels = whole.labels.samples.indices.filter { whole.labels.samples[$0] == Int32(k) }
            return Set(pixels.map { components.labels.samples[$0] }).count == 1
        }
        #expect(known.count == unsplit.count)
        #expect(known.count >= 3 && known.count < whole.count, "the frame has whole and split pores")
        var found = 0
        for pore in pores {
            let first = components.labels.samples.firstIndex(of: Int32(pore.label))!
            guard let entry = known.entry(firstPixel: first, area: pore.area) else { continue }
            found += 1
            let alone = Mask(width: mask.width, height: mask.height,
                             samples: components.labels.samples.map { $0 == Int32(pore.label) })
            let squared = squaredDistanceMap(of: alone)
            #expect(entry.deepestSquared == squared.samples.max())
            #expect(entry.localThicknessSum == localThicknessSum(squaredDistances: squared))
        }
        #expect(found == known.count)
    }

    @Test("a lookup with another area finds nothing")
    func areaGuards() {
        let disc = TestMasks.make(width: 40, height: 40) { x, y in (x - 20) * (x - 20) + (y - 19) * (y - 19) <= 100 }
        let (components, known) = splittingTouchingPores(disc, tolerance: 1, recordingDistances: true)
        let first = components.labels.samples.firstIndex(of: 1)!
        #expect(known.entry(firstPixel: first, area: components.areas[1])?.deepestSquared == 101, "the nearest outside pixel is (10, 1) away")
        #expect(known.entry(firstPixel: first, area: components.areas[1] - 1) == nil)
        #expect(known.entry(firstPixel: first + 1, area: components.areas[1]) == nil)
    }
}
