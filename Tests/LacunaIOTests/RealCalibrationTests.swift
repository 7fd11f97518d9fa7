import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Tier 4 calibration: every "hard" pixel size in ../shared/realdata/reference_values.json is
/// reproduced by `SEMMetadata.read` to 1e-3 relative — the precision the metadata prints (Zeiss
/// writes 4 significant digits: "2.615 µm" against rosettasciio's 2.614514 µm) — and every data
/// bar the metadata records matches exactly. Skipped where the folder is absent.
@Suite("Real calibration", .enabled(if: TestSupport.realDataDirectory != nil))
struct RealCalibrationTests {
    struct Entry {
        var file: String
        var metres: Double
        var databarRows: Int?
        var imageSize: (width: Int, height: Int)?
    }

    /// The entries whose pixel size is trusted as "hard" (instrument metadata or a library's own test).
    static func hardEntries() throws -> [Entry] {
        let path = try #require(realData("reference_values.json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let files = try #require((json as? [String: Any])?["files"] as? [[String: Any]])
        return files.compactMap { entry in
            let trust = (entry["pixel_size_trust"] as? String) ?? (entry["trust"] as? String) ?? ""
            guard trust.hasPrefix("hard"), let file = entry["file"] as? String, let metres = entry["pixel_size_m"] as? Double
            else { return nil }
            let size = (entry["image_size_px"] as? [Int]).flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
            return Entry(file: file, metres: metres, databarRows: entry["databar_rows"] as? Int, imageSize: size)
        }
    }

    @Test("Each hard pixel size to 1e-3, each recorded bar exactly; x and y alike")
    func hardValues() throws {
        let entries = try Self.hardEntries()
        // FEI ×5, Zeiss, ImageJ, Tescan ×3, Hitachi sidecar.
        #expect(entries.count == 11)
        for entry in entries {
            let metadata = try metadata(for: entry)
            let expected = entry.metres * 1e6
            let size = try #require(metadata.pixelSize, "\(entry.file): \(metadata.warnings)")
            #expect(abs(size.x - expected) <= 1e-3 * expected, "\(entry.file): \(size.x) µm vs \(expected)")
            #expect(abs(size.y - expected) <= 1e-3 * expected, "\(entry.file): \(size.y) µm vs \(expected)")
            if let rows = entry.databarRows {
                #expect(metadata.databarHeight == rows, "\(entry.file)")
                #expect(metadata.databarDetail != nil, "\(entry.file)")
            }
        }
    }

    func metadata(for entry: Entry) throws -> SEMMetadata {
        let path = try #require(realData(entry.file), "missing \(entry.file)")
        if entry.file.hasSuffix(".txt") {
            // The Hitachi sidecar's image is not in the folder (SOURCES.md §10): parse it for the
            // size its DataSize names.
            let size = try #require(entry.imageSize)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            return try #require(HitachiMetadata.parse(bytes, name: URL(fileURLWithPath: path).lastPathComponent,
                                                      imageWidth: size.width, imageHeight: size.height))
        }
        let decoded = try ImageDecoder().decodeFile(atPath: path)
        return try #require(SEMMetadata.read(from: decoded, path: path), "\(entry.file)")
    }

    @Test("Sources and details of the real files")
    func sources() throws {
        let expectations: [(String, PixelSizeSource, String)] = [
            ("fei-quanta-porous-xsection/sample_1.tif", .fei, "tag 34682 [EScan] PixelWidth/PixelHeight"),
            ("fei-helios-metadata/FEI-Helios-Ebeam-8bits.tif", .fei, "tag 34682 [EScan] PixelWidth/PixelHeight"),
            ("zeiss-sem-metadata/test_tiff_Zeiss_SEM_1k.tif", .zeiss, "tag 34118 AP_IMAGE_PIXEL_SIZE"),
            ("tescan-vega3-exfoliated-graphite/162.jpg", .tescan, "sidecar 162.hdr PixelSizeX/PixelSizeY"),
            ("imagej-calibrated-tiff/test_loading_image_saved_with_imageJ.tif", .imagej,
             "ImageDescription ImageJ unit=micron, XResolution 5.92857/YResolution 5.92857 px per unit"),
        ]
        for (file, source, detail) in expectations {
            let path = try #require(realData(file))
            let metadata = try #require(SEMMetadata.read(from: try ImageDecoder().decodeFile(atPath: path), path: path))
            #expect(metadata.vendor == source, "\(file)")
            #expect(metadata.pixelSizeDetail == detail, "\(file)")
        }
    }

    @Test("The SU8200 sidecar, UTF-8/ASCII as stored: 20.67057 nm for its 5120×3840 frame, refused for another width")
    func hitachiSidecar() throws {
        let path = try #require(realData("hitachi-su8200-sidecar/Si-NbTiN_TiP-Alu_120C_0007.txt"))
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let metadata = try #require(HitachiMetadata.parse(bytes, name: "s.txt", imageWidth: 5120, imageHeight: 3840))
        #expect(metadata.pixelSize == PixelSize(square: 0.02067057))
        #expect(metadata.warnings.isEmpty)
        #expect(HitachiMetadata.parse(bytes, name: "s.txt", imageWidth: 1280, imageHeight: 960)?.pixelSize == nil)
        // Found next to an image of that stem through the pipeline's entry point.
        try TestSupport.withTemporaryDirectory { directory in
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/Si-NbTiN_TiP-Alu_120C_0007.txt"))
            let image = DecodedImage(format: .tiff, raster: .uint8(Image(width: 5120, height: 3840, repeating: 128)),
                                     bitsPerSample: 8, channels: 1, pages: 1)
            let read = try #require(SEMMetadata.read(from: image, path: directory + "/Si-NbTiN_TiP-Alu_120C_0007.bmp"))
            #expect(read.vendor == .hitachi && read.pixelSize == PixelSize(square: 0.02067057))
        }
    }

    @Test("The 8- and 16-bit Helios files agree on every metadata field")
    func heliosDepthsAgree() throws {
        let eight = try #require(realData("fei-helios-metadata/FEI-Helios-Ebeam-8bits.tif"))
        let sixteen = try #require(realData("fei-helios-metadata/FEI-Helios-Ebeam-16bits.tif"))
        let a = SEMMetadata.read(from: try ImageDecoder().decodeFile(atPath: eight), path: eight)
        let b = SEMMetadata.read(from: try ImageDecoder().decodeFile(atPath: sixteen), path: sixteen)
        #expect(a != nil && a == b)
        #expect(a?.warnings == [])
    }

    @Test("Files without calibration metadata stay uncalibrated, and say why when tags were present")
    func uncalibrated() throws {
        for file in ["tofsims-poplar-wood/poplar_TIC_counts_uint16.png", "optical-cast-aluminium-porosity/GW_B2_50x.jpg"] {
            let path = try #require(realData(file))
            #expect(SEMMetadata.read(from: try ImageDecoder().decodeFile(atPath: path), path: path) == nil, "\(file)")
        }
    }
}
