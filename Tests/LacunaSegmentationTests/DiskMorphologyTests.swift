import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Disc morphology")
struct DiskMorphologyTests {
    @Test("dilating one pixel by r = 2 gives scikit-image's disk(2): 13 pixels; r = 1 the 5-pixel cross")
    func dilation() {
        let dot = TestMasks.rectangle(width: 9, height: 9, xs: 4 ..< 5, ys: 4 ..< 5)
        #expect(DiskMorphology.dilating(dot, radius: 2).samples.count(where: { $0 }) == 13)
        #expect(DiskMorphology.dilating(dot, radius: 1).samples.count(where: { $0 }) == 5)
        #expect(dot.samples.count(where: { $0 }) == 1, "input unchanged")
    }

    @Test("eroding a 5 × 5 square by the cross (r = 1) leaves its 3 × 3 core")
    func erosion() {
        let square = TestMasks.rectangle(width: 9, height: 9, xs: 2 ..< 7, ys: 2 ..< 7)
        #expect(DiskMorphology.eroding(square, radius: 1) == TestMasks.rectangle(width: 9, height: 9, xs: 3 ..< 6, ys: 3 ..< 6))
    }

    @Test("opening by r = 1.5 (the 3 × 3 block) cuts a one-pixel bridge between two 5 × 5 squares and keeps them whole; closing fills a one-pixel gap")
    func openClose() {
        let bridged = TestMasks.make(width: 17, height: 9) { x, y in
            ((2 ..< 7).contains(x) || (10 ..< 15).contains(x)) && (2 ..< 7).contains(y) || (y == 4 && (7 ..< 10).contains(x))
        }
        let opened = DiskMorphology.opening(bridged, radius: 1.5)
        #expect(labelComponents(of: opened).count == 2)
        #expect(opened.samples.count(where: { $0 }) == 50)
        let gapped = TestMasks.make(width: 13, height: 9) { x, y in (2 ..< 11).contains(x) && (2 ..< 7).contains(y) && x != 6 }
        let closed = DiskMorphology.closing(gapped, radius: 1.5)
        #expect(closed == TestMasks.rectangle(width: 13, height: 9, xs: 2 ..< 11, ys: 2 ..< 7))
    }
}
