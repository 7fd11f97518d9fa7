import Foundation
import LacunaImage
import LacunaIO
import LacunaReport
import LacunaTestSupport
import Testing

@Suite("--save-masks files")
struct MaskFilesTests {
    /// A 7 × 5 label image with pores 1 and 2.
    static var labels: LabelImage {
        var labels = LabelImage(width: 7, height: 5, repeating: 0)
        labels[1, 1] = 1
        labels[2, 1] = 1
        for y in 2 ... 4 { labels[5, y] = 2 }
        return labels
    }

    @Test("calibrated: mask 0/255, 16-bit labels, ImageJ description and 1/pixel-size resolution read back as µm")
    func calibratedRoundTrip() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let calibration = Calibration(pixelSize: PixelSize(x: 0.05, y: 0.08), source: .fei)
            try MaskFiles.write(labels: Self.labels, labelCount: 2, calibration: calibration, folder: folder, base: "a.tif")
            let mask = try ImageDecoder().decodeFile(atPath: folder + "/a.tif.mask.png")
            guard case let .uint8(maskImage) = mask.raster else { Issue.record("mask is not 8-bit"); return }
            #expect(maskImage.samples == Self.labels.samples.map { $0 == 0 ? 0 : 255 })
            let tiff = try ImageDecoder().decodeFile(atPath: folder + "/a.tif.labels.tif")
            guard case let .uint16(labelImage) = tiff.raster else { Issue.record("labels are not 16-bit"); return }
            #expect(labelImage.samples == Self.labels.samples.map { UInt16($0) })
            let description = String(decoding: tiff.tiffTags[270] ?? [], as: UTF8.self)
            #expect(description.hasPrefix("ImageJ=1.54f\nunit=micron\nmin=0.0\nmax=2.0\n"))
            let metadata = try #require(SEMMetadata.read(from: tiff))
            #expect(metadata.vendor == .imagej)
            let size = try #require(metadata.pixelSize)
            // libtiff stores resolutions as 32-bit floats: 7 significant digits.
            #expect(abs(size.x / 0.05 - 1) < 1e-6 && abs(size.y / 0.08 - 1) < 1e-6)
        }
    }

    @Test("16-bit labels are written as they are: the same files as from their Int32 copy")
    func narrowLabels() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let calibration = Calibration(pixelSize: PixelSize(square: 0.05), source: .manual)
            try MaskFiles.write(labels: Self.labels, labelCount: 2, calibration: calibration, folder: folder, base: "w")
            try MaskFiles.write(labels: .narrow(Self.labels.map { UInt16($0) }), labelCount: 2, calibration: calibration,
                                folder: folder, base: "n")
            for suffix in [".mask.png", ".labels.tif"] {
                let wide = try Data(contentsOf: URL(fileURLWithPath: folder + "/w" + suffix))
                let narrow = try Data(contentsOf: URL(fileURLWithPath: folder + "/n" + suffix))
                #expect(wide == narrow && !wide.isEmpty, "\(suffix)")
            }
        }
    }

    @Test("uncalibrated: no unit, no resolution; ImageJ shows pixels")
    func uncalibrated() throws {
        try TestSupport.withTemporaryDirectory { folder in
            try MaskFiles.write(labels: Self.labels, labelCount: 2, calibration: .none, folder: folder, base: "b")
            let tiff = try ImageDecoder().decodeFile(atPath: folder + "/b.labels.tif")
            #expect(String(decoding: tiff.tiffTags[270] ?? [], as: UTF8.self) == "ImageJ=1.54f\nmin=0.0\nmax=2.0\n")
            #expect(tiff.tiffResolution == nil)
            #expect(SEMMetadata.read(from: tiff)?.pixelSize == nil)
        }
    }

    @Test("more than 65535 pores: 32-bit unsigned samples (SampleFormat 1), per the file's tags")
    func thirtyTwoBit() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let count = 70_000
            let labels = LabelImage(width: 350, height: 200, samples: (0 ..< 70_000).map { Int32($0 + 1) })
            try MaskFiles.write(labels: labels, labelCount: count, calibration: .none, folder: folder, base: "c")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/c.labels.tif")))
            // Little-endian classic TIFF: read the first IFD's BitsPerSample (258) and SampleFormat (339).
            func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            #expect(bytes[0] == 0x49 && bytes[1] == 0x49 && u16(2) == 42)
            let ifd = u32(4)
            var tags: [Int: Int] = [:]
            for entry in 0 ..< u16(ifd) {
                let at = ifd + 2 + 12 * entry
                tags[u16(at)] = u16(at + 8)
            }
            #expect(tags[258] == 32 && tags[339] == 1 && tags[256] == 350 && tags[257] == 200)
            // Our decoder reads 8/16-bit integers and 32-bit floats only: the file is refused with a clear error.
            #expect(throws: ImageIOError.self) { try ImageDecoder().decodeFile(atPath: folder + "/c.labels.tif") }
        }
    }
}
