import Foundation
import LacunaImage
import LacunaIO
import Testing

/// FEI / Thermo Fisher beyond plain tag 34682 INI: the pitfalls of real texts (NUL bytes,
/// duplicate sections, missing blank lines, disagreeing bar keys, resampled exports), tag 34680
/// INI, and the XML forms in 34680 (base64 Memento) and 34683 (Titan), Phenom `FeiImage`.
/// Facts: ../shared/reference/sem-metadata.md §1.1, §1.2, §6.8.
@Suite("FEI variants")
struct FEIVariantsTests {
    static func tag(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }

    @Test("NUL bytes inside keys and values, duplicate [MultiGISGas1] sections, no blank lines: first values win")
    func messyText() throws {
        var bytes = Array("[User]\r\nDate=06/13/2016\r\n[MultiGISUnit1]\r\n[MultiGISGas1]\r\nGasName=Pt\r\n".utf8)
        bytes += Array("[MultiGISUnit2]\r\n[MultiGISGas1]\r\nGasName=W\r\n[EScan]\r\nPixel".utf8) + [0, 0]
        bytes += Array("Width=2.5e-009\r\nPixelHeight=2.5e-0".utf8) + [0] + Array("09\r\n".utf8)
        bytes += Array("[Beam]\r\nScan=EScan\r\n[HiResIllumination]\r\nBrightFieldIsOn=\r\n[Image]\r\nResolutionX=64\r\nResolutionY=40\r\n".utf8)
        bytes += Array("[EScan]\r\nPixelWidth=9e-009\r\n".utf8) + [UInt8](repeating: 0, count: 100)
        let metadata = try #require(FEIMetadata.parse(bytes, imageHeight: 48, imageWidth: 64))
        #expect(metadata.pixelSize == PixelSize(square: 0.0025))
        #expect(metadata.pixelSizeDetail == "tag 34682 [EScan] PixelWidth/PixelHeight")
        #expect(metadata.databarHeight == 8)
        #expect(metadata.warnings.isEmpty)
    }

    @Test("Tag 34680 with xT-style INI reads like 34682 and names its tag")
    func tag34680INI() throws {
        let text = "[Scan]\r\nPixelWidth=1e-008\r\nPixelHeight=2e-008\r\n[Image]\r\nResolutionY=90\r\n"
        let metadata = try #require(FEIMetadata.parse(Self.tag(text), imageHeight: 100, tag: MetadataTag.feiSFEG))
        #expect(metadata.pixelSize == PixelSize(x: 0.01, y: 0.02))
        #expect(metadata.pixelSizeDetail == "tag 34680 [Scan] PixelWidth/PixelHeight")
        #expect(metadata.databarDetail == "tag 34680 stored height 100 − [Image] ResolutionY 90")
    }

    @Test("Old S-FEG INI (magnification only): no pixel size from a magnification constant, a warning")
    func sfegMagnificationOnly() throws {
        let text = "[DatabarData]\r\nImageName=x\r\n[Vector]\r\nMagnification=5000\r\n"
        let metadata = try #require(FEIMetadata.parse(Self.tag(text), imageHeight: 100, tag: MetadataTag.feiSFEG))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.warnings == ["tag 34680: no usable [Scan] PixelWidth, nor HFW with [Image] ResolutionX; no pixel size"])
    }

    @Test("ResolutionY and [PrivateFei] DatabarHeight disagree: ResolutionY wins, with a warning")
    func databarDisagreement() throws {
        let text = "[Scan]\r\nPixelWidth=1e-008\r\n[Image]\r\nResolutionY=442\r\n[PrivateFei]\r\nDatabarHeight=30\r\n"
        let metadata = try #require(FEIMetadata.parse(Self.tag(text), imageHeight: 471))
        #expect(metadata.databarHeight == 29)
        #expect(metadata.warnings == ["tag 34682: stored height − [Image] ResolutionY gives a 29-row data bar, "
            + "[PrivateFei] DatabarHeight says 30; using 29"])
    }

    @Test("Image width ≠ [Image] ResolutionX: resampled export, pixel size refused; the bar still read")
    func resampled() throws {
        let text = "[Scan]\r\nPixelWidth=1e-008\r\n[Image]\r\nResolutionX=1024\r\nResolutionY=884\r\n"
        let metadata = try #require(FEIMetadata.parse(Self.tag(text), imageHeight: 942, imageWidth: 512))
        #expect(metadata.pixelSize == nil && metadata.pixelSizeDetail == nil)
        #expect(metadata.warnings.count == 1 && metadata.warnings[0].contains("resampled"))
        #expect(FEIMetadata.parse(Self.tag(text), imageHeight: 942, imageWidth: 1024)?.pixelSize == PixelSize(square: 0.01))
    }

    @Test("Bad PixelHeight: square pixels from PixelWidth, with a warning")
    func badPixelHeight() throws {
        let metadata = try #require(FEIMetadata.parse(Self.tag("[Scan]\nPixelWidth=1e-8\nPixelHeight=oops\n"), imageHeight: 10))
        #expect(metadata.pixelSize == PixelSize(square: 0.01))
        #expect(metadata.pixelSizeDetail == "tag 34682 [Scan] PixelWidth (square pixels)")
        #expect(metadata.warnings.count == 1)
    }

    /// A Helios Auto Slice & View 34680 value: base64 of BOM + UTF-8 Memento XML (tifffile PR #141 layout).
    static func memento(width: String, height: String, unit: String = "MementoItemUnitMeter") -> [UInt8] {
        func item(_ name: String, _ unit: String, _ value: String) -> String {
            "<item><key><string>\(name)</string></key><value><MementoItem><Name>\(name)</Name>"
                + "<MementoItemUnit>\(unit)</MementoItemUnit><anyType xmlns:q1=\"http://www.w3.org/2001/XMLSchema\" "
                + "d13p1:type=\"q1:double\" xmlns:d13p1=\"http://www.w3.org/2001/XMLSchema-instance\">\(value)\n"
                + "</anyType></MementoItem></value></item>"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<MementoItemCollection>\n"
            + item("Height", "MementoItemUnitMeter", "1.6385923289837881E-05")
            + "<item><key><string>PixelSize</string></key><value><MementoItem><Name>PixelSize</Name>"
            + "<MementoItemUnit>MementoSection</MementoItemUnit><MementoItemSection>"
            + item("Width", unit, width) + item("Height", unit, height)
            + "</MementoItemSection></MementoItem></value></item></MementoItemCollection>"
        let encoded = Data([0xEF, 0xBB, 0xBF] + Array(xml.utf8)).base64EncodedString(options: .lineLength76Characters)
        return Array(encoded.utf8) + [0]
    }

    @Test("Tag 34680 base64 Memento XML: PixelSize Width/Height in metres; the field Height elsewhere is not used")
    func mementoXML() throws {
        let metadata = try #require(FEIMetadata.parse(Self.memento(width: "1.6001878212732306E-08", height: "1.6001878212732306E-08"),
                                                      imageHeight: 100, tag: MetadataTag.feiSFEG))
        #expect(metadata.vendor == .fei)
        #expect(metadata.pixelSize == PixelSize(square: 0.016001878212732306))
        #expect(metadata.pixelSizeDetail == "tag 34680 XML MementoItem PixelSize Width/Height (m)")
        #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
    }

    @Test("Memento XML with another unit or a bad value: no pixel size, warnings")
    func mementoRefused() throws {
        let unit = try #require(FEIMetadata.parse(Self.memento(width: "16", height: "16", unit: "MementoItemUnitNanometer"),
                                                  imageHeight: 100, tag: MetadataTag.feiSFEG))
        #expect(unit.pixelSize == nil && unit.warnings.count == 2)
        let bad = try #require(FEIMetadata.parse(Self.memento(width: "-1", height: "x"), imageHeight: 100, tag: MetadataTag.feiSFEG))
        #expect(bad.pixelSize == nil && bad.warnings.count >= 2)
    }

    @Test("Tag 34683 Titan XML: PixelSize X/Y in metres")
    func titanXML() throws {
        let xml = "<?xml version=\"1.0\"?><Metadata><Core><UserID>u</UserID></Core><BinaryResult>"
            + "<PixelSize><X>2.5e-10</X><Y>5e-10</Y></PixelSize><!-- a comment <X>9</X> --></BinaryResult></Metadata>"
        let metadata = try #require(FEIMetadata.parse(Self.tag(xml), imageHeight: 100, tag: MetadataTag.feiTitan))
        #expect(metadata.pixelSize == PixelSize(x: 0.00025, y: 0.0005))
        #expect(metadata.pixelSizeDetail == "tag 34683 XML PixelSize X/Y (m)")
    }

    @Test("Phenom FeiImage: pixelWidth used only with a unit attribute")
    func phenom() throws {
        let withUnit = "<FeiImage><pixelWidth unit=\"m\">1.2e-8</pixelWidth><pixelHeight unit=\"m\">1.2e-8</pixelHeight></FeiImage>"
        #expect(FEIMetadata.parse(Self.tag(withUnit), imageHeight: 10, tag: MetadataTag.feiTitan)?.pixelSize == PixelSize(square: 0.012))
        let bare = "<FeiImage><pixelWidth>1.2e-8</pixelWidth></FeiImage>"
        let metadata = try #require(FEIMetadata.parse(Self.tag(bare), imageHeight: 10, tag: MetadataTag.feiTitan))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.warnings == ["tag 34683: FeiImage pixelWidth without a unit attribute (metres or µm?); not used"])
    }

    @Test("XML without a known pixel size, or unreadable: FEI metadata without a pixel size, a warning")
    func unknownXML() throws {
        for xml in ["<Metadata><Stage><X>1</X></Stage></Metadata>", "<"] {
            let metadata = try #require(FEIMetadata.parse(Self.tag(xml), imageHeight: 10, tag: MetadataTag.feiTitan))
            #expect(metadata.pixelSize == nil && metadata.warnings.count == 1, "\(xml)")
        }
    }

    @Test("Base64 that is not XML, and empty tags, are not metadata")
    func notXML() {
        #expect(FEIMetadata.parse(Array(Data("hello world!".utf8).base64EncodedString().utf8), imageHeight: 10) == nil)
        #expect(FEIMetadata.parse([0], imageHeight: 10, tag: MetadataTag.feiTitan) == nil)
        #expect(FEIMetadata.parse(Array("   ".utf8), imageHeight: 10) == nil)
    }
}
