import Foundation
import LacunaIO
import Testing

/// Every error has a one-line message for users that names what went wrong.
@Suite("Error messages")
struct ImageIOErrorTests {
    @Test("Messages are single lines and carry their values", arguments: [
        (ImageIOError.unreadableFile(path: "/x/y.tif", reason: "no such file"), ["/x/y.tif", "no such file"]),
        (.emptyFile, ["empty"]),
        (.unknownFormat, ["PNG", "JPEG", "TIFF"]),
        (.truncated(.jpeg, detail: "premature end"), ["JPEG", "premature end"]),
        (.corrupt(.png, detail: "CRC error"), ["PNG", "CRC error"]),
        (.unsupported(.tiff, detail: "CMYK"), ["TIFF", "CMYK"]),
        (.tooLarge(width: 100000, height: 100000, limit: 1000000), ["100000×100000", "1000000"]),
        (.emptyImage(width: 0, height: 5), ["0×5"]),
        (.encodeFailed(detail: "disk full"), ["disk full"]),
    ] as [(ImageIOError, [String])])
    func oneLine(error: ImageIOError, fragments: [String]) {
        #expect(!error.message.contains("\n"))
        for fragment in fragments {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("Decoder messages keep the library's reason")
    func decoderDetail() throws {
        let error = #expect(throws: ImageIOError.self) { try ImageDecoder().decode(Data(PNGBytes.signature + [0, 0])) }
        guard case let .truncated(.png, detail) = error else {
            Issue.record("expected truncated PNG, got \(String(describing: error))")
            return
        }
        #expect(!detail.isEmpty)
        #expect(!(error?.message.contains("\n") ?? true))
    }
}
