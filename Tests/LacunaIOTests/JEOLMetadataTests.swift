import LacunaImage
import LacunaIO
import Testing

/// JEOL `.txt` sidecars: `$$SM_MICRON_MARKER` ÷ `$$SM_MICRON_BAR` px, data bar = height − the
/// second number of `$CM_FULL_SIZE`. Sample lines: ../shared/reference/sem-metadata.md §1.5
/// (JEOL 7600F, 1280×1024 TIFF with a 64-row bar).
@Suite("JEOL metadata")
struct JEOLMetadataTests {
    static func text(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\r\n") + "\r\n").utf8) }

    static let sample = ["$CM_FORMAT JEOL-SEM", "$CM_INSTRUMENT 7600F", "$CM_LABEL OCPN", "$CM_MAG 50000",
                         "$CM_ACCEL_VOLT 1.00", "$$SM_WD 2.77", "$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 100nm",
                         "$CM_FULL_SIZE 1280 960"]

    @Test("7600F sample: 100 nm / 53 px, bar 1024 − 960 = 64 rows, rounding stated")
    func sample7600F() throws {
        let metadata = try #require(JEOLMetadata.parse(Self.text(Self.sample), name: "s.txt", imageWidth: 1280, imageHeight: 1024))
        #expect(metadata.vendor == .jeol)
        #expect(metadata.pixelSize == PixelSize(square: 0.1 / 53))
        #expect(metadata.pixelSizeDetail == "sidecar s.txt $$SM_MICRON_MARKER 100nm / $$SM_MICRON_BAR 53 px")
        #expect(metadata.databarHeight == 64)
        #expect(metadata.databarDetail == "sidecar s.txt stored height 1024 − $CM_FULL_SIZE height 960")
        #expect(metadata.warnings == ["sidecar s.txt: scale from a 53-px marker, a whole number of pixels: uncertain by up to ±0.9 %"])
    }

    @Test("Bar rounding: the size is marker / bar exactly, never rounded; the stated uncertainty is ½ px / bar",
          arguments: [(53.0, "0.9"), (200.0, "0.3"), (1000.0, "0.1"), (7.0, "7.1")])
    func barRounding(bar: Double, percent: String) throws {
        let lines = ["$$SM_MICRON_BAR \(Int(bar))", "$$SM_MICRON_MARKER 100nm", "$CM_FULL_SIZE 1280 960"]
        let metadata = try #require(JEOLMetadata.parse(Self.text(lines), name: "s.txt", imageWidth: 1280, imageHeight: 960))
        #expect(metadata.pixelSize?.x == 0.1 / bar)
        #expect(metadata.warnings.first?.hasSuffix("±\(percent) %") == true, "\(metadata.warnings)")
        #expect(metadata.databarHeight == 0 && metadata.databarDetail != nil)
    }

    @Test("Single-$ keys of newer instruments and marker units nm, um, µm, μm, mm", arguments: [
        ("100nm", 0.1), ("5um", 5.0), ("5µm", 5.0), ("5μm", 5.0), ("1mm", 1000.0), ("2.5 um", 2.5),
    ])
    func markerUnits(marker: String, micrometres: Double) throws {
        let lines = ["$CM_FORMAT JEOL-SEM", "$SM_MICRON_BAR 100", "$SM_MICRON_MARKER \(marker)"]
        let metadata = try #require(JEOLMetadata.parse(Self.text(lines), name: "n.txt", imageWidth: 640, imageHeight: 480))
        #expect(metadata.pixelSize == PixelSize(square: micrometres / 100))
        // Without $CM_FULL_SIZE the sidecar says nothing about a bar.
        #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
    }

    @Test("Latin-1 µ (byte 0xB5) in the marker")
    func latin1Marker() throws {
        let bytes = Array("$$SM_MICRON_BAR 100\r\n$$SM_MICRON_MARKER 10".utf8) + [0xB5] + Array("m\r\n".utf8)
        let metadata = try #require(JEOLMetadata.parse(bytes, name: "l.txt", imageWidth: 640, imageHeight: 480))
        #expect(metadata.pixelSize == PixelSize(square: 0.1))
    }

    @Test("Bad markers and bars: no pixel size, a warning naming the key", arguments: [
        (["$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 10deg."], "an angle"),
        (["$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 10 furlongs"], "unknown unit"),
        (["$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER nm"], "has no number"),
        (["$$SM_MICRON_BAR 0", "$$SM_MICRON_MARKER 100nm"], "not a length in pixels"),
        (["$$SM_MICRON_BAR -5", "$$SM_MICRON_MARKER 100nm"], "not a length in pixels"),
        (["$$SM_MICRON_BAR abc", "$$SM_MICRON_MARKER 100nm"], "not a length in pixels"),
        (["$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 0nm"], "not positive"),
        (["$$SM_MICRON_BAR 53"], "no $$SM_MICRON_BAR and $$SM_MICRON_MARKER"),
    ])
    func badValues(lines: [String], fragment: String) throws {
        let metadata = try #require(JEOLMetadata.parse(Self.text(["$CM_FORMAT JEOL-SEM"] + lines), name: "b.txt",
                                                       imageWidth: 640, imageHeight: 480))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.pixelSizeDetail == nil)
        #expect(metadata.warnings.contains { $0.contains(fragment) }, "\(metadata.warnings)")
    }

    @Test("Width other than $CM_FULL_SIZE: resampled, neither pixel size nor bar")
    func resampled() throws {
        let metadata = try #require(JEOLMetadata.parse(Self.text(Self.sample), name: "s.txt", imageWidth: 640, imageHeight: 512))
        #expect(metadata.pixelSize == nil && metadata.databarHeight == 0 && metadata.databarDetail == nil)
        #expect(metadata.warnings.count == 1 && metadata.warnings[0].contains("resampled"))
    }

    @Test("$CM_FULL_SIZE taller than the image, or malformed: no bar, a warning")
    func badFullSize() throws {
        let taller = try #require(JEOLMetadata.parse(Self.text(Self.sample), name: "s.txt", imageWidth: 1280, imageHeight: 900))
        #expect(taller.databarHeight == 0 && taller.databarDetail == nil)
        #expect(taller.pixelSize != nil)
        #expect(taller.warnings.contains { $0.contains("exceeds the image's 900 rows") })
        let lines = ["$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 100nm", "$CM_FULL_SIZE 1280"]
        let malformed = try #require(JEOLMetadata.parse(Self.text(lines), name: "m.txt", imageWidth: 1280, imageHeight: 1024))
        #expect(malformed.databarDetail == nil && malformed.pixelSize != nil)
        #expect(malformed.warnings.contains { $0.contains("not two positive integers") })
    }

    @Test("Text without $CM_/$SM_ keys is not JEOL")
    func notJEOL() {
        #expect(JEOLMetadata.parse(Self.text(["[SemImageFile]", "PixelSize=1"]), name: "x.txt", imageWidth: 1, imageHeight: 1) == nil)
        #expect(JEOLMetadata.parse(Self.text(["$FOO 1", "notes"]), name: "x.txt", imageWidth: 1, imageHeight: 1) == nil)
    }
}
