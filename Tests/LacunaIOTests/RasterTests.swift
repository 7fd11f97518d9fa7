import LacunaImage
import LacunaIO
import Testing

/// `Raster.luminance()` (ITU-R BT.601 luma, rounded) and `Raster.cropping(rows:)`.
@Suite("Raster")
struct RasterTests {
    @Test("RGB luma by hand: 0.299 R + 0.587 G + 0.114 B, rounded")
    func luminanceRGB8() {
        // (200, 100, 50): 59.8 + 58.7 + 5.7 = 124.2 → 124
        // (10, 20, 30):   2.99 + 11.74 + 3.42 = 18.15 → 18
        // (0, 0, 5):      0.57 → 1
        // (255, 255, 255): 255
        let rgb = Raster.uint8(Image(width: 4, height: 1, channels: 3,
                                     samples: [200, 100, 50, 10, 20, 30, 0, 0, 5, 255, 255, 255]))
        #expect(rgb.luminance() == .uint8(Image(width: 4, height: 1, samples: [124, 18, 1, 255])))
    }

    @Test("16-bit RGB luma keeps 16 bits")
    func luminanceRGB16() {
        // (65535, 0, 0): 19594.965 → 19595; (1000, 2000, 3000): 299 + 1174 + 342 = 1815;
        // (65535, 65535, 65535): 65535, not more.
        let rgb = Raster.uint16(Image(width: 3, height: 1, channels: 3,
                                      samples: [65535, 0, 0, 1000, 2000, 3000, 65535, 65535, 65535]))
        #expect(rgb.luminance() == .uint16(Image(width: 3, height: 1, samples: [19595, 1815, 65535])))
    }

    @Test("Alpha is dropped: RGBA uses RGB, grey+alpha keeps grey")
    func luminanceAlpha() {
        let rgba = Raster.uint8(Image(width: 1, height: 1, channels: 4, samples: [200, 100, 50, 7]))
        #expect(rgba.luminance() == .uint8(Image(width: 1, height: 1, samples: [124])))
        let greyAlpha = Raster.uint16(Image(width: 2, height: 1, channels: 2, samples: [77, 200, 65535, 0]))
        #expect(greyAlpha.luminance() == .uint16(Image(width: 2, height: 1, samples: [77, 65535])))
    }

    @Test("Grey is returned as is; the input is not modified")
    func luminanceGrey() {
        let grey = Raster.uint8(TestImages.pattern8(width: 5, height: 3, channels: 1))
        #expect(grey.luminance() == grey)
        let rgb = Raster.uint8(TestImages.pattern8(width: 5, height: 3, channels: 3))
        let copy = rgb
        _ = rgb.luminance()
        #expect(rgb == copy)
        #expect(rgb.luminance().channels == 1)
    }

    @Test("cropping(rows:) keeps exactly those rows, every channel")
    func cropping() {
        // 3 × 5 grey, sample = index: rows 1 and 2 are 3…8.
        let grey = Raster.uint8(Image(width: 3, height: 5, samples: (0 ..< 15).map { UInt8($0) }))
        #expect(grey.cropping(rows: 1 ..< 3) == .uint8(Image(width: 3, height: 2, samples: [3, 4, 5, 6, 7, 8])))
        #expect(grey.cropping(rows: 0 ..< 5) == grey)
        let empty = grey.cropping(rows: 2 ..< 2)
        #expect(empty.height == 0 && empty.width == 3)

        let rgb16 = Raster.uint16(Image(width: 2, height: 3, channels: 3, samples: (0 ..< 18).map { UInt16($0 * 1000) }))
        let bottom = rgb16.cropping(rows: 2 ..< 3)
        #expect(bottom == .uint16(Image(width: 2, height: 1, channels: 3, samples: [12000, 13000, 14000, 15000, 16000, 17000])))
        #expect(bottom.bitsPerSample == 16 && bottom.channels == 3)
    }

    @Test("Cutting a data bar off a decoded file")
    func cutDatabar() throws {
        // 4 × 6 image whose last two rows are a "bar" of 255s.
        let samples = [UInt8](repeating: 10, count: 16) + [UInt8](repeating: 255, count: 8)
        let decoded = try ImageDecoder().decode(ImageEncoder.png(Image(width: 4, height: 6, samples: samples)))
        let specimen = decoded.raster.cropping(rows: 0 ..< decoded.raster.height - 2)
        #expect(specimen == .uint8(Image(width: 4, height: 4, repeating: 10)))
    }

    @Test("Shape accessors")
    func accessors() {
        let r8 = Raster.uint8(Image(width: 7, height: 2, channels: 2, repeating: 0))
        #expect(r8.width == 7 && r8.height == 2 && r8.channels == 2 && r8.bitsPerSample == 8)
        let r16 = Raster.uint16(Image(width: 1, height: 9, channels: 4, repeating: 0))
        #expect(r16.width == 1 && r16.height == 9 && r16.channels == 4 && r16.bitsPerSample == 16)
    }
}
