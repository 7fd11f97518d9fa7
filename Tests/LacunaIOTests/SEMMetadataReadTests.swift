import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// `SEMMetadata.read(from:path:)`, the pipeline's single entry point: source order, sidecars found
/// by the image's stem, warnings of every source tried, and the data bar from the first source
/// that records one.
@Suite("SEMMetadata.read")
struct SEMMetadataReadTests {
    static func decoded(width: Int = 64, height: Int = 48, tags: [UInt32: [UInt8]] = [:],
                        resolution: TIFFResolution? = nil) -> DecodedImage {
        DecodedImage(format: .tiff, raster: .uint8(Image(width: width, height: height, repeating: 0)), bitsPerSample: 8,
                     channels: 1, pages: 1, tiffTags: tags, tiffResolution: resolution)
    }

    static func write(_ text: [UInt8], to path: String) throws {
        try Data(text).write(to: URL(fileURLWithPath: path))
    }

    static let jeol = Array("$CM_FORMAT JEOL-SEM\r\n$$SM_MICRON_BAR 50\r\n$$SM_MICRON_MARKER 1um\r\n$CM_FULL_SIZE 64 40\r\n".utf8)
    static let hitachi: [UInt8] = [0xFF, 0xFE] + "[SemImageFile]\r\nDataSize=64x48\r\nPixelSize=250\r\n".utf16
        .flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }

    @Test("No metadata at all: nil")
    func nothing() {
        #expect(SEMMetadata.read(from: Self.decoded()) == nil)
        #expect(SEMMetadata.read(from: Self.decoded(), path: "/nonexistent/folder/image.tif") == nil)
    }

    @Test("<stem>.txt is JEOL or Hitachi by content, next to a PNG, TIFF or JPEG name")
    func textSidecars() throws {
        try TestSupport.withTemporaryDirectory { directory in
            try Self.write(Self.jeol, to: directory + "/a.txt")
            let jeol = try #require(SEMMetadata.read(from: Self.decoded(), path: directory + "/a.png"))
            #expect(jeol.vendor == .jeol)
            #expect(jeol.pixelSize == PixelSize(square: 0.02))
            #expect(jeol.databarHeight == 8)
            #expect(jeol.databarDetail == "sidecar a.txt stored height 48 − $CM_FULL_SIZE height 40")
            try Self.write(Self.hitachi, to: directory + "/b.TXT")
            let hitachi = try #require(SEMMetadata.read(from: Self.decoded(), path: directory + "/b.tif"))
            #expect(hitachi.vendor == .hitachi)
            #expect(hitachi.pixelSize == PixelSize(square: 0.25))
            #expect(hitachi.pixelSizeDetail == "sidecar b.TXT [SemImageFile] PixelSize (nm)")
            // Another stem, or no path: no sidecar.
            #expect(SEMMetadata.read(from: Self.decoded(), path: directory + "/c.png") == nil)
            #expect(SEMMetadata.read(from: Self.decoded()) == nil)
            // A .txt that is neither vendor's is not metadata.
            try Self.write(Array("lab notes\n".utf8), to: directory + "/d.txt")
            #expect(SEMMetadata.read(from: Self.decoded(), path: directory + "/d.jpg") == nil)
        }
    }

    @Test("A sidecar over 1 MiB or a folder with the sidecar's name is ignored")
    func sidecarLimits() throws {
        try TestSupport.withTemporaryDirectory { directory in
            try Self.write(Self.jeol + [UInt8](repeating: 0x20, count: 1 << 20), to: directory + "/big.txt")
            #expect(SEMMetadata.read(from: Self.decoded(), path: directory + "/big.tif") == nil)
            try FileManager.default.createDirectory(atPath: directory + "/dir.txt", withIntermediateDirectories: false)
            #expect(SEMMetadata.read(from: Self.decoded(), path: directory + "/dir.tif") == nil)
        }
    }

    @Test("Tags win over sidecars; a sidecar is read only when the tags give no pixel size")
    func tagsFirst() throws {
        try TestSupport.withTemporaryDirectory { directory in
            try Self.write(Self.jeol, to: directory + "/t.txt")
            let fei = Array("[Scan]\r\nPixelWidth=1e-008\r\n[Image]\r\nResolutionX=64\r\nResolutionY=44\r\n".utf8) + [0]
            let withFEI = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.feiHelios: fei]),
                                                        path: directory + "/t.tif"))
            #expect(withFEI.vendor == .fei && withFEI.pixelSize == PixelSize(square: 0.01) && withFEI.databarHeight == 4)
            #expect(withFEI.warnings.isEmpty)
            // FEI text without a pixel size: the JEOL sidecar's size and bar, the FEI warning kept.
            let noSize = Array("[Image]\r\nResolutionY=44\r\n".utf8) + [0]
            let fallback = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.feiHelios: noSize]),
                                                         path: directory + "/t.tif"))
            #expect(fallback.vendor == .jeol)
            #expect(fallback.pixelSize == PixelSize(square: 0.02))
            #expect(fallback.databarHeight == 8)
            #expect(fallback.warnings.first?.hasPrefix("tag 34682: no usable [Scan] PixelWidth") == true)
        }
    }

    @Test("The winner records no bar: the first source that does supplies it")
    func databarFromEarlierSource() throws {
        try TestSupport.withTemporaryDirectory { directory in
            try Self.write(Self.hitachi, to: directory + "/h.txt")
            let noSize = Array("[Image]\r\nResolutionY=44\r\n".utf8) + [0]
            let metadata = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.feiHelios: noSize]),
                                                         path: directory + "/h.tif"))
            #expect(metadata.vendor == .hitachi && metadata.pixelSize == PixelSize(square: 0.25))
            #expect(metadata.databarHeight == 4)
            #expect(metadata.databarDetail == "tag 34682 stored height 48 − [Image] ResolutionY 44")
        }
    }

    @Test("No usable source: the first one tried, all warnings, no pixel size")
    func nothingUsable() throws {
        let zeiss = Array("AP_PIXEL_SIZE\r\nPixel Size = 10 nm\r\n".utf8)
        let metadata = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.zeissSEM: zeiss],
                                                                        resolution: TIFFResolution(x: 72, y: 72, unit: 2))))
        #expect(metadata.vendor == .zeiss && metadata.pixelSize == nil)
        // Zeiss: the display pixel refused, then "no usable…"; then the DPI note.
        #expect(metadata.warnings.count == 3)
        #expect(metadata.warnings.last?.hasPrefix("TIFF resolution: XResolution 72 per inch is a screen or print setting") == true)
    }

    @Test("ImageJ description with resolution: imagej; its resolution is not judged as plain TIFF")
    func imageJ() throws {
        let description = Array("ImageJ=1.54f\nunit=nm\n".utf8) + [0]
        let metadata = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.imageDescription: description],
                                                                        resolution: TIFFResolution(x: 0.5, y: 0.5, unit: 1))))
        #expect(metadata.vendor == .imagej && metadata.pixelSize == PixelSize(square: 0.002))
        #expect(metadata.warnings.isEmpty)
        let uncalibrated = Array("ImageJ=1.54f\nimages=3\n".utf8)
        #expect(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.imageDescription: uncalibrated],
                                                    resolution: TIFFResolution(x: 1, y: 1, unit: 1))) == nil)
    }

    @Test("Plain TIFF resolution alone: .tiff in physical units, a warning for a DPI")
    func plainResolution() throws {
        let physical = try #require(SEMMetadata.read(from: Self.decoded(resolution: TIFFResolution(x: 50_000, y: 50_000, unit: 3))))
        #expect(physical.vendor == .tiff && physical.pixelSize == PixelSize(square: 0.2))
        let dpi = try #require(SEMMetadata.read(from: Self.decoded(resolution: TIFFResolution(x: 300, y: 300, unit: 2))))
        #expect(dpi.vendor == .none && dpi.pixelSize == nil && dpi.warnings.count == 1)
    }

    @Test("A hand-made TIFF with ResolutionUnit centimetre reaches .tiff through the decoder")
    func plainResolutionFromFile() throws {
        let file = TIFFBytes.file([.plain(width: 2, height: 2, bitsPerSample: 8, strip: [1, 2, 3, 4],
                                          extra: [.rationals(282, [(40_000, 1)]), .rationals(283, [(40_000, 1)]), .shorts(296, [3])])])
        let decoded = try ImageDecoder().decode(Data(file))
        let metadata = try #require(SEMMetadata.read(from: decoded))
        #expect(metadata.vendor == .tiff && metadata.pixelSize == PixelSize(square: 0.25))
    }

    @Test("Zeiss tag and Tescan tag: Zeiss first; Titan XML in 34683 beside an empty 34682")
    func tagOrder() throws {
        let zeiss = Array("AP_IMAGE_PIXEL_SIZE\r\nImage Pixel Size = 10 nm\r\n".utf8)
        let tescan = Array("[MAIN]\r\nPixelSizeX=2e-8\r\n".utf8)
        let both = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.zeissSEM: zeiss, MetadataTag.tescan: tescan])))
        #expect(both.vendor == .zeiss && both.pixelSize == PixelSize(square: 0.01))
        let titan = Array("<Metadata><PixelSize><X>1e-9</X><Y>1e-9</Y></PixelSize></Metadata>".utf8)
        let metadata = try #require(SEMMetadata.read(from: Self.decoded(tags: [MetadataTag.feiHelios: [0], MetadataTag.feiTitan: titan])))
        #expect(metadata.vendor == .fei && metadata.pixelSize == PixelSize(square: 0.001))
        #expect(metadata.pixelSizeDetail == "tag 34683 XML PixelSize X/Y (m)")
    }
}
