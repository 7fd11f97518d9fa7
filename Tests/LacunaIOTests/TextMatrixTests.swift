import Foundation
import LacunaImage
import LacunaIO
import Testing

@Suite("Text matrices (TOF-SIMS exports)")
struct TextMatrixTests {
    func decode(_ text: String, maxPixels: Int = 1_000_000) throws -> DecodedImage {
        try ImageDecoder(maxPixels: maxPixels).decode(Data(text.utf8))
    }

    @Test("integer counts with mixed separators, comments and blank lines: a 16-bit count image")
    func counts() throws {
        let decoded = try decode("# ion image, m/z 7\n0 1\t2\n\n3,4;5\r\n")
        #expect(decoded.format == .text)
        #expect(decoded.raster == .uint16(Image(width: 3, height: 2, samples: [0, 1, 2, 3, 4, 5])))
    }

    @Test("fractions, negatives or values above 65535 give a float image")
    func floats() throws {
        #expect(try decode("0.5 2\n70000 -1\n").raster == .float32(Image(width: 2, height: 2, samples: [0.5, 2, 70000, -1])))
    }

    @Test("ragged rows, non-numbers and oversized grids name the problem")
    func errors() {
        #expect(throws: ImageIOError.corrupt(.text, detail: "line 2 has 2 values, the first row 3")) { try decode("1 2 3\n4 5\n") }
        #expect(throws: ImageIOError.corrupt(.text, detail: "line 1: '1e999' is not a finite number")) { try decode("1 1e999\n") }
        #expect(throws: ImageIOError.tooLarge(width: 3, height: 2, limit: 5)) { try decode("1 2 3\n4 5 6\n", maxPixels: 5) }
        #expect(throws: ImageIOError.emptyImage(width: 0, height: 0)) { try decode("# 2 comment lines, no values\n#\n") }
        // Prose is not mistaken for a matrix.
        #expect(throws: ImageIOError.unknownFormat) { try decode("plain text\n") }
    }
}
