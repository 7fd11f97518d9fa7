import LacunaImage
import LacunaIO
import Testing

/// FEI / Thermo Fisher INI text (TIFF tag 34682): pixel size in metres → µm, data bar =
/// stored height − `[Image] ResolutionY`. Facts: ../shared/reference/sem-metadata.md §1.1.
@Suite("FEI metadata")
struct FEIMetadataTests {
    /// `text` as tag bytes with CRLF line ends and the NUL terminator real files carry.
    static func tag(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A, 0]
    }

    /// The Helios sample's lines from sem-metadata.md §1.1.
    static let helios = [
        "[Beam]", "Beam=EBeam", "Scan=EScan",
        "[EBeam]", "HFW=0.00172667", "VFW=0.0014906", "TiltCorrectionIsOn=no",
        "[Scan]", "PixelWidth=3.3724e-006", "PixelHeight=3.3724e-006", "HorFieldsize=0.00172667", "VerFieldsize=0.0014906",
        "[Image]", "ResolutionX=512", "ResolutionY=442", "MagCanvasRealWidth=0.20720",
        "[PrivateFei]", "DataBarSelected=HV curr mag HFW mode det WD Label MicronBar", "DatabarHeight=29",
    ]

    @Test("Helios text, CRLF, no blank lines between sections: 3.3724 µm exactly, 29-row bar")
    func helios() throws {
        let metadata = try #require(FEIMetadata.parse(Self.tag(Self.helios), imageHeight: 471))
        #expect(metadata.vendor == .fei)
        #expect(metadata.pixelSize == PixelSize(square: 3.3724))
        #expect(metadata.databarHeight == 471 - 442)
    }

    @Test("Metres to µm is exact: 3.3724e-006 → 3.3724, 1.34896e-007 → 0.134896")
    func exactConversion() throws {
        for (text, micrometres) in [("3.3724e-006", 3.3724), ("1.34896e-007", 0.134896), ("1.5e-8", 0.015),
                                    ("2.5E-07", 0.25), ("0.000001", 1.0), ("7e-10", 0.0007)] {
            let metadata = FEIMetadata.parse(Self.tag(["[Scan]", "PixelWidth=\(text)"]), imageHeight: 10)
            #expect(metadata?.pixelSize?.x == micrometres, "\(text)")
            #expect(metadata?.pixelSize?.y == micrometres, "PixelHeight missing → square, \(text)")
        }
    }

    @Test("LF-only line ends, blank lines, spaces around = and BOM parse the same")
    func lineEnds() throws {
        let text = "\u{FEFF}[Scan]\n\nPixelWidth = 2e-9 \nPixelHeight\t=\t4e-9\n\n[Image]\nResolutionY=90\n"
        let metadata = try #require(FEIMetadata.parse(Array(text.utf8), imageHeight: 100))
        #expect(metadata.pixelSize == PixelSize(x: 0.002, y: 0.004))
        #expect(metadata.databarHeight == 10)
    }

    @Test("NUL bytes inside and after the text are ignored")
    func nulBytes() throws {
        var bytes = Array("[Scan]\r\nPixelWidth=1.5e-008\r\n".utf8) + [0, 0]
        bytes += Array("[Image]\r\nResolution".utf8) + [0] + Array("Y=100\r\n".utf8)
        bytes += [UInt8](repeating: 0, count: 64)
        let metadata = try #require(FEIMetadata.parse(bytes, imageHeight: 120))
        #expect(metadata.pixelSize == PixelSize(square: 0.015))
        #expect(metadata.databarHeight == 20)
    }

    @Test("XML appended after the INI is ignored, even when it looks like INI")
    func appendedXML() throws {
        let lines = Self.helios + [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<Metadata>",
            "[Scan]", "PixelWidth=9e-009", "[Image]", "ResolutionY=400", "</Metadata>",
        ]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 471))
        #expect(metadata.pixelSize == PixelSize(square: 3.3724))
        #expect(metadata.databarHeight == 29)
    }

    @Test("[Beam] Scan=EScan: the EScan section wins over [Scan]")
    func eScanWins() throws {
        let lines = ["[Beam]", "Scan=EScan", "[Scan]", "PixelWidth=3e-009", "PixelHeight=3e-009",
                     "[EScan]", "PixelWidth=2e-009", "PixelHeight=2.5e-009"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 100))
        #expect(metadata.pixelSize == PixelSize(x: 0.002, y: 0.0025))
    }

    @Test("[Beam] Scan=IScan without PixelWidth there: [Scan] is used")
    func namedScanWithoutValues() throws {
        let lines = ["[Beam]", "Scan=IScan", "[IScan]", "Dwell=1e-7", "[Scan]", "PixelWidth=3e-009"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 100))
        #expect(metadata.pixelSize == PixelSize(square: 0.003))
    }

    @Test("No [Scan]: HFW of the [Beam] Beam section / [Image] ResolutionX")
    func hfwFallback() throws {
        let lines = ["[Beam]", "Beam=EBeam", "[EBeam]", "HFW=0.00172667", "[Image]", "ResolutionX=512", "ResolutionY=442"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 471))
        // 1726.67 µm / 512 px = 3.37240234375 µm. Dividing by 2⁹ is exact in binary, so the shortest
        // decimal of the metre value is "3.37240234375e-06" and the conversion gives that number.
        #expect(metadata.pixelSize == PixelSize(square: 3.37240234375))
        #expect(metadata.databarHeight == 29)
    }

    @Test("Nav-Cam: [Beam] Beam=IRBeam, 0.202732 m / 768 columns = 263.97 µm")
    func navCam() throws {
        let lines = ["[Beam]", "Beam=IRBeam", "[IRBeam]", "HFW=0.202732", "VFW=0.15", "[Image]",
                     "ResolutionX=768", "ResolutionY=512", "[PrivateFei]", "DatabarHeight=39"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 551))
        let x = try #require(metadata.pixelSize?.x)
        #expect(abs(x - 202_732.0 / 768) < 1e-9)
        #expect(metadata.databarHeight == 39)
    }

    @Test("[Beam] Beam points at a missing section and there is no [Scan]: uncalibrated")
    func missingBeamSection() throws {
        let lines = ["[Beam]", "Beam=IRBeam", "[Image]", "ResolutionX=768", "ResolutionY=512"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 551))
        #expect(metadata.vendor == .fei)
        #expect(metadata.pixelSize == nil)
        #expect(metadata.databarHeight == 39)
    }

    @Test("Unusable PixelWidth values give no pixel size", arguments: [
        "notafloat", "", "0", "-3.3724e-006", "1.5", "nan", "inf", "3.3724e-006m",
    ])
    func badPixelWidth(value: String) throws {
        let lines = ["[Scan]", "PixelWidth=\(value)", "[Image]", "ResolutionY=90"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 100))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.databarHeight == 10)
    }

    @Test("PixelWidth=notafloat with an HFW fallback available: the fallback is used")
    func badPixelWidthFallsBack() throws {
        let lines = ["[Beam]", "Beam=EBeam", "[EBeam]", "HFW=0.000512", "[Scan]", "PixelWidth=notafloat",
                     "[Image]", "ResolutionX=512"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 100))
        #expect(metadata.pixelSize == PixelSize(square: 1.0))
    }

    @Test("ResolutionY larger than the image: [PrivateFei] DatabarHeight is used")
    func resolutionYTooLarge() throws {
        let lines = ["[Scan]", "PixelWidth=1e-008", "[Image]", "ResolutionY=442", "[PrivateFei]", "DatabarHeight=29"]
        #expect(FEIMetadata.parse(Self.tag(lines), imageHeight: 400)?.databarHeight == 29)
        // ResolutionY equal to the height: no bar.
        #expect(FEIMetadata.parse(Self.tag(lines), imageHeight: 442)?.databarHeight == 0)
    }

    @Test("No usable bar information: 0 rows", arguments: [
        ["[Scan]", "PixelWidth=1e-008"],
        ["[Image]", "ResolutionY=0"],
        ["[Image]", "ResolutionY=abc"],
        ["[PrivateFei]", "DatabarHeight=100"],  // as tall as the image
        ["[PrivateFei]", "DatabarHeight=-5"],
    ])
    func noBar(lines: [String]) {
        #expect(FEIMetadata.parse(Self.tag(lines), imageHeight: 100)?.databarHeight == 0)
    }

    @Test("Repeated sections: the first value of a key wins; quotes inside values are kept")
    func repeatedSections() throws {
        let lines = ["[System]", "SystemType=Helios NanoLab\" 660", "[Scan]", "PixelWidth=4e-009",
                     "[MultiGISGas1]", "GasName=Pt", "[Scan]", "PixelWidth=8e-009", "[MultiGISGas1]", "GasName=W"]
        let metadata = try #require(FEIMetadata.parse(Self.tag(lines), imageHeight: 100))
        #expect(metadata.pixelSize == PixelSize(square: 0.004))
    }

    @Test("Text without sections or keys is not FEI metadata")
    func notMetadata() {
        #expect(FEIMetadata.parse([], imageHeight: 100) == nil)
        #expect(FEIMetadata.parse([0, 0, 0], imageHeight: 100) == nil)
        #expect(FEIMetadata.parse(Array("just a caption\r\n".utf8), imageHeight: 100) == nil)
    }
}
