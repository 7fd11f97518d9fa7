import LacunaImage
@testable import LacunaIO
import Testing

/// Zeiss SmartSEM tag 34118 (ISO-8859-1): `AP_IMAGE_PIXEL_SIZE`, else `AP_WIDTH` ÷ width, never
/// `AP_PIXEL_SIZE` (a 1024-px display pixel) except at 1024 px. Example lines and the 512/1024/2048
/// px facts: ../shared/reference/sem-metadata.md §1.3, §6.1.
@Suite("Zeiss metadata")
struct ZeissMetadataTests {
    /// A tag as SmartSEM writes it: the bare-number header, then key / `Label = value` pairs,
    /// CRLF, NUL-terminated, every character one ISO-8859-1 byte (µ is 0xB5).
    static func tag(_ pairs: [(String, String)]) -> [UInt8] {
        let lines = ["0", "0", "0", "2.465245e-008", "1.045845e+002"] + pairs.flatMap { [$0.0, $0.1] }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } + [0, 0]
    }

    /// The 2048-px two-page sample's lines (§1.3).
    static let sample2048: [(String, String)] = [
        ("DP_IMAGE_STORE", "Store resolution = 2048 * 1536"), ("AP_PIXEL_SIZE", "Pixel Size = 24.65 nm"),
        ("AP_IMAGE_PIXEL_SIZE", "Image Pixel Size = 12.33 nm"), ("AP_WIDTH", "Width = 25.24 µm"),
        ("DP_TILT_CORRECTION", "Tilt Corrn. = On"), ("AP_TILT_ANGLE", "Tilt Angle = -37.0 °"), ("AP_DATE", "Date :25 Sep 2018"),
    ]

    @Test("The tag bytes are Latin-1: µ is the single byte 0xB5, so the text is not UTF-8")
    func latin1Bytes() {
        let bytes = Self.tag(Self.sample2048)
        #expect(bytes.contains(0xB5))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test("2048 px: AP_IMAGE_PIXEL_SIZE 12.33 nm, not the 24.65 nm display pixel; the trap is recorded")
    func displayPixelTrap2048() throws {
        let metadata = try #require(ZeissMetadata.parse(Self.tag(Self.sample2048), imageWidth: 2048))
        #expect(metadata.vendor == .zeiss)
        #expect(metadata.pixelSize == PixelSize(square: 0.01233))
        #expect(metadata.pixelSizeDetail == "tag 34118 AP_IMAGE_PIXEL_SIZE")
        #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
        #expect(metadata.warnings == ["tag 34118: display-pixel trap avoided: AP_PIXEL_SIZE 24.65 nm is the pixel of a "
            + "1024-px display; this 2048-px image has 12.33 nm"])
    }

    @Test("512 px without AP_IMAGE_PIXEL_SIZE (V05): AP_WIDTH 5.965 µm / 512 = 11.65 nm, not 5.825 nm")
    func displayPixelTrap512() throws {
        let pairs = [("DP_IMAGE_STORE", "Store resolution = 512 * 384"), ("AP_PIXEL_SIZE", "Pixel Size = 5.825 nm"),
                     ("AP_WIDTH", "Width = 5.965 µm")]
        let metadata = try #require(ZeissMetadata.parse(Self.tag(pairs), imageWidth: 512))
        let x = try #require(metadata.pixelSize?.x)
        #expect(x == 5.965 / 512)
        // rosettasciio asserts 0.011649976 µm (first bare number × 1024 / width) for this sample.
        #expect(abs(x - 0.011649976) / 0.011649976 < 1e-4)
        #expect(metadata.pixelSizeDetail == "tag 34118 AP_WIDTH / 512 px")
        #expect(metadata.warnings.count == 1)
        #expect(metadata.warnings.first?.contains("display-pixel trap avoided: AP_PIXEL_SIZE 5.825 nm") == true)
    }

    @Test("Only AP_PIXEL_SIZE: used at 1024 px, refused with a warning at 512 and 2048 px")
    func onlyDisplayPixel() throws {
        let pairs = [("AP_PIXEL_SIZE", "Pixel Size = 2.615 µm")]
        let at1024 = try #require(ZeissMetadata.parse(Self.tag(pairs), imageWidth: 1024))
        #expect(at1024.pixelSize == PixelSize(square: 2.615))
        #expect(at1024.warnings.isEmpty)
        for width in [512, 2048] {
            let other = try #require(ZeissMetadata.parse(Self.tag(pairs), imageWidth: width))
            #expect(other.pixelSize == nil, "\(width) px")
            #expect(other.pixelSizeDetail == nil)
            #expect(other.warnings.contains { $0.contains("1024-px display") && $0.contains("\(width)-px image") })
        }
    }

    @Test("Units in the value: pm, nm, µm, mm", arguments: [
        ("850.3 pm", 0.0008503), ("12.33 nm", 0.01233), ("2.615 µm", 2.615), ("0.002615 mm", 2.615),
    ])
    func units(value: String, micrometres: Double) throws {
        let metadata = try #require(ZeissMetadata.parse(Self.tag([("AP_IMAGE_PIXEL_SIZE", "Image Pixel Size = \(value)")]),
                                                        imageWidth: 1024))
        #expect(metadata.pixelSize == PixelSize(square: micrometres))
    }

    @Test("The same text stored as UTF-8 (µ = C2 B5) reads the same")
    func utf8Text() throws {
        let text = "AP_IMAGE_PIXEL_SIZE\r\nImage Pixel Size = 2.615 µm\r\n"
        #expect(ZeissMetadata.parse(Array(text.utf8), imageWidth: 1024)?.pixelSize == PixelSize(square: 2.615))
    }

    @Test("'?m' (µ lost in re-encoding) is read as µm, with a warning")
    func questionMarkMicrometre() throws {
        let metadata = try #require(ZeissMetadata.parse(Self.tag([("AP_IMAGE_PIXEL_SIZE", "Image Pixel Size = 2.615 ?m")]),
                                                        imageWidth: 1024))
        #expect(metadata.pixelSize == PixelSize(square: 2.615))
        #expect(metadata.warnings == ["tag 34118: AP_IMAGE_PIXEL_SIZE unit \"?m\" read as µm (µ lost in a re-encoding)"])
    }

    @Test("Bad values fall back to AP_WIDTH; with nothing usable: no pixel size and warnings", arguments: [
        "0.00 nm", "-12.33 nm", "nan nm", "12.33 furlongs", "12.33", "", "1e9 mm", "inf nm",
    ])
    func badValues(value: String) throws {
        let bad = [("AP_IMAGE_PIXEL_SIZE", "Image Pixel Size = \(value)")]
        let alone = try #require(ZeissMetadata.parse(Self.tag(bad), imageWidth: 1024))
        #expect(alone.pixelSize == nil, "\(value)")
        #expect(alone.warnings.count == 2, "\(alone.warnings)")
        #expect(alone.warnings.last == "tag 34118: no usable AP_IMAGE_PIXEL_SIZE, AP_WIDTH or AP_PIXEL_SIZE for this "
            + "image; no pixel size")
        let withWidth = try #require(ZeissMetadata.parse(Self.tag(bad + [("AP_WIDTH", "Width = 2.048 mm")]), imageWidth: 1024))
        #expect(withWidth.pixelSize == PixelSize(square: 2.0))
        #expect(withWidth.pixelSizeDetail == "tag 34118 AP_WIDTH / 1024 px")
    }

    @Test("A file resampled after acquisition: Store resolution ≠ width → AP_WIDTH / width, with a warning")
    func resampled() throws {
        let metadata = try #require(ZeissMetadata.parse(Self.tag(Self.sample2048), imageWidth: 1024))
        #expect(metadata.pixelSize == PixelSize(square: 25.24 / 1024))
        #expect(metadata.warnings.contains { $0.contains("DP_IMAGE_STORE width 2048 px differs from the image's 1024 px") })
        let noWidth = Self.sample2048.filter { $0.0 != "AP_WIDTH" }
        #expect(try #require(ZeissMetadata.parse(Self.tag(noWidth), imageWidth: 1024)).pixelSize == nil)
    }

    @Test("AP_IMAGE_PIXEL_SIZE disagreeing with AP_WIDTH / width by more than 1 %: used, with a warning")
    func crossCheck() throws {
        let pairs = [("AP_IMAGE_PIXEL_SIZE", "Image Pixel Size = 12.33 nm"), ("AP_WIDTH", "Width = 26.00 µm")]
        let metadata = try #require(ZeissMetadata.parse(Self.tag(pairs), imageWidth: 2048))
        #expect(metadata.pixelSize == PixelSize(square: 0.01233))
        #expect(metadata.warnings.count == 1 && metadata.warnings[0].contains("differ by more than 1 %"))
    }

    @Test("Text without AP_/DP_ keys is not Zeiss metadata")
    func notZeiss() {
        #expect(ZeissMetadata.parse([], imageWidth: 1024) == nil)
        #expect(ZeissMetadata.parse(Array("0\r\n0\r\n0\r\n2.6e-006\r\n".utf8), imageWidth: 1024) == nil)
        #expect(ZeissMetadata.parse(Array("[Scan]\r\nPixelWidth=1e-9\r\n".utf8), imageWidth: 1024) == nil)
    }

    @Test("Key-value parsing: '=' or ':' separators, first occurrence wins, a key on the last line is ignored")
    func keyValues() {
        let text = "AP_WIDTH\r\nWidth = 1 mm\r\nAP_DATE\r\nDate :25 Sep 2018\r\nAP_WIDTH\r\nWidth = 2 mm\r\nAP_LAST"
        #expect(ZeissMetadata.keyValues(text) == ["AP_WIDTH": "1 mm", "AP_DATE": "25 Sep 2018"])
    }
}
