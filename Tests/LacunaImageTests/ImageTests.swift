import LacunaImage
import Testing

@Suite("Image values and calibration")
struct ImageTests {
    @Test("row-major, interleaved indexing; cropping rows; map keeps the shape")
    func layout() {
        var image = Image<UInt16>(width: 3, height: 2, channels: 2, samples: Array(0 ..< 12))
        #expect(image[2, 1, 1] == 11 && image[1, 0, 0] == 2)
        image[0, 1, 1] = 99
        #expect(image.samples[7] == 99)
        let bottom = image.cropping(rows: 1 ..< 2)
        #expect(bottom.height == 1 && bottom.samples == [6, 99, 8, 9, 10, 11])
        let doubled = image.map { Int($0) * 2 }
        #expect(doubled.width == 3 && doubled.channels == 2 && doubled[2, 1, 1] == 22)
    }

    @Test("a packed mask unpacks to the same mask, tails and one-pixel sizes included")
    func packedMask() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for (width, height) in [(1, 1), (7, 3), (8, 1), (64, 1), (65, 3), (301, 203), (1, 129)] {
            let samples = (0 ..< width * height).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 61 < 3 // about 3/8 foreground, in runs of one pixel and more
            }
            let mask = Mask(width: width, height: height, samples: samples)
            let packed = PackedMask(mask)
            #expect(packed.width == width && packed.height == height)
            #expect(packed.unpacked() == mask, "\(width)×\(height)")
        }
        let everyThird = Mask(width: 10, height: 10, samples: (0 ..< 100).map { $0 % 3 == 0 })
        #expect(PackedMask(everyThird).unpacked() == everyThird)
        #expect(PackedMask(everyThird) != PackedMask(Mask(width: 10, height: 10, samples: (0 ..< 100).map { $0 % 3 == 1 })))
    }

    @Test("images are values: a copy changes independently")
    func valueSemantics() {
        let a = Image<UInt8>(width: 2, height: 2, repeating: 5)
        var b = a
        b[0, 0] = 9
        #expect(a[0, 0] == 5 && b[0, 0] == 9)
    }

    @Test("calibration: none has no pixel size; pixel area and the isotropic length of anisotropic pixels")
    func calibration() {
        #expect(Calibration.none.pixelSize == nil && Calibration.none.source == .none)
        let c = Calibration(pixelSize: PixelSize(x: 0.5, y: 2), source: .fei)
        #expect(c.pixelSize?.area == 1)
        #expect(c.pixelSize?.isotropicLength == 1)
        #expect(PixelSize(square: 0.25).isotropicLength == 0.25)
        #expect(!PixelSize.isValid(0) && !PixelSize.isValid(-1) && !PixelSize.isValid(.nan) && PixelSize.isValid(1e-3))
        #expect(PixelSizeSource.allCases.map(\.rawValue) ==
            ["fei", "zeiss", "tescan", "jeol", "hitachi", "imagej", "tiff", "manual", "scale_bar", "none"])
    }
}
