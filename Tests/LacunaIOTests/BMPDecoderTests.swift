import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// BMP files built byte by byte from the BITMAPFILEHEADER/BITMAPINFOHEADER layout.
@Suite("BMP decoding")
struct BMPDecoderTests {
    static func le32(_ v: Int) -> [UInt8] { (0 ..< 4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    static func le16(_ v: Int) -> [UInt8] { (0 ..< 2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    /// A bitmap of `width × height` whose stored rows are `rows` (already in file order, unpadded).
    static func file(width: Int, height: Int, bits: Int, palette: [(UInt8, UInt8, UInt8)] = [],
                     rows: [[UInt8]], compression: Int = 0) -> [UInt8] {
        let rowBytes = (width * bits + 31) / 32 * 4
        let offset = 14 + 40 + 4 * palette.count
        var out: [UInt8] = [0x42, 0x4D] + le32(offset + rowBytes * rows.count) + [0, 0, 0, 0] + le32(offset)
        out += le32(40) + le32(width) + le32(height) + le16(1) + le16(bits) + le32(compression)
        out += le32(rowBytes * rows.count) + le32(2835) + le32(2835) + le32(palette.count) + le32(0)
        for c in palette { out += [c.2, c.1, c.0, 0] }
        for row in rows { out += row + [UInt8](repeating: 0, count: rowBytes - row.count) }
        return out
    }

    static let grey: [(UInt8, UInt8, UInt8)] = (0 ..< 256).map { (UInt8($0), UInt8($0), UInt8($0)) }

    @Test("8-bit grey palette, bottom-up, 3-px rows padded to 4 bytes: one grey channel, rows flipped")
    func greyBottomUp() throws {
        let bytes = Self.file(width: 3, height: 2, bits: 8, palette: Self.grey, rows: [[7, 8, 9], [1, 2, 3]])
        let decoded = try ImageDecoder().decode(Data(bytes))
        #expect(decoded.format == .bmp)
        #expect(decoded.raster == .uint8(Image(width: 3, height: 2, samples: [1, 2, 3, 7, 8, 9])))
    }

    @Test("a negative height means top-down rows")
    func topDown() throws {
        var bytes = Self.file(width: 2, height: 2, bits: 8, palette: Self.grey, rows: [[1, 2], [3, 4]])
        bytes.replaceSubrange(22 ..< 26, with: Self.le32(-2))
        #expect(try ImageDecoder().decode(Data(bytes)).raster == .uint8(Image(width: 2, height: 2, samples: [1, 2, 3, 4])))
    }

    @Test("a colour palette expands to RGB; 24-bit BGR becomes RGB")
    func colour() throws {
        let palette: [(UInt8, UInt8, UInt8)] = [(255, 0, 0), (0, 0, 255)]
        let indexed = Self.file(width: 2, height: 1, bits: 8, palette: palette, rows: [[1, 0]])
        #expect(try ImageDecoder().decode(Data(indexed)).raster ==
            .uint8(Image(width: 2, height: 1, channels: 3, samples: [0, 0, 255, 255, 0, 0])))
        let bgr = Self.file(width: 1, height: 1, bits: 24, rows: [[30, 20, 10]])
        #expect(try ImageDecoder().decode(Data(bgr)).raster == .uint8(Image(width: 1, height: 1, channels: 3, samples: [10, 20, 30])))
    }

    @Test("truncated, RLE, 4-bit, oversized and out-of-palette files throw the exact case")
    func bad() {
        let good = Self.file(width: 4, height: 4, bits: 8, palette: Self.grey, rows: Array(repeating: [1, 2, 3, 4], count: 4))
        for cut in [10, 53, good.count - 1] {
            #expect { try ImageDecoder().decode(Data(good.prefix(cut))) } throws: { error in
                if case ImageIOError.truncated(.bmp, _) = error { return true }
                return false
            }
        }
        let rle = Self.file(width: 4, height: 4, bits: 8, palette: Self.grey, rows: [[0]], compression: 1)
        #expect { try ImageDecoder().decode(Data(rle)) } throws: { error in
            if case ImageIOError.unsupported(.bmp, _) = error { return true }
            return false
        }
        let fourBit = Self.file(width: 4, height: 1, bits: 4, palette: Array(Self.grey.prefix(16)), rows: [[0x12, 0x34]])
        #expect { try ImageDecoder().decode(Data(fourBit)) } throws: { error in
            if case ImageIOError.unsupported(.bmp, _) = error { return true }
            return false
        }
        var huge = good
        huge.replaceSubrange(18 ..< 22, with: Self.le32(100_000))
        huge.replaceSubrange(22 ..< 26, with: Self.le32(100_000))
        #expect(throws: ImageIOError.tooLarge(width: 100_000, height: 100_000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(huge))
        }
        let short = Self.file(width: 2, height: 1, bits: 8, palette: Array(Self.grey.prefix(2)), rows: [[0, 5]])
        #expect { try ImageDecoder().decode(Data(short)) } throws: { error in
            if case ImageIOError.corrupt(.bmp, _) = error { return true }
            return false
        }
    }

    /// ../shared/realdata/SOURCES.md: the PNGs beside the Hitachi BMPs are lossless conversions.
    @Test("the real Hitachi BMPs decode to the same pixels as their PNG conversions",
          .enabled(if: TestSupport.realDataDirectory != nil), arguments: ["test_pore1", "test_pore2"])
    func realHitachi(name: String) throws {
        let bmp = try ImageDecoder().decodeFile(atPath: try #require(realData("hitachi-polymer-membrane-foam/\(name).bmp")))
        let png = try ImageDecoder().decodeFile(atPath: try #require(realData("hitachi-polymer-membrane-foam/png/\(name).png")))
        #expect(bmp.raster.width == 1280 && bmp.raster.height == 960)
        let same = bmp.raster == png.raster
        #expect(same)
    }
}
