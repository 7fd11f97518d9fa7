import Foundation
import LacunaImage

/// What an instrument's metadata says about an image: the pixel size and the height of the
/// information bar appended below the scanned frame.
public struct SEMMetadata: Sendable, Equatable {
    /// The vendor whose metadata was read.
    public var vendor: PixelSizeSource
    /// The pixel size in µm, or `nil` when the metadata holds none that is usable.
    public var pixelSize: PixelSize?
    /// Rows at the bottom of the stored image that are the data bar, not specimen.
    public var databarHeight: Int

    public init(vendor: PixelSizeSource, pixelSize: PixelSize?, databarHeight: Int) {
        self.vendor = vendor
        self.pixelSize = pixelSize
        self.databarHeight = databarHeight
    }

    /// Reads the metadata of a decoded file: FEI/Thermo Fisher tag 34682 first, then Tescan tag
    /// 50431, then a Tescan `.hdr` sidecar with the image's stem when `path` is given.
    /// Returns `nil` when none is present.
    public static func read(from image: DecodedImage, path: String? = nil) -> SEMMetadata? {
        let height = image.raster.height
        if let bytes = image.tiffTags[MetadataTag.feiHelios], let fei = FEIMetadata.parse(bytes, imageHeight: height) {
            return fei
        }
        if let bytes = image.tiffTags[MetadataTag.tescan], let tescan = TescanMetadata.parse(bytes, imageHeight: height) {
            return tescan
        }
        if let path, let sidecar = TescanMetadata.sidecar(forImageAt: path, imageHeight: height) {
            return sidecar
        }
        return nil
    }
}

/// FEI / Thermo Fisher xT metadata (TIFF tag 34682, INI text, SI units).
///
/// Pixel size: `[Scan] PixelWidth/PixelHeight` in metres, from the section named by `[Beam] Scan`
/// (EScan/IScan) when it holds them; fallback `HFW / [Image] ResolutionX` from the section named by
/// `[Beam] Beam`. Data bar: stored height − `[Image] ResolutionY` (cross-checked by
/// `[PrivateFei] DatabarHeight` when ResolutionY is missing). Facts: ../shared/reference/sem-metadata.md §1.1
/// (rosettasciio `_axes_fei`, tifffile `read_fei_metadata`).
public enum FEIMetadata {
    public static func parse(_ bytes: [UInt8], imageHeight: Int) -> SEMMetadata? {
        let ini = INIText(bytes: bytes)
        guard !ini.sections.isEmpty else { return nil }
        return SEMMetadata(vendor: .fei, pixelSize: pixelSize(ini), databarHeight: databar(ini, imageHeight: imageHeight))
    }

    static func pixelSize(_ ini: INIText) -> PixelSize? {
        var scanSections = ["Scan"]
        if let beamScan = ini.value("Scan", in: "Beam"), !beamScan.isEmpty { scanSections.insert(beamScan, at: 0) }
        for section in scanSections {
            if let w = metres(ini.number("PixelWidth", in: section)) {
                let h = metres(ini.number("PixelHeight", in: section)) ?? w
                return PixelSize(x: w, y: h)
            }
        }
        if let beam = ini.value("Beam", in: "Beam"), let hfw = ini.number("HFW", in: beam),
           let columns = ini.number("ResolutionX", in: "Image"), columns >= 1, let w = metres(hfw / columns) {
            return PixelSize(square: w)
        }
        return nil
    }

    static func databar(_ ini: INIText, imageHeight: Int) -> Int {
        if let rows = ini.number("ResolutionY", in: "Image"), rows >= 1, rows <= Double(imageHeight) {
            return imageHeight - Int(rows)
        }
        if let bar = ini.number("DatabarHeight", in: "PrivateFei"), bar >= 0, bar < Double(imageHeight) {
            return Int(bar)
        }
        return 0
    }
}

/// Tescan metadata (TIFF tag 50431 blob or `.hdr` sidecar): `[MAIN] PixelSizeX/PixelSizeY` in
/// metres and `ImageStripSize`, the appended info panel's height in pixels
/// (../shared/reference/sem-metadata.md §1.4: Gwyddion `tescan.c`, NexusLIMS `tescan_tif.py`).
public enum TescanMetadata {
    public static func parse(_ bytes: [UInt8], imageHeight: Int) -> SEMMetadata? {
        // The tag is a binary block list; its text blocks are Key=Value lines. Keep printable
        // ASCII and line ends, so the binary parts cannot form keys. '<' goes too: INIText stops
        // at a line starting with it (FEI's appended XML), and a binary block such as the JPEG
        // thumbnail in front of [MAIN] can put one at a line start.
        let text = bytes.map { ($0 >= 0x20 && $0 < 0x7F && $0 != 0x3C) || $0 == 0x0A || $0 == 0x0D ? $0 : 0x0A }
        let ini = INIText(bytes: text)
        guard let x = metres(ini.anyNumber("PixelSizeX")) else { return nil }
        let y = metres(ini.anyNumber("PixelSizeY")) ?? x
        var strip = 0
        if let value = ini.anyNumber("ImageStripSize"), value >= 0, value < Double(imageHeight) { strip = Int(value) }
        return SEMMetadata(vendor: .tescan, pixelSize: PixelSize(x: x, y: y), databarHeight: strip)
    }

    /// Parses `<stem>.hdr` next to the image at `path`, if it exists and holds a pixel size.
    ///
    /// The data bar is taken as 0 rows: a sidecar travels with exported images (JPEG/PNG) that
    /// usually no longer carry the info panel — the real VEGA3 exports in ../shared/realdata say
    /// `ImageStripSize=240` while their 1434 rows are all specimen — so cutting rows on the
    /// sidecar's word would discard specimen. The panel height stays a TIFF-tag fact.
    public static func sidecar(forImageAt path: String, imageHeight: Int) -> SEMMetadata? {
        let url = URL(fileURLWithPath: path)
        let hdr = url.deletingPathExtension().appendingPathExtension("hdr")
        guard hdr.path != url.path, let data = try? Data(contentsOf: hdr), data.count < 1 << 20,
              var metadata = parse(Array(data), imageHeight: imageHeight) else { return nil }
        metadata.databarHeight = 0
        return metadata
    }
}

/// µm from a length in metres, if it is a plausible pixel size (0 < size < 1 m).
private func metres(_ value: Double?) -> Double? {
    guard let value, value.isFinite, value > 0, value < 1 else { return nil }
    return micrometres(fromMetres: value)
}

/// `metres × 10⁶` rounded once, by moving the decimal exponent of the shortest decimal form
/// (so `3.3724e-06` m gives exactly the double nearest 3.3724 µm, not 3.3724000000000003).
func micrometres(fromMetres value: Double) -> Double {
    let text = "\(value)"
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]),
       let shifted = Double(text[..<e] + "e\(exponent + 6)") {
        return shifted
    }
    return Double(text + "e6") ?? value * 1e6
}
