import Foundation
import LacunaImage
import LacunaIO
import Testing

/// ImageJ calibration (`ImageDescription` `unit=` with XResolution/YResolution per unit) and plain
/// TIFF resolution tags, which are trusted only in physical units (`TIFFResolutionMetadata`).
@Suite("ImageJ and TIFF resolution metadata")
struct ImageJMetadataTests {
    static func description(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) + [0] }

    @Test("unit=micron with 5928571/1000000 px per unit: 1 / 5.928571 µm", arguments: ["micron", "microns", "um", "µm", "μm", "\\u00B5m"])
    func micrometreUnits(unit: String) throws {
        let metadata = try #require(ImageJMetadata.parse(description: Self.description(["ImageJ=1.51a", "unit=\(unit)"]),
                                                         resolution: TIFFResolution(x: 5.928571, y: 5.928571, unit: 1)))
        #expect(metadata.vendor == .imagej)
        let x = try #require(metadata.pixelSize?.x)
        #expect(abs(x - 1_000_000.0 / 5_928_571) < 1e-12)
        #expect(metadata.pixelSize?.y == x)
        #expect(metadata.databarHeight == 0 && metadata.databarDetail == nil)
        #expect(metadata.pixelSizeDetail?.hasPrefix("ImageDescription ImageJ unit=\(unit), XResolution 5.92857") == true)
    }

    @Test("Other units and anisotropic pixels: nm, mm, cm, and yunit", arguments: [
        ("nm", 0.5, 0.25, 0.002, 0.004), ("mm", 100.0, 100.0, 10.0, 10.0), ("cm", 2000.0, 1000.0, 5.0, 10.0), ("pm", 0.01, 0.01, 1e-4, 1e-4),
    ])
    func otherUnits(unit: String, xRes: Double, yRes: Double, x: Double, y: Double) throws {
        let metadata = try #require(ImageJMetadata.parse(description: Self.description(["ImageJ=1.54f", "unit=\(unit)"]),
                                                         resolution: TIFFResolution(x: xRes, y: yRes, unit: nil)))
        #expect(metadata.pixelSize == PixelSize(x: x, y: y))
        let withYUnit = try #require(ImageJMetadata.parse(description: Self.description(["ImageJ=1.54f", "unit=um", "yunit=nm"]),
                                                          resolution: TIFFResolution(x: 2, y: 0.5, unit: nil)))
        #expect(withYUnit.pixelSize == PixelSize(x: 0.5, y: 0.002))
    }

    @Test("Uncalibrated ImageJ files: no metadata", arguments: [["ImageJ=1.54f"], ["ImageJ=1.54f", "unit=pixel"], ["ImageJ=1.54f", "unit=pixels"]])
    func uncalibrated(lines: [String]) {
        #expect(ImageJMetadata.parse(description: Self.description(lines), resolution: TIFFResolution(x: 1, y: 1, unit: nil)) == nil)
    }

    @Test("inch, unknown units, missing or zero resolution: no pixel size and a warning", arguments: [
        ("inch", TIFFResolution(x: 72, y: 72, unit: 2) as TIFFResolution?, "print resolution"),
        ("parsec", TIFFResolution(x: 1, y: 1, unit: 1), "not a length unit"),
        ("micron", nil, "no usable XResolution"),
        ("micron", TIFFResolution(x: 0, y: 0, unit: 1), "no usable XResolution"),
        ("nm", TIFFResolution(x: 1e-12, y: 1e-12, unit: 1), "outside the plausible"),
    ])
    func refused(unit: String, resolution: TIFFResolution?, fragment: String) throws {
        let metadata = try #require(ImageJMetadata.parse(description: Self.description(["ImageJ=1.54f", "unit=\(unit)"]),
                                                         resolution: resolution))
        #expect(metadata.pixelSize == nil)
        #expect(metadata.warnings.count == 1 && metadata.warnings[0].contains(fragment), "\(metadata.warnings)")
    }

    @Test("Not ImageJ: other descriptions are ignored")
    func notImageJ() {
        #expect(ImageJMetadata.parse(description: Array("unit=micron\n".utf8), resolution: TIFFResolution(x: 1, y: 1, unit: 1)) == nil)
        #expect(!ImageJMetadata.isImageJ(nil))
        #expect(ImageJMetadata.isImageJ(Array("ImageJ=1.51a\n".utf8)))
    }

    @Test("Plain TIFF: screen and print resolutions (inch, no unit, absent unit) are never used, and say so", arguments: [
        TIFFResolution(x: 72, y: 72, unit: 2), TIFFResolution(x: 96, y: 96, unit: nil), TIFFResolution(x: 1, y: 1, unit: 1),
        TIFFResolution(x: 270.9, y: 270.9, unit: 2), TIFFResolution(x: 5, y: 5, unit: 7),
    ])
    func plainDPI(resolution: TIFFResolution) throws {
        let metadata = try #require(TIFFResolutionMetadata.parse(resolution))
        #expect(metadata.vendor == .none && metadata.pixelSize == nil)
        #expect(metadata.warnings.count == 1 && metadata.warnings[0].contains("screen or print setting"))
    }

    @Test("Plain TIFF in centimetres: ≥ 10000 px/cm used (≤ 1 µm pixels); coarser refused as a possible DPI")
    func plainCentimetre() throws {
        let fine = try #require(TIFFResolutionMetadata.parse(TIFFResolution(x: 20_000, y: 40_000, unit: 3)))
        #expect(fine.vendor == .tiff)
        #expect(fine.pixelSize == PixelSize(x: 0.5, y: 0.25))
        #expect(fine.pixelSizeDetail == "TIFF resolution XResolution/YResolution per cm")
        #expect(fine.warnings.isEmpty)
        // 300 dpi written in centimetres is 118.11 px/cm.
        let print = try #require(TIFFResolutionMetadata.parse(TIFFResolution(x: 118.11, y: 118.11, unit: 3)))
        #expect(print.pixelSize == nil && print.vendor == .none)
        #expect(print.warnings.count == 1 && print.warnings[0].contains("could be a print resolution (300 dpi)"))
        let zero = try #require(TIFFResolutionMetadata.parse(TIFFResolution(x: 0, y: nil, unit: 3)))
        #expect(zero.pixelSize == nil && zero.warnings.count == 1)
    }

    @Test("Plain TIFF in the DNG units mm (4) and µm (5): used within the sanity limits")
    func plainMicroUnits() throws {
        #expect(TIFFResolutionMetadata.parse(TIFFResolution(x: 2000, y: nil, unit: 4))?.pixelSize == PixelSize(square: 0.5))
        #expect(TIFFResolutionMetadata.parse(TIFFResolution(x: 4, y: 2, unit: 5))?.pixelSize == PixelSize(x: 0.25, y: 0.5))
        let absurd = try #require(TIFFResolutionMetadata.parse(TIFFResolution(x: 1e-9, y: nil, unit: 5)))
        #expect(absurd.pixelSize == nil && absurd.vendor == .none)
    }
}
