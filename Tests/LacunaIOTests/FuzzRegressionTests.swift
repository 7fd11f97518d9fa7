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

    @Test("Text-matrix values beyond Float's range are refused, not made infinite")
    func floatOverflow() {
        #expect(throws: ImageIOError.corrupt(.text, detail: "line 1: '1e39' is not a finite number")) {
            try ImageDecoder().decode(Data("1e39 0.5\n".utf8))
        }
    }
}
