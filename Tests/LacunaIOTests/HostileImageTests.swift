import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Hostile image files of docs/reliability.md that the corrupt-PNG/JPEG/TIFF suites do not
/// already cover: decompression bombs, directory loops, absurd tag counts, zero rows per strip,
/// missing image data, trailing garbage, progressive JPEGs cut between scans, CMYK, and files
/// that are not regular readable files. Each asserts the exact error case.
@Suite("Hostile image files")
struct HostileImageTests {
    /// A seed file of the decode fuzz target (scripts/make_fuzz_seeds.py), also a fixture here.
    static func seed(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Fuzz/Corpus/decode/\(name)")))
    }

    /// A libtiff-written TIFF of a 2000×2000 black image: 4 MB of pixels in a few KB of file.
    static func tiffBomb(_ compression: ImageEncoder.TIFFCompression) throws -> [UInt8] {
        var options = ImageEncoder.TIFFOptions()
        options.compression = compression
        options.rowsPerStrip = 2000
        return try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/bomb.tif"
            try ImageEncoder.writeTIFF(.uint8(Image(width: 2000, height: 2000, repeating: 0)), to: path, options: options)
            return try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    /// The little-endian LONG at `offset`.
    static func long(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset ..< offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// `bytes` (little-endian classic TIFF) with the first directory's entry for `tag` set to
    /// one LONG/SHORT `value` in place.
    static func settingTag(_ tag: UInt16, to value: UInt32, in bytes: [UInt8]) -> [UInt8] {
        var edited = bytes
        let directory = Int(Self.long(bytes, at: 4))
        let count = Int(bytes[directory]) | Int(bytes[directory + 1]) << 8
        for entry in stride(from: directory + 2, to: directory + 2 + 12 * count, by: 12)
        where Int(bytes[entry]) | Int(bytes[entry + 1]) << 8 == Int(tag) {
            let type = Int(bytes[entry + 2])
            let payload = type == Int(TIFFBytes.short) ? [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), 0, 0]
                                                       : TIFFBytes.littleEndian(value)
            edited.replaceSubrange(entry + 8 ..< entry + 12, with: payload)
        }
        return edited
    }

    // MARK: decompression bombs

    @Test("Deflate and LZW TIFF bombs declaring 4 MP are refused from the header under a 1 MP limit", arguments: [
        ImageEncoder.TIFFCompression.deflate, .lzw,
    ])
    func tiffBombRefused(compression: ImageEncoder.TIFFCompression) throws {
        let bomb = try Self.tiffBomb(compression)
        #expect(bomb.count < 100_000, "\(bomb.count) bytes")
        #expect(throws: ImageIOError.tooLarge(width: 2000, height: 2000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(bomb))
        }
    }

    /// Before the fix, libtiff 4.5 + libdeflate returned the Deflate strip as complete with only 2
    /// of its 256 bytes written, and the raster got stale heap bytes.
    @Test("A TIFF bomb strip under a 16×16 directory gives 16×16 zeros, never stale memory", arguments: [
        ImageEncoder.TIFFCompression.deflate, .lzw,
    ])
    func tiffBombStripBounded(compression: ImageEncoder.TIFFCompression) throws {
        var bomb = Self.settingTag(256, to: 16, in: try Self.tiffBomb(compression))
        bomb = Self.settingTag(257, to: 16, in: bomb)
        bomb = Self.settingTag(278, to: 16, in: bomb)
        let decoded = try ImageDecoder(maxPixels: 1_000).decode(Data(bomb))
        #expect(decoded.raster == .uint8(Image(width: 16, height: 16, repeating: 0)))
    }

    @Test("A PNG zlib bomb declaring 4 MP is refused from IHDR; under a 16×16 IHDR only 16 rows inflate")
    func pngBomb() throws {
        let bomb = try Array(ImageEncoder.png(Image<UInt8>(width: 2000, height: 2000, repeating: 0), compressionLevel: 9))
        #expect(bomb.count < 100_000, "\(bomb.count) bytes")
        #expect(throws: ImageIOError.tooLarge(width: 2000, height: 2000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(bomb))
        }
        let chunks = PNGBytes.chunks(of: bomb)
        let small = PNGBytes.signature + PNGBytes.chunk("IHDR", PNGBytes.ihdrData(width: 16, height: 16, bitDepth: 8, colorType: 0))
            + chunks.filter { $0.type != "IHDR" }.flatMap { PNGBytes.chunk($0.type, $0.data) }
        let decoded = try ImageDecoder(maxPixels: 1_000).decode(Data(small))
        #expect(decoded.raster == .uint8(Image(width: 16, height: 16, repeating: 0)))
    }

    // MARK: TIFF structure

    @Test("A directory whose next-IFD offset points back to itself: one page; page 2 is out of range")
    func directoryLoop() throws {
        let page = TIFFBytes.Page.plain(width: 24, height: 20, bitsPerSample: 8, strip: CorruptTIFFTests.strip)
        var bytes = TIFFBytes.file([page])
        let directory = Int(Self.long(bytes, at: 4))
        let count = Int(bytes[directory]) | Int(bytes[directory + 1]) << 8
        let next = directory + 2 + 12 * count
        bytes.replaceSubrange(next ..< next + 4, with: TIFFBytes.littleEndian(UInt32(directory)))
        let decoded = try ImageDecoder().decode(Data(bytes))
        #expect(decoded.pages == 1 && decoded.raster.width == 24)
        #expect(throws: ImageIOError.pageOutOfRange(page: 1, pages: 1)) {
            try ImageDecoder(page: 1).decode(Data(bytes))
        }
    }

    @Test("Two directories pointing at each other: two pages, both decode, page 3 is out of range")
    func twoDirectoryLoop() throws {
        let page = TIFFBytes.Page.plain(width: 24, height: 20, bitsPerSample: 8, strip: CorruptTIFFTests.strip)
        var bytes = TIFFBytes.file([page, page])
        let first = Int(Self.long(bytes, at: 4))
        let second = Int(Self.long(bytes, at: first + 2 + 12 * (Int(bytes[first]) | Int(bytes[first + 1]) << 8)))
        let secondNext = second + 2 + 12 * (Int(bytes[second]) | Int(bytes[second + 1]) << 8)
        bytes.replaceSubrange(secondNext ..< secondNext + 4, with: TIFFBytes.littleEndian(UInt32(first)))
        #expect(try ImageDecoder().decode(Data(bytes)).pages == 2)
        #expect(try ImageDecoder(page: 1).decode(Data(bytes)).raster.height == 20)
        #expect(throws: ImageIOError.pageOutOfRange(page: 2, pages: 2)) {
            try ImageDecoder(page: 2).decode(Data(bytes))
        }
    }

    @Test("StripByteCounts or ImageDescription claiming 2³⁰ values: trimmed or ignored, the pixels decode", arguments: [
        TIFFBytes.Field(tag: 279, type: TIFFBytes.long, count: 1 << 30, payload: TIFFBytes.littleEndian(480) + [0, 0, 0, 0, 0]),
        TIFFBytes.Field(tag: 270, type: TIFFBytes.ascii, count: 1 << 30, payload: Array("ImageJ=1.54f\nunit=um\n".utf8)),
    ])
    func absurdTagCount(field: TIFFBytes.Field) throws {
        let page = TIFFBytes.Page.plain(width: 24, height: 20, bitsPerSample: 8, strip: CorruptTIFFTests.strip, extra: [field])
        let decoded = try ImageDecoder().decode(Data(TIFFBytes.file([page])))
        #expect(decoded.raster == .uint8(Image(width: 24, height: 20, samples: CorruptTIFFTests.strip)))
    }

    @Test("RowsPerStrip 0: corrupt, with libtiff's reason")
    func zeroRowsPerStrip() throws {
        let bytes = Self.settingTag(278, to: 0, in: CorruptTIFFTests.handMade)
        #expect(TIFFBytes.firstDirectory(of: bytes)?.values[278] == [0])
        #expect(throws: ImageIOError.corrupt(.tiff, detail: "TIFF: memory: Bad value 0 for \"RowsPerStrip\" tag")) {
            try ImageDecoder().decode(Data(bytes))
        }
    }

    // MARK: PNG structure

    static func smallPNG() throws -> [UInt8] {
        try Array(ImageEncoder.png(TestImages.pattern8(width: 24, height: 20, channels: 1)))
    }

    @Test("A PNG without IDAT chunks: corrupt")
    func missingIDAT() throws {
        let chunks = PNGBytes.chunks(of: try Self.smallPNG())
        let bytes = PNGBytes.signature + chunks.filter { $0.type != "IDAT" }.flatMap { PNGBytes.chunk($0.type, $0.data) }
        #expect(decodingErrorCase(bytes) == .corrupt(.png))
    }

    @Test("Garbage after IEND is ignored: the image decodes unchanged")
    func trailingGarbage() throws {
        let png = try Self.smallPNG()
        let decoded = try ImageDecoder().decode(Data(png + Array(repeating: 0xA5, count: 5000)))
        #expect(decoded.raster == .uint8(TestImages.pattern8(width: 24, height: 20, channels: 1)))
    }

    // MARK: JPEG

    @Test("A progressive JPEG cut after each of its scans: truncated")
    func progressiveMissingScans() throws {
        let jpeg = try Self.seed("rgb-progressive.jpg")
        #expect(try ImageDecoder().decode(Data(jpeg)).raster.width == 16)
        let scans = jpeg.indices.dropLast().filter { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xDA }
        #expect(scans.count > 2, "\(scans.count) scans")
        for start in scans.dropFirst() {
            #expect(decodingErrorCase(Array(jpeg[..<start])) == .truncated(.jpeg), "cut at scan offset \(start)")
        }
    }

    @Test("A CMYK JPEG: unsupported, naming the colour space")
    func cmykJPEG() throws {
        #expect(decodingErrorCase(try Self.seed("cmyk.jpg")) == .unsupported(.jpeg))
        #expect(throws: ImageIOError.unsupported(.jpeg, detail: "JPEG: colour space 4 (CMYK/YCCK) is not supported")) {
            try ImageDecoder().decode(Data(try Self.seed("cmyk.jpg")))
        }
    }

    // MARK: files that are not regular readable files

    @Test("A broken symbolic link and a path through a regular file: unreadableFile, no such file")
    func brokenPaths() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let link = directory + "/dangling.png"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/gone.png")
            #expect(throws: ImageIOError.unreadableFile(path: link, reason: "no such file")) {
                try ImageDecoder().decodeFile(atPath: link)
            }
            let file = directory + "/plain.txt"
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: ImageIOError.unreadableFile(path: file + "/inner.png", reason: "no such file")) {
                try ImageDecoder().decodeFile(atPath: file + "/inner.png")
            }
        }
    }

    @Test("A FIFO is refused as not a regular file instead of blocking on read")
    func fifo() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/pipe.png"
            #expect(mkfifo(path, 0o600) == 0)
            #expect(throws: ImageIOError.unreadableFile(path: path, reason: "not a regular file")) {
                try ImageDecoder().decodeFile(atPath: path)
            }
        }
    }
}
