import LacunaTestSupport
import Foundation
import LacunaImage
import LacunaIO
import Testing

/// Hand-made TIFF files with layouts libtiff's writer here does not produce: several pages,
/// min-is-white, palettes, alpha, metadata tags, and layouts Lacuna refuses.
@Suite("TIFF layouts")
struct TIFFLayoutTests {
    let decoder = ImageDecoder()

    @Test("Two pages: pages == 2, the raster is the first page")
    func twoPages() throws {
        let first: [UInt8] = [1, 2, 3, 4, 5, 6]
        let second: [UInt8] = [200, 201, 202, 203, 204, 205]
        let file = TIFFBytes.file([
            .plain(width: 3, height: 2, bitsPerSample: 8, strip: first),
            .plain(width: 3, height: 2, bitsPerSample: 8, strip: second),
        ])
        let decoded = try decoder.decode(Data(file))
        #expect(decoded.pages == 2)
        #expect(decoded.raster == .uint8(Image(width: 3, height: 2, samples: first)))
    }

    @Test("Min-is-white 8-bit is inverted to min-is-black")
    func minIsWhite8() throws {
        let file = TIFFBytes.file([.plain(width: 4, height: 1, bitsPerSample: 8, photometric: 0,
                                          strip: [0, 10, 255, 128])])
        let decoded = try decoder.decode(Data(file))
        #expect(decoded.raster == .uint8(Image(width: 4, height: 1, samples: [255, 245, 0, 127])))
    }

    @Test("Min-is-white 16-bit is inverted to min-is-black")
    func minIsWhite16() throws {
        let file = TIFFBytes.file([.plain(width: 4, height: 1, bitsPerSample: 16, photometric: 0,
                                          strip: TIFFBytes.littleEndian16([0, 1000, 65535, 257]))])
        let decoded = try decoder.decode(Data(file))
        #expect(decoded.raster == .uint16(Image(width: 4, height: 1, samples: [65535, 64535, 0, 65278])))
        #expect(decoded.bitsPerSample == 16)
    }

    @Test("8-bit palette expands to the colour map's high bytes")
    func palette() throws {
        // ColorMap (320): 3 × 256 SHORTs, red then green then blue. Red i·257 → i, green
        // (255 − i)·256 + 0x7F → 255 − i, blue 0x1234 → 0x12.
        let red = (0 ..< 256).map { UInt16($0 * 257) }
        let green = (0 ..< 256).map { UInt16((255 - $0) * 256 + 0x7F) }
        let blue = [UInt16](repeating: 0x1234, count: 256)
        let file = TIFFBytes.file([.plain(width: 4, height: 1, bitsPerSample: 8, photometric: 3,
                                          strip: [0, 1, 128, 255],
                                          extra: [.shorts(320, red + green + blue)])])
        let decoded = try decoder.decode(Data(file))
        #expect(decoded.raster == .uint8(Image(width: 4, height: 1, channels: 3,
                                               samples: [0, 255, 0x12, 1, 254, 0x12, 128, 127, 0x12, 255, 0, 0x12])))
        #expect(decoded.channels == 1)
        #expect(decoded.bitsPerSample == 8)
    }

    @Test("Grey+alpha and RGBA keep their alpha channel")
    func alpha() throws {
        let greyAlpha = TIFFBytes.file([.plain(width: 2, height: 1, bitsPerSample: 8, samplesPerPixel: 2,
                                               strip: [10, 255, 20, 0], extra: [.shorts(338, [2])])])
        #expect(try decoder.decode(Data(greyAlpha)).raster
            == .uint8(Image(width: 2, height: 1, channels: 2, samples: [10, 255, 20, 0])))
        let rgba = TIFFBytes.file([.plain(width: 2, height: 1, bitsPerSample: 8, samplesPerPixel: 4, photometric: 2,
                                          strip: [1, 2, 3, 4, 5, 6, 7, 8], extra: [.shorts(338, [2])])])
        let decoded = try decoder.decode(Data(rgba))
        #expect(decoded.raster == .uint8(Image(width: 2, height: 1, channels: 4, samples: [1, 2, 3, 4, 5, 6, 7, 8])))
        #expect(decoded.channels == 4)
    }

    @Test("ImageDescription is reported without its NUL; tags Lacuna does not read are not")
    func imageDescription() throws {
        let file = TIFFBytes.file([.plain(width: 1, height: 1, bitsPerSample: 8, strip: [7],
                                          extra: [.text(270, "Lacuna test"), .text(305, "some software")])])
        let decoded = try decoder.decode(Data(file))
        #expect(decoded.tiffTags[MetadataTag.imageDescription] == Array("Lacuna test".utf8))
        #expect(decoded.tiffTags.keys.sorted() == [MetadataTag.imageDescription])
    }

    @Test("Layouts Lacuna does not read throw unsupported", arguments: [
        ("32-bit integer samples", TIFFBytes.Page.plain(width: 2, height: 1, bitsPerSample: 32, strip: Array(repeating: 1, count: 8))),
        ("4-bit samples", .plain(width: 2, height: 1, bitsPerSample: 4, strip: [0x12])),
        ("16-bit float samples", .plain(width: 2, height: 1, bitsPerSample: 16, strip: [0, 60, 0, 60],
                                        extra: [.shorts(339, [3])])),
        ("64-bit float samples", .plain(width: 1, height: 1, bitsPerSample: 64, strip: Array(repeating: 0, count: 8),
                                        extra: [.shorts(339, [3])])),
        ("32-bit float RGB", .plain(width: 1, height: 1, bitsPerSample: 32, samplesPerPixel: 3, photometric: 2,
                                    strip: Array(repeating: 0, count: 12), extra: [.shorts(339, [3, 3, 3])])),
        ("32-bit float min-is-white", .plain(width: 2, height: 1, bitsPerSample: 32, photometric: 0,
                                             strip: Array(repeating: 0, count: 8), extra: [.shorts(339, [3])])),
        ("signed 16-bit samples", .plain(width: 2, height: 1, bitsPerSample: 16, strip: [0, 0, 1, 0],
                                         extra: [.shorts(339, [2])])),
        ("CMYK", .plain(width: 1, height: 1, bitsPerSample: 8, samplesPerPixel: 4, photometric: 5, strip: [1, 2, 3, 4])),
        ("separate RGB planes", .plain(width: 1, height: 1, bitsPerSample: 8, samplesPerPixel: 3, photometric: 2,
                                       strip: [1, 2, 3], extra: [.shorts(284, [2])])),
        ("RGB with one sample", .plain(width: 1, height: 1, bitsPerSample: 8, samplesPerPixel: 1, photometric: 2, strip: [1])),
        ("16-bit palette", .plain(width: 1, height: 1, bitsPerSample: 16, photometric: 3, strip: [0, 0],
                                  extra: [.shorts(320, Array(repeating: 0, count: 3 * 65536))])),
    ] as [(String, TIFFBytes.Page)])
    func unsupported(name: String, page: TIFFBytes.Page) {
        #expect(decodingErrorCase(TIFFBytes.file([page])) == .unsupported(.tiff), "\(name)")
    }
}
