import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Tier 4: third-party files in ../shared/realdata. Expected values come from
/// realdata/reference_values.json and realdata/SOURCES.md (instrument metadata, "hard" trust), so
/// pixel sizes compare exactly; the suite is skipped where the folder is absent.
@Suite("Real micrographs", .enabled(if: TestSupport.realDataDirectory != nil))
struct RealMicrographTests {
    func decode(_ relativePath: String) throws -> (DecodedImage, String) {
        let path = try #require(realData(relativePath), "missing \(relativePath)")
        return (try ImageDecoder().decodeFile(atPath: path), path)
    }

    @Test("FEI Quanta sample_1.tif: 8-bit 1536×1103, 0.134896 µm, 79-row data bar")
    func feiQuanta() throws {
        let (decoded, _) = try decode("fei-quanta-porous-xsection/sample_1.tif")
        #expect(decoded.format == .tiff)
        #expect(decoded.bitsPerSample == 8)
        #expect(decoded.channels == 1)
        #expect(decoded.pages == 1)
        guard case let .uint8(image) = decoded.raster else {
            Issue.record("expected an 8-bit raster")
            return
        }
        #expect(image.width == 1536 && image.height == 1103 && image.channels == 1)
        let metadata = try #require(SEMMetadata.read(from: decoded))
        #expect(metadata.vendor == .fei)
        #expect(metadata.pixelSize == PixelSize(square: 0.134896))
        #expect(metadata.databarHeight == 79)
        #expect(image.height - metadata.databarHeight == 1024)  // [Image] ResolutionY
    }

    @Test("FEI Helios 16-bit: UInt16 raster, 3.3724 µm, 29-row bar holding 8-bit values << 8")
    func feiHelios16() throws {
        let (sixteen, _) = try decode("fei-helios-metadata/FEI-Helios-Ebeam-16bits.tif")
        let (eight, _) = try decode("fei-helios-metadata/FEI-Helios-Ebeam-8bits.tif")
        #expect(sixteen.bitsPerSample == 16)
        guard case let .uint16(wide) = sixteen.raster, case let .uint8(narrow) = eight.raster else {
            Issue.record("expected a 16-bit and an 8-bit raster")
            return
        }
        #expect(wide.width == 512 && wide.height == 471)
        #expect(narrow.width == 512 && narrow.height == 471)
        for file in [sixteen, eight] {
            let metadata = try #require(SEMMetadata.read(from: file))
            #expect(metadata.vendor == .fei)
            #expect(metadata.pixelSize == PixelSize(square: 3.3724))
            #expect(metadata.databarHeight == 29)
        }
        // SOURCES.md / sem-metadata.md §1.1: the image area is blanked (all 0) and the 16-bit file's
        // data bar is the 8-bit bar shifted left 8 bits (maximum 65280 = 255·256).
        let barStart = 442 * 512
        #expect(wide.samples[..<barStart].allSatisfy { $0 == 0 })
        #expect(wide.samples[barStart...].max() == 65280)
        #expect(zip(wide.samples[barStart...], narrow.samples[barStart...]).allSatisfy { $0 == UInt16($1) << 8 })
    }

    @Test("Every FEI file in reference_values.json matches its pixel size and data bar")
    func referenceValues() throws {
        let jsonPath = try #require(realData("reference_values.json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath)))
        let files = try #require((json as? [String: Any])?["files"] as? [[String: Any]])
        let fei = files.filter { ($0["vendor_format"] as? String)?.contains("34682") == true }
        #expect(fei.count >= 5)
        for entry in fei {
            let file = try #require(entry["file"] as? String)
            let metres = try #require(entry["pixel_size_m"] as? Double)
            let (decoded, _) = try decode(file)
            let metadata = try #require(SEMMetadata.read(from: decoded), "\(file)")
            let x = try #require(metadata.pixelSize?.x, "\(file)")
            // The JSON's number went through its writer's float formatting: compare to 1e-12.
            #expect(abs(x - metres * 1e6) <= 1e-12 * x, "\(file)")
            if let rows = entry["databar_rows"] as? Int {
                #expect(metadata.databarHeight == rows, "\(file)")
            }
        }
    }

    @Test("Tescan VEGA3 161.jpg: sidecar 161.hdr gives 0.133 µm and no row cut")
    func tescanSidecar() throws {
        let (decoded, path) = try decode("tescan-vega3-exfoliated-graphite/161.jpg")
        #expect(decoded.format == .jpeg)
        #expect(decoded.channels == 1)
        #expect(decoded.raster.width == 2034 && decoded.raster.height == 1434)
        let metadata = try #require(SEMMetadata.read(from: decoded, path: path))
        #expect(metadata.vendor == .tescan)
        #expect(metadata.pixelSize == PixelSize(square: 0.133))
        // The .hdr says ImageStripSize=240 but the exported JPEG has no panel (SEMMetadata docs).
        #expect(metadata.databarHeight == 0)
        #expect(SEMMetadata.read(from: decoded) == nil)
    }

    @Test("Zeiss 1k TIFF: 1024×768 palette image decodes; tag 34118 gives 2.615 µm")
    func zeiss() throws {
        let (decoded, path) = try decode("zeiss-sem-metadata/test_tiff_Zeiss_SEM_1k.tif")
        #expect(decoded.raster.width == 1024 && decoded.raster.height == 768)
        #expect(decoded.channels == 1)          // palette indices in the file
        #expect(decoded.raster.channels == 3)   // expanded to RGB
        let tag = try #require(decoded.tiffTags[MetadataTag.zeissSEM])
        #expect(String(decoding: tag, as: UTF8.self).contains("AP_IMAGE_PIXEL_SIZE"))
        // "Image Pixel Size = 2.615 µm" (Latin-1 µ); reference_values.json: 2.614514 µm (the
        // 4-digit print is within 2e-4 of it). The data zone is drawn over the frame: no rows cut.
        let metadata = try #require(SEMMetadata.read(from: decoded, path: path))
        #expect(metadata.vendor == .zeiss)
        #expect(metadata.pixelSize == PixelSize(square: 2.615))
        #expect(metadata.pixelSizeDetail == "tag 34118 AP_IMAGE_PIXEL_SIZE")
        #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
        #expect(metadata.warnings.isEmpty)
    }

    @Test("TOF-SIMS poplar TIC: 16-bit 256×256 counts sum to 1859292, max 296")
    func tofSIMS() throws {
        let (decoded, _) = try decode("tofsims-poplar-wood/poplar_TIC_counts_uint16.png")
        #expect(decoded.format == .png)
        #expect(decoded.bitsPerSample == 16)
        guard case let .uint16(image) = decoded.raster else {
            Issue.record("expected a 16-bit raster")
            return
        }
        #expect(image.width == 256 && image.height == 256 && image.channels == 1)
        #expect(image.samples.reduce(0) { $0 + Int($1) } == 1_859_292)
        #expect(image.samples.max() == 296)
        #expect(image.samples.sorted()[image.samples.count / 2] == 21)
    }

    @Test("ImageJ 32-bit float TIFF: decodes as a 68×68 float raster")
    func imageJFloat() throws {
        let (decoded, _) = try decode("imagej-calibrated-tiff/test_loading_image_saved_with_imageJ.tif")
        #expect(decoded.bitsPerSample == 32)
        #expect(decoded.raster.bitsPerSample == 32)
        #expect(decoded.raster.width == 68 && decoded.raster.height == 68)
    }

    @Test("Hitachi BMP: 1280×960 8-bit grey (the 1280×896 frame plus its 64-row bar)")
    func bmp() throws {
        let (decoded, _) = try decode("hitachi-polymer-membrane-foam/test_pore2.bmp")
        #expect(decoded.format == .bmp && decoded.bitsPerSample == 8 && decoded.raster.channels == 1)
        #expect(decoded.raster.width == 1280 && decoded.raster.height == 960)
    }

    @Test("realData returns nil for a file that is not there")
    func missingFile() {
        #expect(realData("no-such-folder/no-such-file.tif") == nil)
    }
}
