@testable import LacunaIO
import Testing

/// The text helpers under the vendor parsers: byte decoding, lengths with units, the XML reader.
@Suite("Metadata text helpers")
struct MetadataTextParsingTests {
    @Test("Decoding: BOMs, BOM-less UTF-16LE, UTF-8, Latin-1 fallback, NULs dropped")
    func decoding() {
        let text = "[SemImageFile]\r\nPixelSize=1"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(MetadataText.decode([0xFF, 0xFE] + le) == text)
        #expect(MetadataText.decode(le) == text)
        #expect(MetadataText.decode([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == text)
        #expect(MetadataText.decode([0xEF, 0xBB, 0xBF] + Array("µm".utf8)) == "µm")
        #expect(MetadataText.decode([0x32, 0xB5, 0x6D, 0x00, 0x00]) == "2µm")
        #expect(MetadataText.decode(Array("a".utf8) + [0, 0] + Array("b".utf8)) == "ab")
        #expect(MetadataText.decode([]) == "")
    }

    @Test("Splitting number and unit", arguments: [
        ("12.33 nm", "12.33", "nm"), ("100nm", "100", "nm"), ("5.8e-9 m", "5.8e-9", "m"), ("-3.5e+2µm", "-3.5e+2", "µm"),
        (" 2.677 mm ", "2.677", "mm"), ("7", "7", ""), (".5 um", ".5", "um"), ("3e", "3", "e"), ("10deg.", "10", "deg."),
    ])
    func split(text: String, number: String, unit: String) throws {
        let parts = try #require(LengthText.split(text))
        #expect(parts.number == number && parts.unit == unit)
    }

    @Test("No leading number: nil", arguments: ["nm", "", "nan nm", "inf", "-", ".", "e5 nm"])
    func noNumber(text: String) {
        #expect(LengthText.split(text) == nil)
    }

    @Test("Decimal scaling is exact: the double nearest the decimal result", arguments: [
        ("12.33", -3, 0.01233), ("3.3724e-006", 6, 3.3724), ("1.6001878212732306E-08", 6, 0.016001878212732306),
        ("850.3", -6, 0.0008503), ("0.002615", 3, 2.615), ("2", 0, 2.0),
    ])
    func scaling(number: String, power: Int, expected: Double) {
        #expect(LengthText.scaled(number, byPowerOfTen: power) == expected)
    }

    @Test("Unit exponents: the length units vendors print; others are unknown")
    func unitExponents() {
        let known: [(String, Int)] = [("fm", -9), ("pm", -6), ("Å", -4), ("nm", -3), ("µm", 0), ("μm", 0), ("um", 0),
                                      ("micron", 0), ("mm", 3), ("cm", 4), ("m", 6), ("NM", -3)]
        for (unit, power) in known { #expect(LengthText.exponent(ofUnit: unit) == power, "\(unit)") }
        for unit in ["", "?m", "furlongs", "deg.", "inch", "px"] { #expect(LengthText.exponent(ofUnit: unit) == nil, "\(unit)") }
    }

    @Test("XML: nesting, attributes, entities, CDATA, comments, prefixes, self-closing tags")
    func xml() throws {
        let text = """
            <?xml version="1.0"?><!DOCTYPE x><a:Root xmlns:a="urn:x"><!-- <Skip/> -->
            <Item unit='m' b="1 &amp; 2">A &lt;5&gt; &#65;&#x42;</Item><Empty/><Item><![CDATA[<raw>]]></Item></a:Root>
            """
        let root = try #require(XMLNode.parse(text))
        let top = try #require(root.child(named: "Root"))
        #expect(top.children.map(\.name) == ["Item", "Empty", "Item"])
        #expect(top.children[0].attributes == ["unit": "m", "b": "1 & 2"])
        #expect(top.children[0].trimmedText == "A <5> AB")
        #expect(top.children[2].trimmedText == "<raw>")
        #expect(root.subtree.map(\.name) == ["", "Root", "Item", "Empty", "Item"])
    }

    @Test("XML: mismatched and missing end tags are tolerated; too deep or empty documents give nil")
    func xmlMalformed() throws {
        let root = try #require(XMLNode.parse("<a><b><c>1</b><d>2</x></a>"))
        let a = try #require(root.child(named: "a"))
        #expect(a.children.map(\.name) == ["b", "d"])
        #expect(a.child(named: "b")?.child(named: "c")?.text == "1")
        #expect(XMLNode.parse("<open><inner>text") != nil)
        #expect(XMLNode.parse(String(repeating: "<x>", count: 300)) == nil)
        #expect(XMLNode.parse("just text") == nil)
        #expect(XMLNode.parse("") == nil)
    }
}
