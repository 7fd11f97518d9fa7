import Foundation
import LacunaImage

/// Tescan metadata (TIFF tag 50431 blob or `.hdr` sidecar): `[MAIN] PixelSizeX/PixelSizeY` in
/// metres and `ImageStripSize`, the appended info panel's height in pixels
/// (../shared/reference/sem-metadata.md §1.4: Gwyddion `tescan.c`, NexusLIMS `tescan_tif.py`).
public enum TescanMetadata {
    /// Parses the tag blob or sidecar text; `nil` when it holds none of `PixelSizeX`,
    /// `PixelSizeY`, `ImageStripSize` (not Tescan metadata). `label` names the source in details.
    public static func parse(_ bytes: [UInt8], imageHeight: Int, label: String = "tag 50431") -> SEMMetadata? {
        fields(bytes, imageHeight: imageHeight, label: label)?.metadata
    }

    private static func fields(_ bytes: [UInt8], imageHeight: Int,
                               label: String) -> (metadata: SEMMetadata, strip: String?)? {
        // The tag is a binary block list; its text blocks are Key=Value lines. Keep printable
        // ASCII and line ends, so the binary parts cannot form keys. '<' goes too: INIText stops
        // at a line starting with it (FEI's appended XML), and a binary block such as the JPEG
        // thumbnail in front of [MAIN] can put one at a line start.
        let text = bytes.map { ($0 >= 0x20 && $0 < 0x7F && $0 != 0x3C) || $0 == 0x0A || $0 == 0x0D ? $0 : 0x0A }
        let ini = INIText(bytes: text)
        let xText = value("PixelSizeX", in: ini), yText = value("PixelSizeY", in: ini)
        let stripText = value("ImageStripSize", in: ini)
        guard xText != nil || yText != nil || stripText != nil else { return nil }
        var warnings: [String] = []
        var size: PixelSize?
        var detail: String?
        if let xText, let x = FEIMetadata.metres(xText) {
            if let yText, let y = FEIMetadata.metres(yText) {
                size = PixelSize(x: x, y: y)
                detail = "\(label) PixelSizeX/PixelSizeY"
            } else {
                if let yText { warnings.append("\(label): PixelSizeY=\(yText) is not a usable length in metres; square pixels assumed") }
                size = PixelSize(square: x)
                detail = "\(label) PixelSizeX (square pixels)"
            }
        } else {
            warnings.append("\(label): " + (xText.map { "PixelSizeX=\($0) is not a usable length in metres" } ?? "no PixelSizeX")
                + "; no pixel size")
        }
        var strip = 0
        var stripDetail: String?
        if let stripText {
            if let value = Int(stripText), value >= 0, value < imageHeight {
                strip = value
                stripDetail = "\(label) ImageStripSize"
            } else {
                warnings.append("\(label): ImageStripSize=\(stripText) does not fit the \(imageHeight)-row image; ignored")
            }
        }
        return (SEMMetadata(vendor: .tescan, pixelSize: size, databarHeight: strip, pixelSizeDetail: detail,
                            databarDetail: stripDetail, warnings: warnings), stripText)
    }

    /// The first value of `key` in any section (sections in sorted order).
    private static func value(_ key: String, in ini: INIText) -> String? {
        for name in ini.sections.keys.sorted() {
            if let value = ini.value(key, in: name) { return value }
        }
        return nil
    }

    /// Parses `<stem>.hdr` next to the image at `path`, if it exists and holds Tescan keys.
    ///
    /// No rows are cut (`databarHeight` 0, `databarDetail` nil, so a pixel heuristic may still
    /// look): a sidecar travels with exported images (JPEG/PNG) that usually no longer carry the
    /// info panel — the real VEGA3 exports in ../shared/realdata say `ImageStripSize=240` while
    /// their 1434 rows are all specimen — so cutting rows on the sidecar's word would discard
    /// specimen. The panel height stays a TIFF-tag fact; a warning records the ignored value.
    public static func sidecar(forImageAt path: String, imageHeight: Int) -> SEMMetadata? {
        guard let file = SidecarFile.find(forImageAt: path, extensions: ["hdr"]),
              let found = fields(file.bytes, imageHeight: imageHeight, label: "sidecar \(file.name)") else { return nil }
        var metadata = found.metadata
        metadata.warnings.removeAll { $0.contains("ImageStripSize") }
        if let strip = found.strip, strip != "0" {
            metadata.warnings.append("sidecar \(file.name): ImageStripSize=\(strip) not cut "
                + "(exported images rarely keep the info panel)")
        }
        metadata.databarHeight = 0
        metadata.databarDetail = nil
        return metadata
    }
}
