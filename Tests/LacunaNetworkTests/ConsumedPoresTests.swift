import LacunaImage
import LacunaMeasure
import LacunaNetwork
import LacunaSegmentation
import Testing

/// The network can take the pore labels over and grow its cells in them
/// (`NetworkAnalysis(consumingPores:)`, `growInfluenceZones`); everything must equal the network
/// grown from borrowed pores.
@Suite("Cells grown in the pore labels' own frame")
struct ConsumedPoresTests {
    @Test("in place: the zones of the definition, pores outside the field cleared, in 32 and 16 bits",
          arguments: [(UInt64(71), false), (72, true), (73, true)])
    func inPlaceZones(seed: UInt64, withField: Bool) {
        let (pores, field) = InfluenceZoneOrderTests.scene(seed: seed, width: 57, height: 43, withField: withField)
        let expected = InfluenceZoneOrderTests.byDefinition(pores, field: field)
        var wide = pores
        growInfluenceZones(&wide, field: field, poreDistances: squaredDistanceToPores(pores))
        #expect(wide == expected && Set(wide.samples).count > 10)
        var narrow = pores.map { UInt16($0) }
        growInfluenceZones(&narrow, field: field, poreDistances: squaredDistanceToPores(pores))
        #expect(narrow.samples.map { Int32($0) } == expected.samples)
        if withField {
            #expect(zip(pores.samples, field!.samples).contains { $0 != 0 && !$1 }, "some pore lies outside the field")
        }
    }

    @Test("the same network, statistics, walls and cell labels as from borrowed pores",
          arguments: [CellMethod.pores, .auto, .ridges], [false, true])
    func sameNetwork(method: CellMethod, withField: Bool) throws {
        let (pores, field) = InfluenceZoneOrderTests.scene(seed: 81, width: 57, height: 43, withField: withField)
        let regions = measureRegions(of: pores, count: 25)
        let grey = { pores.map { $0 == 0 ? Float(200) : 40 } }
        let options = NetworkOptions(method: method)
        let borrowed = try #require(NetworkAnalysis(pores: pores, poreCount: 25, grey: grey, field: field, options: options,
                                                    poreRegions: regions))
        for (labels, threads) in [(Labels.wide(pores), 1), (.narrow(pores.map { UInt16($0) }), 2)] {
            let consumed = try #require(NetworkAnalysis(consumingPores: labels, poreCount: 25, grey: grey, field: field,
                                                        options: options, poreRegions: regions, threads: threads))
            #expect(NetworkSummary(consumed) == NetworkSummary(borrowed))
            #expect(consumed.network.labels == borrowed.network.labels)
        }
        #expect(borrowed.network.cells.count > 5)
        if method == .pores { #expect(borrowed.network.cells.contains { $0.corners != nil }) }
    }

    @Test("--cells none: nothing is grown")
    func none() {
        let (pores, _) = InfluenceZoneOrderTests.scene(seed: 82, width: 20, height: 10, withField: false)
        #expect(NetworkAnalysis(consumingPores: .wide(pores), poreCount: 25, grey: { pores.map { Float($0) } },
                                options: NetworkOptions(method: .none), poreRegions: []) == nil)
    }

    @Test("label boundaries by their definition, in bands of words on two threads", arguments: [(57, 43), (1030, 1050)])
    func boundaries(width: Int, height: Int) {
        var state = UInt64(width)
        var labels = Image<UInt16>(width: width, height: height, repeating: 0)
        for y in 0 ..< height {
            for x in 0 ..< width {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Blocks of 4 × 3 pixels with a random label, a third of them background.
                if (x / 4 + y / 3) % 3 != 0 { labels[x, y] = UInt16(1 + (x / 4 * 7 + y / 3 * 13) % 9) }
            }
        }
        var expected = [Bool](repeating: false, count: width * height)
        for y in 0 ..< height {
            for x in 0 ..< width where labels[x, y] != 0 {
                let own = labels[x, y]
                expected[y * width + x] = (x > 0 && labels[x - 1, y] != own) || (x + 1 < width && labels[x + 1, y] != own)
                    || (y > 0 && labels[x, y - 1] != own) || (y + 1 < height && labels[x, y + 1] != own)
            }
        }
        #expect(expected.contains(true) && expected.contains(false))
        for threads in [1, 2] {
            #expect(labelBoundaries(of: labels, threads: threads).unpacked().samples == expected)
            #expect(labelBoundaries(of: labels.map { Int32($0) }, threads: threads).unpacked().samples == expected)
        }
    }
}
