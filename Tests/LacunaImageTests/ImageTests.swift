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
