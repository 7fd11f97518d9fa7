import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Hitachi `.txt` sidecars: `[SemImageFile]` INI, often UTF-16LE with a BOM, `PixelSize` in nm,
/// `DataSize` checked against the image. Lines: ../shared/reference/sem-metadata.md §1.6 (TM4000).
@Suite("Hitachi metadata")
struct HitachiMetadataTests {
    static let tm4000 = ["[SemImageFile]", "InstructName=TM4000", "DataSize=1280x960", "PixelSize=496.0938",
                         "Magnification=200", "WorkingDistance=7706.35 um", "MicronMarker=200000", "DataDisplayCombine=1"]

    static func utf16LE(_ text: String, bom: Bool) -> [UInt8] {
        let units: [UInt8] = text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return (bom ? [0xFF, 0xFE] : []) + units
    }

    static let text = tm4000.joined(separator: "\r\n") + "\r\n"

    @Test("TM4000 sidecar as UTF-16LE with BOM, without BOM, as UTF-16BE with BOM and as UTF-8: 0.4960938 µm")
    func encodings() throws {
        let bigEndianUnits: [UInt8] = Self.text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let utf16BE: [UInt8] = [0xFE, 0xFF] + bigEndianUnits
        for bytes in [Self.utf16LE(Self.text, bom: true), Self.utf16LE(Self.text, bom: false), utf16BE, Array(Self.text.utf8)] {
            #expect(bytes.contains(0) == (bytes.count != Self.text.utf8.count), "UTF-16 forms hold NUL bytes")
            let metadata = try #require(HitachiMetadata.parse(bytes, name: "p.txt", imageWidth: 1280, imageHeight: 960))
            #expect(metadata.vendor == .hitachi)
            #expect(metadata.pixelSize == PixelSize(square: 0.4960938))
            #expect(metadata.pixelSizeDetail == "sidecar p.txt [SemImageFile] PixelSize (nm)")
            // The TM4000 bar is drawn over the frame: no rows from metadata.
            #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
            #expect(metadata.warnings.isEmpty)
        }
    }

    @Test("Magnification law of the sample: PixelSize × Magnification = 99 218.76 nm (127 mm / 1280 px)")
    func magnificationLaw() throws {
        let metadata = try #require(HitachiMetadata.parse(Array(Self.text.utf8), name: "p.txt", imageWidth: 1280, imageHeight: 960))
        let x = try #require(metadata.pixelSize?.x)
        #expect(abs(x * 1000 * 200 - 127e6 / 1280) < 0.01)
    }

    @Test("DataSize width ≠ image width: resampled, no pixel size; height only differing: a warning")
    func dataSizeCheck() throws {
        let wide = try #require(HitachiMetadata.parse(Array(Self.text.utf8), name: "p.txt", imageWidth: 640, imageHeight: 480))
        #expect(wide.pixelSize == nil)
        #expect(wide.warnings == ["sidecar p.txt: the image is 640 px wide but DataSize is 1280x960: resampled after "
            + "acquisition; pixel size not used"])
        let tall = try #require(HitachiMetadata.parse(Array(Self.text.utf8), name: "p.txt", imageWidth: 1280, imageHeight: 1024))
        #expect(tall.pixelSize == PixelSize(square: 0.4960938))
        #expect(tall.warnings == ["sidecar p.txt: the image has 1024 rows but DataSize is 1280x960"])
    }

    @Test("Bad PixelSize values: no pixel size and a warning", arguments: [
        "PixelSize=0", "PixelSize=-496", "PixelSize=abc", "PixelSize=", "PixelSize=nan", "PixelSize=1e12",
        "PixelSize=496 furlongs", "Magnification=200",
    ])
    func badPixelSize(line: String) throws {
        let text = ["[SemImageFile]", "DataSize=1280x960", line].joined(separator: "\r\n")
        let metadata = try #require(HitachiMetadata.parse(Array(text.utf8), name: "b.txt", imageWidth: 1280, imageHeight: 960))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.pixelSizeDetail == nil)
        #expect(metadata.warnings.count == 1, "\(metadata.warnings)")
    }

    @Test("A unit glued to PixelSize is honoured; a missing or malformed DataSize is a warning")
    func unitAndDataSize() throws {
        let text = "[SemImageFile]\r\nPixelSize=0.5 um\r\nDataSize=huge\r\n"
        let metadata = try #require(HitachiMetadata.parse(Array(text.utf8), name: "u.txt", imageWidth: 10, imageHeight: 10))
        #expect(metadata.pixelSize == PixelSize(square: 0.5))
        #expect(metadata.warnings == ["sidecar u.txt: DataSize=huge is not WIDTHxHEIGHT; size not checked"])
        let noSize = try #require(HitachiMetadata.parse(Array("[SemImageFile]\nPixelSize=2\n".utf8), name: "n.txt",
                                                        imageWidth: 10, imageHeight: 10))
        #expect(noSize.pixelSize == PixelSize(square: 0.002))
        #expect(noSize.warnings == ["sidecar n.txt: no DataSize; the image size could not be checked"])
    }

    @Test("Text not starting with [SemImageFile] is not Hitachi")
    func notHitachi() {
        #expect(HitachiMetadata.parse(Array("$CM_FORMAT JEOL-SEM\r\n".utf8), name: "j.txt", imageWidth: 1, imageHeight: 1) == nil)
        #expect(HitachiMetadata.parse(Array("[TemImageFile]\r\nPixelSize=1\r\n".utf8), name: "t.txt", imageWidth: 1, imageHeight: 1) == nil)
        #expect(HitachiMetadata.parse([], name: "e.txt", imageWidth: 1, imageHeight: 1) == nil)
    }
}
