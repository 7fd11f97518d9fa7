import Foundation
@testable import LacunaReport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Radius histograms, cell statistics and their plots")
struct DistributionTests {
    @Test("bins and fractions worked out by hand")
    func histogram() throws {
        // n = 5 (weight-0 pore left out) → k = max(5, ⌈√5⌉) = 5; (4.0 − 0.5)/5 = 0.7 → width 1; bins 0…4.
        let h = try #require(RadiusHistogram(radii: [0.5, 1.2, 1.7, 3.9, 4.0, 2.5], weights: [1, 1, 1, 1, 1, 0],
                                             areas: [1, 2, 3, 4, 5, 100]))
        #expect(h.binWidth == 1 && h.poreCount == 5)
        #expect(h.numberFractions == [0.2, 0.4, 0, 0.2, 0.2])
        let area: [Double] = [1, 5, 0, 4, 5].map { $0 / 15 }
        #expect(h.areaFractions == area)
        #expect(h.lowerEdges == [0, 1, 2, 3, 4])
    }

    @Test("weights scale a pore's share (Miles–Lantuéjoul)")
    func weighted() throws {
        let h = try #require(RadiusHistogram(radii: [1, 3], weights: [3, 1], areas: [2, 2]))
        // span 2, n = 2 → k = 5, 0.4 → width 0.5; grid bins 2…6 (edges 1.0 … 3.0).
        #expect(h.binWidth == 0.5 && h.firstBin == 2)
        #expect(h.lowerEdges == [1, 1.5, 2, 2.5, 3])
        #expect(h.numberFractions == [0.75, 0, 0, 0, 0.25])
        #expect(h.areaFractions == [0.75, 0, 0, 0, 0.25])
    }

    @Test("bin width rule: square root of n, 5…30 bins, 1-2-2.5-5 steps")
    func binWidth() {
        #expect(RadiusHistogram.binWidth(span: 30, count: 100) == 5)      // k 10, 3 → 5
        #expect(RadiusHistogram.binWidth(span: 4.1, count: 10000) == 0.2)  // k 30, 0.137 → 0.2
        #expect(RadiusHistogram.binWidth(span: 1, count: 4) == 0.2)        // k 5, exactly 0.2
        // one radius (or all equal): the span is the radius itself, so it sits in a bin of r/5
        let single = RadiusHistogram(radii: [2], weights: [1], areas: [1])
        #expect(single?.binWidth == 0.5 && single?.firstBin == 4 && single?.numberFractions == [1])
        #expect(RadiusHistogram(radii: [1], weights: [0], areas: [1]) == nil)
    }

    @Test("P(n) and A(n)/Ā by hand; border cells left out")
    func cells() throws {
        let cells = zip(zip([5, 6, 6, 7, 8], [4.0, 6, 8, 12, 100]), [false, false, false, false, true]).map {
            CellStatistics.Cell(sides: $0.0, area: $0.1, touchesBorder: $1)
        }
        let s = try #require(CellStatistics(cells: cells))
        #expect(s.cellCount == 4 && s.meanSides == 6)
        #expect(s.classes.map(\.sides) == [5, 6, 7])
        #expect(s.classes.map(\.fraction) == [0.25, 0.5, 0.25])
        // Ā = 30/4 = 7.5
        let relative: [Double?] = [4, 7, 12].map { $0 / 7.5 }
        #expect(s.classes.map(\.relativeArea) == relative)
        #expect(CellStatistics(cells: [CellStatistics.Cell(sides: 6, area: 1, touchesBorder: true)]) == nil)
    }

    @Test("cells.csv read by header name, in any column order")
    func cellsTable() throws {
        let table = try TableFile.parse("touches_border,area_um2,sides,image\nfalse,2.5,6,a\ntrue,1,5,a\nfalse,,x,a\n",
                                        path: "cells.csv")
        #expect(CellStatistics.cells(from: table) == [.init(sides: 6, area: 2.5, touchesBorder: false),
                                                      .init(sides: 5, area: 1, touchesBorder: true)])
    }

    #if canImport(FoundationXML)
    @Test("histogram, sides and Lewis plots are well-formed SVG with one bar per non-empty bin")
    func plots() throws {
        let h = try #require(RadiusHistogram(radii: [0.5, 1.2, 1.7, 3.9, 4.0], weights: [1, 1, 1, 1, 1], areas: [1, 2, 3, 4, 5]))
        let svg = DistributionPlots.radiusHistogram(h, title: "r <test> & co", unit: "µm")
        // 4 non-empty bins × 2 weightings, 2 legend swatches, and clip path, background, frame, legend box
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 4 * 2 + 2 + 4)
        #expect(svg.contains("r &lt;test&gt; &amp; co"))
        let s = try #require(CellStatistics(cells: [5, 6, 6, 7].map { .init(sides: $0, area: Double($0), touchesBorder: false) }))
        for text in [svg, DistributionPlots.sidesDistribution(s), try #require(DistributionPlots.lewisPlot(s))] {
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(String(describing: parser.parserError))")
        }
    }
    #endif
}
