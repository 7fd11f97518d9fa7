import LacunaImage
import Testing

@Suite("Two-bit codes packed and unpacked")
struct PackedCodesTests {
    @Test("random codes come back the same, over word edges and ragged tails",
          arguments: [(1, 1), (31, 1), (33, 3), (257, 129)])
    func roundTrip(width: Int, height: Int) {
        var state = UInt64(width * 1_000 + height)
        let codes = Image<UInt8>(width: width, height: height, samples: (0 ..< width * height).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 62)
        })
        #expect(Set(codes.samples).count == min(4, codes.samples.count) || codes.samples.count < 8)
        let packed = PackedCodes(codes)
        #expect(packed.width == width && packed.height == height)
        #expect(packed.unpacked().samples == codes.samples)
    }

    @Test("all four codes at every position of a word")
    func everyPosition() {
        for code in UInt8(0) ..< 4 {
            let codes = Image<UInt8>(width: 64, height: 1, samples: (0 ..< 64).map { $0 % 5 == 0 ? code : 3 - code })
            #expect(PackedCodes(codes).unpacked() == codes)
        }
    }
}
