import Foundation
import LacunaIO
import LacunaTestSupport
import Testing

/// `ImageFormat.sniff` reads magic bytes only (PNG ISO/IEC 15948 §5.2, JPEG ITU T.81 B.1.1.3,
/// TIFF 6.0 §2 and BigTIFF), never a file name.
@Suite("Format sniffing")
struct FormatSniffingTests {
    @Test("Signatures followed by arbitrary bytes", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], ImageFormat.png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], .jpeg),
        ([0xFF, 0xD8, 0xFF], .jpeg),
        ([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00], .tiff),  // II*\0
        ([0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08], .tiff),  // MM\0*
        ([0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00], .tiff),  // BigTIFF II+\0
        ([0x4D, 0x4D, 0x00, 0x2B, 0x00, 0x08, 0x00, 0x00], .tiff),  // BigTIFF MM\0+
    ] as [([UInt8], ImageFormat)])
    func recognised(bytes: [UInt8], format: ImageFormat) {
        #expect(ImageFormat.sniff(bytes) == format)
        #expect(ImageFormat.sniff(Data(bytes)) == format)
        #expect(ImageFormat.sniff(bytes[...]) == format)
    }

    @Test("Near misses are not recognised", arguments: [
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A],        // PNG signature one byte short
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0B],  // last signature byte wrong
        [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x0A, 0x1A, 0x0A],  // CR-LF mangled to LF-LF by a text transfer
        [0xFF, 0xD8],                                      // SOI without the next marker's 0xFF
        [0xFF, 0xD8, 0xFE],
        [0x49, 0x49, 0x00, 0x2A],                          // little-endian mark, big-endian 42
        [0x4D, 0x4D, 0x2A, 0x00],
        [0x49, 0x4D, 0x2A, 0x00],                          // mixed byte-order mark
        [0x42, 0x4D, 0x36, 0x00],                          // BMP
        Array("GIF89a".utf8),
        Array("hello, world".utf8),
        [0x00],
        [],
    ] as [[UInt8]])
    func notRecognised(bytes: [UInt8]) {
        #expect(ImageFormat.sniff(bytes) == nil)
    }

    @Test("A text file named .png is rejected by content")
    func textNamedPNG() throws {
        let text = Data("This is not a picture.\n".utf8)
        #expect(throws: ImageIOError.unknownFormat) { try ImageDecoder().decode(text) }
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/notes.png"
            try text.write(to: URL(fileURLWithPath: path))
            #expect(throws: ImageIOError.unknownFormat) { try ImageDecoder().decodeFile(atPath: path) }
        }
    }

    @Test("A PNG named .jpg decodes as PNG")
    func pngNamedJPEG() throws {
        let image = TestImages.pattern8(width: 5, height: 4, channels: 1)
        let png = try ImageEncoder.png(image)
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/photo.jpg"
            try png.write(to: URL(fileURLWithPath: path))
            let decoded = try ImageDecoder().decodeFile(atPath: path)
            #expect(decoded.format == .png)
            #expect(decoded.raster == .uint8(image))
        }
    }

    @Test("A one-byte file has no recognisable signature")
    func oneByte() {
        for byte: UInt8 in [0x00, 0x49, 0x4D, 0x89, 0xFF] {
            #expect(throws: ImageIOError.unknownFormat, "byte \(byte)") { try ImageDecoder().decode(Data([byte])) }
        }
    }
}
