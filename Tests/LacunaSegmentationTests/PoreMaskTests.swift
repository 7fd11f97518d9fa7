import LacunaImage
import LacunaSegmentation
import Testing

@Suite("Pore mask polarity")
struct PoreMaskTests {
    let image = Image<UInt8>(width: 5, height: 1, samples: [0, 4, 5, 6, 255])

    @Test("Dark pores are value ≤ t")
    func dark() {
        let mask = poreMask(image, threshold: 5, polarity: .dark)
        #expect(mask.samples == [true, true, true, false, false])
        #expect(mask.width == 5 && mask.height == 1 && mask.channels == 1)
    }

    @Test("Bright pores are value > t")
    func bright() {
        #expect(poreMask(image, threshold: 5, polarity: .bright).samples == [false, false, false, true, true])
    }

    @Test("Dark and bright masks are complements at every threshold")
    func complementary() {
        let image16 = Image<UInt16>(width: 3, height: 2, samples: [0, 100, 19578, 19579, 40000, 65535])
        for t in [-1, 0, 99, 100, 19578, 65534, 65535] {
            let dark = poreMask(image16, threshold: t, polarity: .dark)
            let bright = poreMask(image16, threshold: t, polarity: .bright)
            #expect(zip(dark.samples, bright.samples).allSatisfy { $0 != $1 }, "t = \(t)")
        }
        #expect(poreMask(image16, threshold: 19578, polarity: .dark).samples
            == [true, true, true, false, false, false])
    }

    @Test("Thresholds outside the sample range select everything or nothing")
    func extremes() {
        #expect(poreMask(image, threshold: 255, polarity: .dark).samples.allSatisfy { $0 })
        #expect(poreMask(image, threshold: -1, polarity: .dark).samples.allSatisfy { !$0 })
        #expect(poreMask(image, threshold: 255, polarity: .bright).samples.allSatisfy { !$0 })
    }
}
