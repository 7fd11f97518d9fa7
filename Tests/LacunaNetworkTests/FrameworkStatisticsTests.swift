import LacunaImage
import LacunaNetwork
import Testing

@Suite("Wall thickness, junctions and wall length of the framework")
struct FrameworkStatisticsTests {
    static func rectangles(width: Int, height: Int, _ boxes: [(x: Range<Int>, y: Range<Int>)]) -> LabelImage {
        var labels = LabelImage(width: width, height: height, repeating: 0)
        for (k, box) in boxes.enumerated() {
            for y in box.y { for x in box.x { labels.samples[y * width + x] = Int32(k + 1) } }
        }
        return labels
    }

    @Test("Two pores with a 5-px wall: every row straddles the midline once, thickness exactly 5")
    func straightWall() throws {
        let pores = Self.rectangles(width: 40, height: 20, [(0 ..< 15, 0 ..< 20), (20 ..< 40, 0 ..< 20)])
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.thicknessSamples == 20)
        #expect(framework.meanThickness == 5)
        #expect(framework.medianThickness == 5)
        #expect(framework.thicknessSD == 0)
        #expect(framework.junctions == 0)
        #expect(abs(framework.wallLength - Double.pi / 4 * 20) < 1e-12)
        #expect(framework.fieldArea == 800)
    }

    @Test("Three pores meeting at a T: one junction; the median thickness is the 5-px walls'")
    func junction() throws {
        let pores = Self.rectangles(width: 40, height: 40,
                                    [(0 ..< 15, 0 ..< 20), (20 ..< 40, 0 ..< 20), (0 ..< 40, 25 ..< 40)])
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.junctions == 1)
        #expect(framework.medianThickness == 5)
    }

    @Test("Without walls (no pores) nothing is measured and nothing crashes")
    func empty() {
        let pores = LabelImage(width: 8, height: 8, repeating: 0)
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.thicknessSamples == 0)
        #expect(framework.meanThickness == nil)
        #expect(framework.junctions == 0)
        #expect(framework.wallLength == 0)
    }
}
