import Foundation
import LacunaReport
import Testing

@Suite("CSV encoding (RFC 4180)")
struct CSVTableTests {
    @Test("plain fields as they are; comma, quote, CR and LF quoted with quotes doubled; one \\n per row")
    func encoding() throws {
        var table = CSVTable(header: ["image", "note"])
        table.append(["a.tif", "1.5"])
        table.append(["a,b.tif", "say \"hi\""])
        table.append(["line\nbreak", "cr\rhere"])
        table.append(["µm²", ""])
        let text = String(decoding: table.encoded(), as: UTF8.self)
        #expect(text == "image,note\na.tif,1.5\n\"a,b.tif\",\"say \"\"hi\"\"\"\n\"line\nbreak\",\"cr\rhere\"\nµm²,\n")
        // Read back by yaslab/CSV.swift's reader: the fields survive.
        let back = try TableFile.parse(text, path: "t.csv")
        #expect(back.rows == [["a.tif", "1.5"], ["a,b.tif", "say \"hi\""], ["line\nbreak", "cr\rhere"], ["µm²", ""]])
    }
}
