import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Truncated and hostile TIFF files throw the exact error case and never crash.
@Suite("Corrupt TIFF")
struct CorruptTIFFTests {
    /// A 24×20 grey strip (480 bytes), directory before the data, so cuts can land in the pixels.
    static let strip = TestImages.pattern8(width: 24, height: 20, channels: 1).samples
    static let handMade = TIFFBytes.file([.plain(width: 24, height: 20, bitsPerSample: 8, strip: strip)])

    /// A file as libtiff writes it (LZW strips of 4 rows, directory after the data).
    static func libtiffFile() throws -> [UInt8] {
        var options = ImageEncoder.TIFFOptions()
        options.compression = .lzw
        options.rowsPerStrip = 4
        return try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/lzw.tif"
            try ImageEncoder.writeTIFF(.uint8(TestImages.pattern8(width: 24, height: 20, channels: 1)), to: path,
                                       options: options)
            return try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    @Test("The hand-made file decodes to its strip")
    func handMadeIsValid() throws {
        let decoded = try ImageDecoder().decode(Data(Self.handMade))
        #expect(decoded.raster == .uint8(Image(width: 24, height: 20, samples: Self.strip)))
    }

    @Test("Cut inside the pixel data: every cut point throws")
    func cutInStrip() throws {
        let stripStart = Self.handMade.count - Self.strip.count
        for cut in stripStart ..< Self.handMade.count {
            let result = decodingErrorCase(Array(Self.handMade[..<cut]))
            #expect(result == .truncated(.tiff), "cut at \(cut): \(String(describing: result))")
        }
    }

    @Test("Cut inside the header or directory: every cut point throws")
    func cutInDirectory() throws {
        let stripStart = Self.handMade.count - Self.strip.count
        for cut in 1 ..< 4 {
            #expect(decodingErrorCase(Array(Self.handMade[..<cut])) == .unknownFormat, "cut at \(cut)")
        }
        for cut in 4 ..< stripStart {
            let result = decodingErrorCase(Array(Self.handMade[..<cut]))
            #expect(result == .truncated(.tiff) || result == .corrupt(.tiff), "cut at \(cut): \(String(describing: result))")
        }
    }

    @Test("A libtiff-written LZW file cut anywhere throws")
    func cutLibtiffFile() throws {
        let bytes = try Self.libtiffFile()
        #expect(try ImageDecoder().decode(Data(bytes)).raster.width == 24)
        for cut in 4 ..< bytes.count {
            let result = decodingErrorCase(Array(bytes[..<cut]))
            // Cuts that remove bytes libtiff then asks for are truncations; a cut that leaves a
            // readable but inconsistent directory is corruption.
            #expect(result == .truncated(.tiff) || result == .corrupt(.tiff),
                    "cut at \(cut) of \(bytes.count): \(String(describing: result))")
        }
    }

    @Test("Header pointing past the end of the file: truncated (the file ends before its directory); offset 0: corrupt")
    func directoryPastEnd() throws {
        var bytes = Self.handMade
        bytes.replaceSubrange(4 ..< 8, with: TIFFBytes.littleEndian(UInt32(bytes.count + 1000)))
        #expect(decodingErrorCase(bytes) == .truncated(.tiff))
        bytes.replaceSubrange(4 ..< 8, with: TIFFBytes.littleEndian(0xFFFF_FFF0))
        #expect(decodingErrorCase(bytes) == .truncated(.tiff))
        bytes.replaceSubrange(4 ..< 8, with: TIFFBytes.littleEndian(0))
        #expect(decodingErrorCase(bytes) == .corrupt(.tiff))
    }

    @Test("StripOffsets past the end of the file: truncated (the strip lies beyond the end)")
    func stripPastEnd() throws {
        var edited = Self.handMade
        let entryCount = Int(edited[8]) | Int(edited[9]) << 8
        let target = UInt32(edited.count + 1 << 20)
        for entry in stride(from: 10, to: 10 + 12 * entryCount, by: 12) where edited[entry] == 0x11 && edited[entry + 1] == 0x01 {
            edited.replaceSubrange(entry + 8 ..< entry + 12, with: TIFFBytes.littleEndian(target))  // tag 273
        }
        #expect(TIFFBytes.firstDirectory(of: edited)?.values[273] == [target])
        #expect(decodingErrorCase(edited) == .truncated(.tiff))
    }

    @Test("Dimensions of 40000×40000: tooLarge before the raster exists")
    func hugeDimensions() {
        let file = TIFFBytes.file([.plain(width: 40000, height: 40000, bitsPerSample: 8, strip: Self.strip)])
        #expect(throws: ImageIOError.tooLarge(width: 40000, height: 40000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(file))
        }
    }

    @Test("Random garbage behind a TIFF signature: corrupt or truncated, never decoded", arguments: [
        [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], [0x49, 0x49, 0x2B, 0x00], [0x4D, 0x4D, 0x00, 0x2B],
    ] as [[UInt8]])
    func garbage(magic: [UInt8]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [0, 1, 4, 8, 16, 100, 1000, 5000] {
            for _ in 0 ..< 10 {
                var junk: [UInt8] = []
                for _ in 0 ..< length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    junk.append(UInt8(state >> 56))
                }
                let result = decodingErrorCase(magic + junk)
                // A random directory offset usually points past the end, which reads as truncation.
                #expect(result == .corrupt(.tiff) || result == .truncated(.tiff),
                        "\(length) bytes: \(String(describing: result))")
            }
        }
    }

    @Test("Garbage directory entries behind a valid header never crash the reader")
    func garbageDirectory() {
        // Keep the header and the entry count, scramble the directory entries one byte at a time.
        var state: UInt64 = 12345
        var outcomes: [ErrorCase?] = []
        for _ in 0 ..< 300 {
            var bytes = Self.handMade
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let entryCount = Int(bytes[8]) | Int(bytes[9]) << 8
            let offset = 10 + Int(state >> 33) % (12 * entryCount)
            bytes[offset] ^= UInt8(truncatingIfNeeded: state >> 13) | 1
            outcomes.append(decodingErrorCase(bytes))
        }
        // Whatever libtiff makes of the damage, the outcome is a TIFF error or a decoded image.
        let allowed: [ErrorCase?] = [.corrupt(.tiff), .truncated(.tiff), .unsupported(.tiff), .emptyImage, .tooLarge, nil]
        for outcome in outcomes {
            #expect(allowed.contains(outcome), "\(String(describing: outcome))")
        }
    }
}
