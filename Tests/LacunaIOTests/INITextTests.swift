import LacunaIO
import Testing

/// The forgiving `[Section]` / `Key=Value` reader behind the FEI and Tescan parsers.
@Suite("INI text")
struct INITextTests {
    @Test("Sections, keys, comments, first value wins")
    func basics() {
        let ini = INIText(text: "; comment\n# another\n[A]\nx=1\nx=2\n[B]\n y = two words \n[A]\nz=3\nno equals sign\n=orphan\n")
        #expect(ini.value("x", in: "A") == "1")
        #expect(ini.value("z", in: "A") == "3")
        #expect(ini.value("y", in: "B") == "two words")
        #expect(ini.value("x", in: "B") == nil)
        #expect(ini.sections.keys.sorted() == ["A", "B"])
        #expect(ini.sections["A"]?.count == 2)
    }

    @Test("Names are case-sensitive; values keep '=' after the first")
    func caseAndEquals() {
        let ini = INIText(text: "[Scan]\nPixelWidth=1\nformula=a=b\n")
        #expect(ini.value("pixelwidth", in: "Scan") == nil)
        #expect(ini.value("PixelWidth", in: "scan") == nil)
        #expect(ini.value("formula", in: "Scan") == "a=b")
    }

    @Test("Numbers: finite only")
    func numbers() {
        let ini = INIText(text: "[S]\na=1.5e-3\nb=nan\nc=inf\nd=12abc\ne=-0\n")
        #expect(ini.number("a", in: "S") == 1.5e-3)
        #expect(ini.number("b", in: "S") == nil)
        #expect(ini.number("c", in: "S") == nil)
        #expect(ini.number("d", in: "S") == nil)
        #expect(ini.number("e", in: "S") == 0)
    }

    @Test("anyNumber searches sections in sorted name order")
    func anyNumber() {
        let ini = INIText(text: "[Zeta]\nk=2\n[Alpha]\nk=1\n[Mid]\nk=x\n")
        #expect(ini.anyNumber("k") == 1)
        #expect(ini.anyNumber("missing") == nil)
    }

    @Test("ISO-8859-1 bytes (µ = 0xB5) are read when the text is not UTF-8")
    func latin1() {
        let bytes = Array("[Zeiss]\nUnit=".utf8) + [0xB5] + Array("m\nWidth=25.24\n".utf8)
        let ini = INIText(bytes: bytes)
        #expect(ini.value("Unit", in: "Zeiss") == "\u{00B5}m")
        #expect(ini.number("Width", in: "Zeiss") == 25.24)
    }

    @Test("A line starting with '<' ends the INI part")
    func xmlStops() {
        let ini = INIText(text: "[A]\nx=1\n<?xml version=\"1.0\"?>\n[B]\ny=2\n")
        #expect(ini.value("x", in: "A") == "1")
        #expect(ini.sections["B"] == nil)
    }
}
