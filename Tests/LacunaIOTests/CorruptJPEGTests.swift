import Foundation
import LacunaImage
import LacunaIO
import Testing

/// libjpeg pads a truncated scan with grey and calls it a warning; the C layer turns that warning
/// into an error, so a truncated JPEG throws `.truncated(.jpeg, _)` instead of decoding.
@Suite("Corrupt JPEG")
struct CorruptJPEGTests {
    static let bytes: [UInt8] = {
        do { return Array(try ImageEncoder.jpeg(TestImages.pattern8(width: 40, height: 32, channels: 3), quality: 90)) }
        catch { return [] }
    }()

    /// Offset of the 0xFF of the first marker segment `marker` before the scan data, walking the
    /// segment lengths from just after SOI.
    static func markerOffset(_ marker: UInt8, in bytes: [UInt8]) -> Int? {
        var i = 2
        while i + 4 <= bytes.count, bytes[i] == 0xFF {
            if bytes[i + 1] == marker { return i }
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        return nil
    }

    @Test("Truncated to half: truncated")
    func half() {
        #expect(Self.bytes.count > 500)
        let half = Array(Self.bytes[..<(Self.bytes.count / 2)])
        let error = #expect(throws: ImageIOError.self) { try ImageDecoder().decode(Data(half)) }
        #expect(error?.errorCase == .truncated(.jpeg))
    }

    @Test("Every cut point after the SOI marker: truncated")
    func everyCut() {
        for cut in 1 ..< 3 {
            #expect(decodingErrorCase(Array(Self.bytes[..<cut])) == .unknownFormat, "cut at \(cut)")
        }
        for cut in 3 ..< Self.bytes.count {
            #expect(decodingErrorCase(Array(Self.bytes[..<cut])) == .truncated(.jpeg), "cut at \(cut) of \(Self.bytes.count)")
        }
        #expect(decodingErrorCase(Self.bytes) == nil)
    }

    @Test("An unknown marker right after SOI: corrupt")
    func unknownMarker() {
        // 0xFF 0x4C is not a JPEG marker (T.81 Table B.1); libjpeg stops with "Unsupported marker type".
        let junk = (0 ..< 200).map { UInt8(($0 * 97 + 5) % 251) }
        #expect(decodingErrorCase([0xFF, 0xD8, 0xFF, 0x4C] + junk) == .corrupt(.jpeg))
    }

    @Test("Garbage between SOI and the first real marker: corrupt")
    func extraneousBytes() {
        // FF D8 FF, then bytes without 0xFF, then the rest of a valid file. libjpeg reads 0x01 (TEM,
        // a marker without parameters), skips the rest and warns "extraneous bytes before marker",
        // which the strict policy makes an error.
        let junk = (0 ..< 64).map { UInt8(($0 * 13 + 1) % 200) }
        #expect(junk.first == 0x01 && !junk.contains(0xFF))
        #expect(decodingErrorCase([0xFF, 0xD8, 0xFF] + junk + Array(Self.bytes[2...])) == .corrupt(.jpeg))
    }

    @Test("Garbage in the entropy-coded scan (headers intact): corrupt")
    func garbageScan() throws {
        let sos = try #require(Self.markerOffset(0xDA, in: Self.bytes))
        let scanStart = sos + 2 + (Int(Self.bytes[sos + 2]) << 8 | Int(Self.bytes[sos + 3]))
        var damaged = Self.bytes
        // Overwrite the middle of the scan with bytes that are never 0xFF (so no false markers).
        for i in scanStart + 20 ..< Self.bytes.count - 40 {
            damaged[i] = UInt8((i * 181 + 7) % 255)
        }
        #expect(decodingErrorCase(damaged) == .corrupt(.jpeg))
    }

    /// The file with SOF0's height and width (big-endian at offsets 5 and 7 after its 0xFF) replaced.
    static func withDimensions(width: UInt16, height: UInt16) throws -> [UInt8] {
        let sof = try #require(markerOffset(0xC0, in: bytes))
        var edited = bytes
        edited[sof + 5] = UInt8(height >> 8)
        edited[sof + 6] = UInt8(height & 0xFF)
        edited[sof + 7] = UInt8(width >> 8)
        edited[sof + 8] = UInt8(width & 0xFF)
        return edited
    }

    @Test("The SOF editing helper is right: 40×32 read back unchanged, 32×40 swaps the shape")
    func dimensionHelper() throws {
        #expect(try Self.withDimensions(width: 40, height: 32) == Self.bytes)
        let decoded = try ImageDecoder().decode(Data(Self.withDimensions(width: 32, height: 40)))
        #expect(decoded.raster.width == 32 && decoded.raster.height == 40)
    }

    @Test("SOF declaring 60000×60000: tooLarge without decoding")
    func hugeDimensions() throws {
        let hostile = try Self.withDimensions(width: 60000, height: 60000)
        #expect(throws: ImageIOError.tooLarge(width: 60000, height: 60000, limit: 1_000_000)) {
            try ImageDecoder(maxPixels: 1_000_000).decode(Data(hostile))
        }
    }

    @Test("SOF declaring zero height: corrupt")
    func zeroHeight() throws {
        #expect(decodingErrorCase(try Self.withDimensions(width: 40, height: 0)) == .corrupt(.jpeg))
    }
}
