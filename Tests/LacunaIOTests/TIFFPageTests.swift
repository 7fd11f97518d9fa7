import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// `ImageDecoder(page:)`: any directory of a multi-page TIFF (TOF-SIMS depth frames, FIB-SEM
/// serial sections), a typed error past the last page, and which page's metadata comes along.
@Suite("TIFF pages")
struct TIFFPageTests {
    static func strip(_ seed: Int, count: Int) -> [UInt8] {
        (0 ..< count).map { UInt8(($0 * 31 + seed * 57) % 256) }
    }

    /// Three 5×4 8-bit pages with different samples.
    static let threePages = TIFFBytes.file((0 ..< 3).map { page in
        .plain(width: 5, height: 4, bitsPerSample: 8, strip: strip(page, count: 20))
    })

    @Test("Each page decodes to its own samples", arguments: 0 ..< 3)
    func eachPage(page: Int) throws {
        let decoded = try ImageDecoder(page: page).decode(Data(Self.threePages))
        #expect(decoded.raster == .uint8(Image(width: 5, height: 4, samples: Self.strip(page, count: 20))))
        #expect(decoded.page == page)
        #expect(decoded.pages == 3)
    }

    @Test("A page past the last one throws pageOutOfRange with the page count")
    func outOfRange() {
        #expect(throws: ImageIOError.pageOutOfRange(page: 3, pages: 3)) {
            try ImageDecoder(page: 3).decode(Data(Self.threePages))
        }
        #expect(throws: ImageIOError.pageOutOfRange(page: 99, pages: 3)) {
            try ImageDecoder(page: 99).decode(Data(Self.threePages))
        }
        #expect(ImageIOError.pageOutOfRange(page: 3, pages: 3).message
            == "page 3 requested, but the file has 3 pages (numbered from 0)")
    }

    @Test("PNG and JPEG have page 0 only")
    func singlePageFormats() throws {
        let image = TestImages.pattern8(width: 6, height: 4, channels: 1)
        for data in [try ImageEncoder.png(image), try ImageEncoder.jpeg(image)] {
            #expect(try ImageDecoder(page: 0).decode(data).page == 0)
            #expect(throws: ImageIOError.pageOutOfRange(page: 1, pages: 1)) { try ImageDecoder(page: 1).decode(data) }
        }
    }

    @Test("Pages may differ in size and depth; the limit applies to the chosen page")
    func mixedPages() throws {
        let wide = TIFFBytes.littleEndian16([1, 2, 65535, 4, 5, 6])
        let file = TIFFBytes.file([
            .plain(width: 100, height: 100, bitsPerSample: 8, strip: Array(repeating: 9, count: 10_000)),
            .plain(width: 3, height: 2, bitsPerSample: 16, strip: wide),
        ])
        let second = try ImageDecoder(page: 1).decode(Data(file))
        #expect(second.raster == .uint16(Image(width: 3, height: 2, samples: [1, 2, 65535, 4, 5, 6])))
        #expect(second.bitsPerSample == 16)
        // 6 pixels pass a 50-pixel limit that the 100×100 first page would fail.
        #expect(try ImageDecoder(maxPixels: 50, page: 1).decode(Data(file)).raster.width == 3)
        #expect(throws: ImageIOError.tooLarge(width: 100, height: 100, limit: 50)) {
            try ImageDecoder(maxPixels: 50, page: 0).decode(Data(file))
        }
    }

    @Test("An unsupported layout on a later page is reported for that page only")
    func unsupportedLaterPage() throws {
        let file = TIFFBytes.file([
            .plain(width: 2, height: 1, bitsPerSample: 8, strip: [1, 2]),
            .plain(width: 2, height: 1, bitsPerSample: 4, strip: [0x12]),
        ])
        #expect(try ImageDecoder(page: 0).decode(Data(file)).raster == .uint8(Image(width: 2, height: 1, samples: [1, 2])))
        #expect(decodingErrorCase(file, decoder: ImageDecoder(page: 1)) == .unsupported(.tiff))
    }

    @Test("Page metadata: own tags win; missing ones come from page 0 only when the size matches")
    func pageMetadata() throws {
        let first: [TIFFBytes.Field] = [.text(270, "ImageJ=1.54f\nimages=3\nunit=nm\n"), .text(34682, "[Scan]\nPixelWidth=1e-9\n"),
                                        .rationals(282, [(2, 1)]), .rationals(283, [(2, 1)]), .shorts(296, [1])]
        let file = TIFFBytes.file([
            .plain(width: 4, height: 2, bitsPerSample: 8, strip: Self.strip(0, count: 8), extra: first),
            .plain(width: 4, height: 2, bitsPerSample: 8, strip: Self.strip(1, count: 8),
                   extra: [.text(34682, "[Scan]\nPixelWidth=2e-9\n")]),
            .plain(width: 2, height: 2, bitsPerSample: 8, strip: Self.strip(2, count: 4)),
        ])
        let sameSize = try ImageDecoder(page: 1).decode(Data(file))
        // A private ASCII tag comes back with its NUL (libtiff passes its stored count).
        #expect(sameSize.tiffTags[34682] == Array("[Scan]\nPixelWidth=2e-9\n".utf8) + [0])
        #expect(sameSize.tiffTags[270] == Array("ImageJ=1.54f\nimages=3\nunit=nm\n".utf8))
        #expect(sameSize.tiffResolution == TIFFResolution(x: 2, y: 2, unit: 1))
        let thumbnail = try ImageDecoder(page: 2).decode(Data(file))
        #expect(thumbnail.tiffTags.isEmpty)
        #expect(thumbnail.tiffResolution == nil)
        let firstPage = try ImageDecoder().decode(Data(file))
        #expect(firstPage.tiffTags[34682] == Array("[Scan]\nPixelWidth=1e-9\n".utf8) + [0])
    }
}

/// XResolution / YResolution / ResolutionUnit of the decoded page (`DecodedImage.tiffResolution`).
@Suite("TIFF resolution tags")
struct TIFFResolutionTagTests {
    static func page(_ extra: [TIFFBytes.Field]) -> [UInt8] {
        TIFFBytes.file([.plain(width: 2, height: 2, bitsPerSample: 8, strip: [1, 2, 3, 4], extra: extra)])
    }

    @Test("Rationals as stored, within libtiff's float precision; unit as stored")
    func rationals() throws {
        let decoded = try ImageDecoder().decode(Data(Self.page([
            .rationals(282, [(5_928_571, 1_000_000)]), .rationals(283, [(3, 2)]), .shorts(296, [3]),
        ])))
        let resolution = try #require(decoded.tiffResolution)
        #expect(abs(resolution.x - 5.928571) <= 5.928571 * 1e-7)
        #expect(resolution.y == 1.5)
        #expect(resolution.unit == 3)
    }

    @Test("Absent tags: nil resolution, or nil unit and y when only XResolution is there")
    func absent() throws {
        #expect(try ImageDecoder().decode(Data(Self.page([]))).tiffResolution == nil)
        let onlyX = try ImageDecoder().decode(Data(Self.page([.rationals(282, [(72, 1)])])))
        #expect(onlyX.tiffResolution == TIFFResolution(x: 72, y: nil, unit: nil))
    }

    @Test("PNG and JPEG carry no TIFF resolution")
    func otherFormats() throws {
        let image = TestImages.pattern8(width: 4, height: 4, channels: 1)
        #expect(try ImageDecoder().decode(ImageEncoder.png(image)).tiffResolution == nil)
        #expect(try ImageDecoder().decode(ImageEncoder.jpeg(image)).tiffResolution == nil)
    }

    @Test("ImageJ sample: XResolution 5928571/1000000 per micron, unit none",
          .enabled(if: TestSupport.realDataDirectory != nil))
    func imageJSample() throws {
        let path = try #require(realData("imagej-calibrated-tiff/test_loading_image_saved_with_imageJ.tif"))
        let resolution = try #require(try ImageDecoder().decodeFile(atPath: path).tiffResolution)
        #expect(abs(resolution.x - 5.928571) <= 5.928571 * 1e-7)
        #expect(resolution.y == resolution.x)
        #expect(resolution.unit == 1)
    }
}
