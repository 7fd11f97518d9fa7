import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// `ImageEncoder.writeTIFF` then `ImageDecoder.decodeFile`, over every compression, strip and
/// tile layout, depth, channel count and byte order: all exact. The written file's own header and
/// first directory are read back by `TIFFBytes` to check that the options took effect.
@Suite("TIFF round trips")
struct TIFFRoundTripTests {
    enum Layout: Sendable, CustomStringConvertible {
        case defaultStrips, strips(rows: Int), tiles(size: Int)
        var description: String {
            switch self {
            case .defaultStrips: "default strips"
            case let .strips(rows): "strips of \(rows) rows"
            case let .tiles(size): "\(size)×\(size) tiles"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var compression: ImageEncoder.TIFFCompression
        var layout: Layout
        var bits: Int
        var channels: Int
        var bigEndian: Bool

        /// The Compression tag value (TIFF 6.0 §3 and Adobe's Deflate 8, PackBits 32773).
        var compressionCode: UInt32 {
            switch compression {
            case .none: 1
            case .lzw: 5
            case .deflate: 8
            case .packBits: 32773
            }
        }

        var testDescription: String {
            "\(compression), \(layout), \(bits)-bit, \(channels) ch, \(bigEndian ? "big" : "little")-endian"
        }
    }

    static let cases: [Case] = {
        var all: [Case] = []
        for compression: ImageEncoder.TIFFCompression in [.none, .lzw, .deflate, .packBits] {
            for layout: Layout in [.defaultStrips, .strips(rows: 3), .tiles(size: 16)] {
                for bits in [8, 16] {
                    for channels in [1, 3] {
                        for bigEndian in [false, true] {
                            all.append(Case(compression: compression, layout: layout, bits: bits,
                                            channels: channels, bigEndian: bigEndian))
                        }
                    }
                }
            }
        }
        return all
    }()

    // 37 × 22: three tile columns and two tile rows with partial edge tiles; seven full strips of
    // three rows and a last strip of one row.
    static let width = 37, height = 22

    @Test("Exact round trip", arguments: cases)
    func roundTrip(_ c: Case) throws {
        let raster: Raster = c.bits == 8
            ? .uint8(TestImages.pattern8(width: Self.width, height: Self.height, channels: c.channels))
            : .uint16(TestImages.pattern16(width: Self.width, height: Self.height, channels: c.channels))
        var options = ImageEncoder.TIFFOptions()
        options.compression = c.compression
        options.bigEndian = c.bigEndian
        switch c.layout {
        case .defaultStrips: break
        case let .strips(rows): options.rowsPerStrip = rows
        case let .tiles(size): options.tileSize = size
        }
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/image.tif"
            try ImageEncoder.writeTIFF(raster, to: path, options: options)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let ifd = try #require(TIFFBytes.firstDirectory(of: bytes))
            #expect(ifd.littleEndian == !c.bigEndian)
            #expect(ifd.values[259] == [c.compressionCode])
            #expect(ifd.values[258] == Array(repeating: UInt32(c.bits), count: c.channels))
            #expect(ifd.values[277] == [UInt32(c.channels)])
            #expect(ifd.values[262] == [c.channels == 1 ? 1 : 2])  // BlackIsZero or RGB
            switch c.layout {
            case .defaultStrips:
                #expect(ifd.values[322] == nil)
            case let .strips(rows):
                #expect(ifd.values[278] == [UInt32(rows)])
                #expect(ifd.values[273]?.count == (Self.height + rows - 1) / rows)
                #expect(ifd.values[322] == nil)
            case let .tiles(size):
                #expect(ifd.values[322] == [UInt32(size)])
                #expect(ifd.values[323] == [UInt32(size)])
                #expect(ifd.values[324]?.count == 3 * 2)
            }

            let decoded = try ImageDecoder().decodeFile(atPath: path)
            #expect(decoded.format == .tiff)
            #expect(decoded.raster == raster)
            #expect(decoded.bitsPerSample == c.bits)
            #expect(decoded.channels == c.channels)
            #expect(decoded.pages == 1)
            #expect(decoded.tiffTags.isEmpty)
        }
    }

    @Test("16-bit edge values survive big-endian storage")
    func bigEndianEdgeValues() throws {
        let image = Image(width: TestImages.edgeValues16.count, height: 1, samples: TestImages.edgeValues16)
        var options = ImageEncoder.TIFFOptions()
        options.bigEndian = true
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/be.tif"
            try ImageEncoder.writeTIFF(.uint16(image), to: path, options: options)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.prefix(4) == [0x4D, 0x4D, 0x00, 0x2A])
            // Sample 5 is 0x1234: stored most significant byte first at StripOffsets + 10.
            let stored = Int(try #require(TIFFBytes.firstDirectory(of: bytes)?.values[273]?.first))
            #expect(Array(bytes[stored + 10 ..< stored + 12]) == [0x12, 0x34])
            let decoded = try ImageDecoder().decodeFile(atPath: path)
            guard case let .uint16(back) = decoded.raster else {
                Issue.record("decoded as \(decoded.raster.bitsPerSample)-bit")
                return
            }
            #expect(back.samples == TestImages.edgeValues16)
        }
    }

    @Test("writeTIFF leaves the caller's raster unchanged", arguments: [false, true])
    func inputUnchanged(bigEndian: Bool) throws {
        // libtiff byte-swaps a scanline buffer in place when the file's byte order differs from the
        // host's; the raster handed to writeTIFF must not be that buffer.
        let raster = Raster.uint16(TestImages.pattern16(width: 9, height: 4, channels: 3))
        var options = ImageEncoder.TIFFOptions()
        options.bigEndian = bigEndian
        options.rowsPerStrip = 2
        try TestSupport.withTemporaryDirectory { directory in
            try ImageEncoder.writeTIFF(raster, to: directory + "/in.tif", options: options)
        }
        #expect(raster == .uint16(TestImages.pattern16(width: 9, height: 4, channels: 3)))
    }

    @Test("decode(Data) and decodeFile(atPath:) agree")
    func dataAndFileAgree() throws {
        let raster = Raster.uint8(TestImages.pattern8(width: 9, height: 5, channels: 3))
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/agree.tif"
            try ImageEncoder.writeTIFF(raster, to: path)
            let fromFile = try ImageDecoder().decodeFile(atPath: path)
            let fromData = try ImageDecoder().decode(Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(fromFile == fromData)
            #expect(fromFile.raster == raster)
        }
    }
}
