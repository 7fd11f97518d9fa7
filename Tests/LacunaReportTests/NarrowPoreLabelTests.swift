import LacunaImage
import LacunaMeasure
import LacunaNetwork
import LacunaReport
import LacunaSegmentation
import LacunaSynth
import Testing

/// The analysis keeps its pores in 16 bits when there are fewer than 65 535 (`Labels`): every
/// kernel that reads them after the labelling must give what it gives on the `Int32` labels.
@Suite("Pores in 16 bits measure, outline and network like Int32")
struct NarrowPoreLabelTests {
    /// Dark discs of random radius (some touching, some cut by the frame) on a bright, noisy,
    /// blurred frame, labelled as the pipeline does (8-connected components of the mask).
    static func scene(seed: UInt64) -> (grey: Image<UInt8>, labels: LabelImage, count: Int) {
        let w = 160, h = 120
        var random = SeededRandom(seed: seed)
        var grey = Image<UInt8>(width: w, height: h, repeating: 200)
        for _ in 0 ..< 40 {
            let cx = random.uniform() * Double(w), cy = random.uniform() * Double(h), r = 2 + random.uniform() * 7
            for y in 0 ..< h {
                for x in 0 ..< w where (Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx) + (Double(y) + 0.5 - cy) * (Double(y) + 0.5 - cy) <= r * r {
                    grey[x, y] = 50
                }
            }
        }
        for i in grey.samples.indices { grey.samples[i] = grey.samples[i] &+ UInt8(random.next() % 9) }
        let smooth = gaussianBlur(grey, sigma: 1.2)
        let components = labelComponents(of: poreMask(smooth, threshold: 125, polarity: .dark), connectivity: .eight)
        return (smooth, components.labels, components.count)
    }

    @Test("regions, shapes, sub-pixel areas, edge blur, pore overlay, cells and cell overlay", arguments: [UInt64(61), 62])
    func sameResults(seed: UInt64) throws {
        let (grey, wide, count) = Self.scene(seed: seed)
        let narrow = try #require({ if case let .narrow(l) = Labels(wide, count: count) { l } else { nil } }())
        #expect(narrow.samples.map { Int32($0) } == wide.samples && count > 15)
        let regions = measureRegions(of: wide, count: count)
        #expect(measureRegions(of: narrow, count: count) == regions)
        #expect(measureShapes(of: narrow, regions: regions) == measureShapes(of: wide, regions: regions))
        let response = plusEdgeResponse(grey, sigma: 1.2)
        let areas = subpixelBoundaryAreas(of: wide, regions: regions, response: response, polarity: .dark)
        #expect(areas.contains { $0 != nil })
        #expect(subpixelBoundaryAreas(of: narrow, regions: regions, response: response, polarity: .dark, threads: 2) == areas)
        let blur = edgeBlurEstimate(of: wide, regions: regions, response: response, polarity: .dark, responseSigma: 1.2)
        #expect(blur != nil)
        #expect(edgeBlurEstimate(of: narrow, regions: regions, response: response, polarity: .dark, responseSigma: 1.2)
            == blur)
        let border = regions.map(\.touchesBorder)
        #expect(Overlay.render(grey: grey, labels: narrow, touchesBorder: border)
            == Overlay.render(grey: grey, labels: wide, touchesBorder: border))
        let options = NetworkOptions(method: .pores)
        let a = try #require(NetworkAnalysis(pores: narrow, poreCount: count, grey: { grey.map { Float($0) } },
                                             options: options, poreRegions: regions, threads: 2))
        let b = try #require(NetworkAnalysis(pores: wide, poreCount: count, grey: { grey.map { Float($0) } },
                                             options: options))
        #expect(NetworkSummary(a) == NetworkSummary(b) && a.network.labels == b.network.labels)
        #expect(CellOverlay.render(grey: grey, network: a.network, pores: narrow)
            == CellOverlay.render(grey: grey, network: b.network, pores: wide))
    }

    @Test("Labels keeps 16 bits up to 65 534 labels and Int32 from 65 535")
    func choice() {
        let labels = LabelImage(width: 3, height: 1, samples: [0, 1, 2])
        #expect(Labels(labels, count: 65_534) == .narrow(Image(width: 3, height: 1, samples: [0, 1, 2])))
        #expect(Labels(labels, count: 65_535) == .wide(labels))
        #expect(Labels(labels, count: 2).labelImage == labels)
    }
}
