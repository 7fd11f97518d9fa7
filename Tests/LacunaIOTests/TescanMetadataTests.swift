import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Tescan metadata: tag 50431 is a binary block list whose text blocks hold `Key=Value` lines;
/// `[MAIN] PixelSizeX/Y` in metres, `ImageStripSize` = info-panel rows
/// (../shared/reference/sem-metadata.md §1.4, Gwyddion `tescan.c` block layout).
@Suite("Tescan metadata")
struct TescanMetadataTests {
    /// A block: uint32 size (counting the type field), uint16 type, payload; little-endian.
    static func block(type: UInt16, _ payload: [UInt8]) -> [UInt8] {
        TIFFBytes.littleEndian(UInt32(payload.count + 2)) + [UInt8(type & 0xFF), UInt8(type >> 8)] + payload
    }

    /// A tag 50431 blob: a binary thumbnail block, MAIN and SEM text blocks, the end block.
    static func blob(main: [String], sem: [String] = ["HV=20.000e3", "WD=7.1057e-3"]) -> [UInt8] {
        let thumbnail: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + (0 ..< 200).map { UInt8(($0 * 151 + 3) % 256) }
        let text = { (lines: [String]) in Array(lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A, 0] }
        return block(type: 1, thumbnail) + block(type: 2, text(main)) + block(type: 3, text(sem)) + block(type: 0, [])
    }

    static let vegaMain = ["AccFrames=20", "Device=VEGA3 LMU", "ImageStripSize=240", "Magnification=1.8758e3",
                           "PixelSizeX=133.00e-9", "PixelSizeY=133.00e-9", "SerialNumber=VG12821473"]

    @Test("Binary blob with junk around the text: 0.133 µm, strip 240")
    func blobWithJunk() throws {
        let metadata = try #require(TescanMetadata.parse(Self.blob(main: Self.vegaMain), imageHeight: 1674))
        #expect(metadata.vendor == .tescan)
        #expect(metadata.pixelSize == PixelSize(square: 0.133))
        #expect(metadata.databarHeight == 240)
    }

    @Test("A '<' at a line start inside the binary thumbnail does not end the text")
    func lessThanInThumbnail() throws {
        // INIText treats a line starting with '<' as FEI's appended XML and stops; in a binary block,
        // 0x3C after any non-text byte starts such a "line".
        let bytes = Self.block(type: 1, [0xFF, 0xD8, 0x00, 0x3C, 0x3F, 0x78, 0x01, 0x3C, 0x41])
            + Self.block(type: 2, Array("PixelSizeX=133.00e-9\r\nImageStripSize=240\r\n".utf8))
        let metadata = try #require(TescanMetadata.parse(bytes, imageHeight: 1000))
        #expect(metadata.pixelSize == PixelSize(square: 0.133))
        #expect(metadata.databarHeight == 240)
        let blob = Self.blob(main: Self.vegaMain)
        #expect(zip(blob, blob.dropFirst()).contains { ($0 < 0x20 || $0 >= 0x7F) && $1 == 0x3C },
                "the generic blob's thumbnail also has a '<' after a binary byte")
    }

    @Test("Junk bytes glued to the lines do not change the values")
    func junkAdjacent() throws {
        var bytes: [UInt8] = [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFE, 0xFF, 0x1F]
        bytes += Array("PixelSizeX=133.00e-9".utf8) + [0x00, 0x91, 0xC3]
        bytes += Array("ImageStripSize=240".utf8) + [0xFF, 0x04]
        bytes += Array("PixelSizeY=266e-9".utf8) + [0x00]
        let metadata = try #require(TescanMetadata.parse(bytes, imageHeight: 1000))
        #expect(metadata.pixelSize == PixelSize(x: 0.133, y: 0.266))
        #expect(metadata.databarHeight == 240)
    }

    @Test("A sidecar-style INI with [MAIN] and [SEM] sections")
    func iniText() throws {
        let text = "[MAIN]\nImageStripSize=80\nPixelSizeX=1.6562e-07\nPixelSizeY=1.6562e-07\n\n[SEM]\nHV=20.000e3\n"
        let metadata = try #require(TescanMetadata.parse(Array(text.utf8), imageHeight: 800))
        #expect(metadata.pixelSize == PixelSize(square: 0.16562))
        #expect(metadata.databarHeight == 80)
    }

    @Test("PixelSizeY missing: square pixels")
    func squareFallback() throws {
        let metadata = TescanMetadata.parse(Self.blob(main: ["PixelSizeX=2.0756e-07"]), imageHeight: 100)
        #expect(metadata?.pixelSize == PixelSize(square: 0.20756))
        #expect(metadata?.databarHeight == 0)
    }

    @Test("ImageStripSize not below the image height, or not a number: no strip", arguments: [
        "ImageStripSize=1000", "ImageStripSize=5000", "ImageStripSize=-1", "ImageStripSize=abc",
    ])
    func badStrip(line: String) throws {
        let metadata = try #require(TescanMetadata.parse(Self.blob(main: ["PixelSizeX=133.00e-9", line]), imageHeight: 1000))
        #expect(metadata.databarHeight == 0)
    }

    @Test("No usable PixelSizeX: Tescan metadata without a pixel size, and a warning", arguments: [
        ["ImageStripSize=240"], ["PixelSizeX=abc"], ["PixelSizeX=0"], ["PixelSizeX=2"], ["PixelSizeY=133e-9"],
    ])
    func noPixelSize(main: [String]) throws {
        // Before the warnings existed this returned nil; a Tescan tag with bad values is now
        // reported, so `lacuna info` can say why the image is uncalibrated.
        let metadata = try #require(TescanMetadata.parse(Self.blob(main: main), imageHeight: 1000))
        #expect(metadata.vendor == .tescan)
        #expect(metadata.pixelSize == nil)
        #expect(metadata.pixelSizeDetail == nil)
        #expect(metadata.warnings.count == 1)
        #expect(metadata.warnings.first?.hasPrefix("tag 50431: ") == true)
    }

    @Test("A blob without any Tescan key is not Tescan metadata")
    func notTescan() {
        #expect(TescanMetadata.parse(Self.blob(main: ["Device=VEGA3 LMU"]), imageHeight: 1000) == nil)
        #expect(TescanMetadata.parse([], imageHeight: 1000) == nil)
    }

    @Test("Sidecar next to an exported image: pixel size read, no rows cut")
    func sidecar() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let image = Image(width: 20, height: 10, repeating: UInt8(90))
            let path = directory + "/graphite.png"
            try ImageEncoder.png(image).write(to: URL(fileURLWithPath: path))
            let hdr = "[MAIN]\r\nImageStripSize=240\r\nPixelSizeX=133.00e-9\r\nPixelSizeY=133.00e-9\r\n"
            try Data(hdr.utf8).write(to: URL(fileURLWithPath: directory + "/graphite.hdr"))
            let decoded = try ImageDecoder().decodeFile(atPath: path)
            // Documented choice: exports that travel with a sidecar no longer carry the panel.
            #expect(SEMMetadata.read(from: decoded, path: path)
                == SEMMetadata(vendor: .tescan, pixelSize: PixelSize(square: 0.133), databarHeight: 0,
                               pixelSizeDetail: "sidecar graphite.hdr PixelSizeX/PixelSizeY",
                               warnings: ["sidecar graphite.hdr: ImageStripSize=240 not cut (exported images rarely keep the info panel)"]))
            #expect(SEMMetadata.read(from: decoded) == nil)
            #expect(TescanMetadata.sidecar(forImageAt: directory + "/other.png", imageHeight: 10) == nil)
            // The .hdr file itself is not its own sidecar.
            #expect(TescanMetadata.sidecar(forImageAt: directory + "/graphite.hdr", imageHeight: 10) == nil)
        }
    }
}
