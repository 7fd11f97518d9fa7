import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Inputs the decode fuzz target crashed on (Tests/Regressions/decode, docs/reliability.md),
/// replayed with the outcome the fix gives.
@Suite("Fuzz regressions: decoding")
struct DecodeFuzzRegressionTests {
    static func regression(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Regressions/decode/\(name)"))
    }

    @Test("A text matrix with a line of separators only: the line is skipped (was a trap on width 0)")
    func separatorOnlyRow() throws {
        let data = try Self.regression("separator-only-row.txt")
        #expect(Array(data) == Array("\n ,\n  ,134".utf8))
        let decoded = try ImageDecoder().decode(data)
        #expect(decoded.format == .text && decoded.raster == .uint16(Image(width: 1, height: 1, samples: [134])))
    }

    @Test("A 16×12 TIFF whose strips or tiles claim 4 GB: corrupt, without allocating them (was out of memory)")
    func hugeTile() throws {
        let data = try Self.regression("huge-tile.tif")
        #expect(data.count == 216)
        do {
            _ = try ImageDecoder().decode(data)
            Issue.record("decoded")
        } catch {
            guard case let .corrupt(format, detail) = error else { Issue.record("\(error)"); return }
            #expect(format == .tiff)
            #expect(detail.hasPrefix("TIFF: invalid "), "\(detail)")
            #expect(detail.hasSuffix(" bytes for a 16x12 image)"), "\(detail)")
        }
    }

    @Test("Text-matrix values beyond Float's range are refused, not made infinite")
    func floatOverflow() {
        #expect(throws: ImageIOError.corrupt(.text, detail: "line 1: '1e39' is not a finite number")) {
            try ImageDecoder().decode(Data("1e39 0.5\n".utf8))
        }
    }
}
