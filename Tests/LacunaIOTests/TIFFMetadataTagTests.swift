import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Vendor metadata stored in private TIFF tags reaches `DecodedImage.tiffTags` and
/// `SEMMetadata.read`, from files written by libtiff and from hand-made files.
@Suite("Metadata in TIFF tags")
struct TIFFMetadataTagTests {
    static let feiText = [
        "[User]", "Date=10/31/2020", "[Beam]", "Beam=EBeam", "Scan=EScan", "[EBeam]", "HFW=0.0016",
        "[EScan]", "PixelWidth=2.5e-008", "PixelHeight=2.5e-008", "[Scan]", "PixelWidth=2.5e-008",
        "[Image]", "ResolutionX=64", "ResolutionY=40", "[PrivateFei]", "DatabarHeight=8",
    ].joined(separator: "\r\n") + "\r\n"

    static func tescanBlob(strip: Int) -> [UInt8] {
        let text = Array("[MAIN]\r\nPixelSizeX=133.00e-9\r\nPixelSizeY=133.00e-9\r\nImageStripSize=\(strip)\r\n".utf8) + [0]
        return TIFFBytes.littleEndian(UInt32(text.count + 2)) + [2, 0] + text + [2, 0, 0, 0, 0, 0]
    }

    static func write(_ raster: Raster, _ options: ImageEncoder.TIFFOptions) throws -> DecodedImage {
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/tagged.tif"
            try ImageEncoder.writeTIFF(raster, to: path, options: options)
            return try ImageDecoder().decodeFile(atPath: path)
        }
    }

    @Test("FEI tag 34682 as ASCII, written by libtiff: pixel size and data bar", arguments: [false, true])
    func feiASCII(bigEndian: Bool) throws {
        let raster = Raster.uint8(TestImages.pattern8(width: 64, height: 48, channels: 1))
        var options = ImageEncoder.TIFFOptions()
        options.privateTag = (tag: 34682, bytes: Array(Self.feiText.utf8) + [0], ascii: true)
        options.bigEndian = bigEndian
        let decoded = try Self.write(raster, options)
        #expect(decoded.raster == raster)
        let stored = try #require(decoded.tiffTags[MetadataTag.feiHelios])
        #expect(Array(stored.prefix(Self.feiText.utf8.count)) == Array(Self.feiText.utf8))
        #expect(stored.dropFirst(Self.feiText.utf8.count).allSatisfy { $0 == 0 })
        #expect(SEMMetadata.read(from: decoded)
            == SEMMetadata(vendor: .fei, pixelSize: PixelSize(square: 0.025), databarHeight: 48 - 40,
                           pixelSizeDetail: "tag 34682 [EScan] PixelWidth/PixelHeight",
                           databarDetail: "tag 34682 stored height 48 − [Image] ResolutionY 40"))
    }

    @Test("FEI tag on a 16-bit LZW tiled file")
    func fei16BitTiled() throws {
        let raster = Raster.uint16(TestImages.pattern16(width: 64, height: 48, channels: 1))
        var options = ImageEncoder.TIFFOptions()
        options.privateTag = (tag: 34682, bytes: Array(Self.feiText.utf8) + [0], ascii: true)
        options.compression = .lzw
        options.tileSize = 32
        let decoded = try Self.write(raster, options)
        #expect(decoded.raster == raster)
        #expect(SEMMetadata.read(from: decoded)?.databarHeight == 8)
        #expect(SEMMetadata.read(from: decoded)?.pixelSize == PixelSize(square: 0.025))
    }

    @Test("Tescan tag 50431 as BYTE: pixel size and strip")
    func tescanByte() throws {
        let raster = Raster.uint8(TestImages.pattern8(width: 50, height: 300, channels: 1))
        var options = ImageEncoder.TIFFOptions()
        options.privateTag = (tag: 50431, bytes: Self.tescanBlob(strip: 60), ascii: false)
        let decoded = try Self.write(raster, options)
        #expect(decoded.tiffTags[MetadataTag.tescan] == Self.tescanBlob(strip: 60))
        #expect(SEMMetadata.read(from: decoded)
            == SEMMetadata(vendor: .tescan, pixelSize: PixelSize(square: 0.133), databarHeight: 60,
                           pixelSizeDetail: "tag 50431 PixelSizeX/PixelSizeY", databarDetail: "tag 50431 ImageStripSize"))
    }

    @Test("Hand-made file: 34682 ASCII and 50431 UNDEFINED together — FEI is read first")
    func handMadeBothTags() throws {
        let page = TIFFBytes.Page.plain(width: 64, height: 48, bitsPerSample: 8, strip: Array(repeating: 5, count: 64 * 48),
                                        extra: [.text(34682, Self.feiText),
                                                .bytes(50431, type: TIFFBytes.undefined, Self.tescanBlob(strip: 10))])
        let decoded = try ImageDecoder().decode(Data(TIFFBytes.file([page])))
        #expect(decoded.tiffTags[MetadataTag.tescan] == Self.tescanBlob(strip: 10))
        #expect(SEMMetadata.read(from: decoded)?.vendor == .fei)
        #expect(SEMMetadata.read(from: decoded)?.databarHeight == 8)
    }

    @Test("Hand-made file: 50431 as SBYTE is read like BYTE")
    func handMadeSignedBytes() throws {
        let page = TIFFBytes.Page.plain(width: 8, height: 100, bitsPerSample: 8, strip: Array(repeating: 5, count: 800),
                                        extra: [.bytes(50431, type: TIFFBytes.sbyte, Self.tescanBlob(strip: 10))])
        let decoded = try ImageDecoder().decode(Data(TIFFBytes.file([page])))
        #expect(SEMMetadata.read(from: decoded)
            == SEMMetadata(vendor: .tescan, pixelSize: PixelSize(square: 0.133), databarHeight: 10,
                           pixelSizeDetail: "tag 50431 PixelSizeX/PixelSizeY", databarDetail: "tag 50431 ImageStripSize"))
    }

    @Test("FEI text that holds no sections: the Tescan tag is tried next")
    func feiWithoutSectionsFallsThrough() throws {
        let page = TIFFBytes.Page.plain(width: 8, height: 100, bitsPerSample: 8, strip: Array(repeating: 5, count: 800),
                                        extra: [.text(34682, "no ini here"),
                                                .bytes(50431, Self.tescanBlob(strip: 10))])
        let decoded = try ImageDecoder().decode(Data(TIFFBytes.file([page])))
        #expect(SEMMetadata.read(from: decoded)?.vendor == .tescan)
    }

    @Test("A file without vendor tags has no metadata")
    func noTags() throws {
        let decoded = try Self.write(.uint8(TestImages.pattern8(width: 8, height: 8, channels: 1)), ImageEncoder.TIFFOptions())
        #expect(SEMMetadata.read(from: decoded) == nil)
    }
}
