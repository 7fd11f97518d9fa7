import Foundation
import LacunaImage
import LacunaIO
import Testing

/// Truncated, bit-flipped and hostile PNG files throw the exact error case, and never crash.
@Suite("Corrupt PNG")
struct CorruptPNGTests {
    /// A 48×40 RGB PNG (pattern, so the IDAT does not shrink to a few bytes) and its chunks.
    static let image = TestImages.pattern8(width: 48, height: 40, channels: 3)
    static let bytes: [UInt8] = {
        do { return Array(try ImageEncoder.png(image)) } catch { return [] }
    }()
    static let chunks = PNGBytes.chunks(of: bytes)

    @Test("The hand-written CRC-32 matches the standard check value and the encoder's chunks")
    func crcHelper() throws {
        #expect(PNGBytes.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Self.chunks.map(\.type).first == "IHDR")
        #expect(Self.chunks.map(\.type).last == "IEND")
        for chunk in Self.chunks {
            let stored = PNGBytes.readBigEndian(Self.bytes, at: chunk.end - 4)
            #expect(PNGBytes.crc32(Array(chunk.type.utf8) + chunk.data) == stored, "\(chunk.type)")
        }
    }

    @Test("Cut right after the header: truncated")
    func cutAfterHeader() throws {
        let ihdr = try #require(Self.chunks.first)
        let error = #expect(throws: ImageIOError.self) { try ImageDecoder().decode(Data(Self.bytes[..<ihdr.end])) }
        #expect(error?.errorCase == .truncated(.png))
    }

    @Test("Cut inside the signature: unknown format")
    func cutInSignature() {
        for cut in 1 ..< PNGBytes.signature.count {
            #expect(decodingErrorCase(Array(Self.bytes[..<cut])) == .unknownFormat, "cut at \(cut)")
        }
        #expect(decodingErrorCase(PNGBytes.signature) == .truncated(.png))
    }

    @Test("Every cut from the signature to the end of the last IDAT: truncated")
    func everyCutThroughImageData() throws {
        let lastIDAT = try #require(Self.chunks.last { $0.type == "IDAT" })
        #expect(lastIDAT.end > 200)
        for cut in PNGBytes.signature.count ..< lastIDAT.end {
            #expect(decodingErrorCase(Array(Self.bytes[..<cut])) == .truncated(.png), "cut at \(cut) of \(Self.bytes.count)")
        }
    }

    @Test("Missing IEND: the pixels are complete, so the image decodes")
    func missingIEND() throws {
        // The reader stops after the last row (png_read_image) and does not read the trailer; a
        // file that lost only IEND has lost no pixels.
        let lastIDAT = try #require(Self.chunks.last { $0.type == "IDAT" })
        for cut in lastIDAT.end ..< Self.bytes.count {
            let decoded = try ImageDecoder().decode(Data(Self.bytes[..<cut]))
            #expect(decoded.raster == .uint8(Self.image), "cut at \(cut)")
        }
    }

    @Test("A flipped byte in IHDR data fails its CRC: corrupt")
    func flippedIHDR() throws {
        let ihdr = try #require(Self.chunks.first)
        for offset in ihdr.offset + 8 ..< ihdr.offset + 8 + 13 {
            var damaged = Self.bytes
            damaged[offset] ^= 0x01
            #expect(decodingErrorCase(damaged) == .corrupt(.png), "flip at \(offset)")
        }
    }

    @Test("Any flipped byte between the signature and IEND is detected")
    func everyFlip() throws {
        // CRC-32 detects every single-byte error in a chunk's type and data; a damaged length makes
        // the reader run off the end or misread the next chunk.
        let iend = try #require(Self.chunks.last)
        for offset in PNGBytes.signature.count ..< iend.offset {
            var damaged = Self.bytes
            damaged[offset] ^= 0x40
            let result = decodingErrorCase(damaged)
            #expect(result == .corrupt(.png) || result == .truncated(.png), "flip at \(offset): \(String(describing: result))")
        }
    }

    @Test("IHDR declaring 100000×100000 with a valid CRC: tooLarge, before any allocation")
    func hugeDimensions() throws {
        // 16-bit RGBA: the raster would be 10¹⁰ pixels × 8 bytes = 80 GB, so an allocation before the
        // limit check could not go unnoticed.
        let hostile = PNGBytes.signature
            + PNGBytes.chunk("IHDR", PNGBytes.ihdrData(width: 100_000, height: 100_000, bitDepth: 16, colorType: 6))
            + PNGBytes.chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
            + PNGBytes.chunk("IEND", [])
        #expect(throws: ImageIOError.tooLarge(width: 100_000, height: 100_000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(hostile))
        }
        #expect(throws: ImageIOError.tooLarge(width: 100_000, height: 100_000, limit: 500_000_000)) {
            try ImageDecoder().decode(Data(hostile))
        }
    }

    @Test("The pixel limit is inclusive: exactly maxPixels decodes, one more pixel is refused")
    func limitBoundary() throws {
        let png = try ImageEncoder.png(TestImages.pattern8(width: 10, height: 10, channels: 1))
        #expect(try ImageDecoder(maxPixels: 100).decode(png).raster.width == 10)
        #expect(throws: ImageIOError.tooLarge(width: 10, height: 10, limit: 99)) {
            try ImageDecoder(maxPixels: 99).decode(png)
        }
    }

    @Test("Invalid IHDR fields with valid CRCs: corrupt", arguments: [
        ("zero width", PNGBytes.ihdrData(width: 0, height: 4, bitDepth: 8, colorType: 0)),
        ("zero height", PNGBytes.ihdrData(width: 4, height: 0, bitDepth: 8, colorType: 0)),
        ("width ≥ 2³¹", PNGBytes.ihdrData(width: 0x8000_0000, height: 4, bitDepth: 8, colorType: 0)),
        ("bit depth 3", PNGBytes.ihdrData(width: 4, height: 4, bitDepth: 3, colorType: 0)),
        ("colour type 5", PNGBytes.ihdrData(width: 4, height: 4, bitDepth: 8, colorType: 5)),
        ("16-bit palette", PNGBytes.ihdrData(width: 4, height: 4, bitDepth: 16, colorType: 3)),
    ] as [(String, [UInt8])])
    func invalidHeader(name: String, ihdr: [UInt8]) {
        let file = PNGBytes.signature + PNGBytes.chunk("IHDR", ihdr) + PNGBytes.chunk("IEND", [])
        #expect(decodingErrorCase(file) == .corrupt(.png), "\(name)")
    }

    @Test("IDAT whose zlib stream is garbage (CRC fixed up): corrupt")
    func garbageIDAT() throws {
        let ihdr = try #require(Self.chunks.first)
        let garbage = (0 ..< 300).map { UInt8(($0 * 73 + 41) % 256) }
        let file = PNGBytes.signature + PNGBytes.chunk("IHDR", ihdr.data) + PNGBytes.chunk("IDAT", garbage)
            + PNGBytes.chunk("IEND", [])
        #expect(decodingErrorCase(file) == .corrupt(.png))
    }

    @Test("Random bytes after the signature: corrupt or truncated, never a crash")
    func randomAfterSignature() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in [1, 4, 12, 25, 100, 1000] {
            for _ in 0 ..< 20 {
                var junk: [UInt8] = []
                for _ in 0 ..< length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    junk.append(UInt8(state >> 56))
                }
                let result = decodingErrorCase(PNGBytes.signature + junk)
                #expect(result == .corrupt(.png) || result == .truncated(.png), "length \(length): \(String(describing: result))")
            }
        }
    }
}
