import Foundation
import LacunaImage

/// FEI / Thermo Fisher xT metadata: INI text in TIFF tag 34682 (also 34680 and 34683), SI units.
///
/// Pixel size: `[Scan] PixelWidth/PixelHeight` in metres, from the section named by `[Beam] Scan`
/// (EScan/IScan) when it holds them; fallback `HFW / [Image] ResolutionX` from the section named
/// by `[Beam] Beam` (square pixels). Data bar: stored height − `[Image] ResolutionY`, cross-checked
/// with `[PrivateFei] DatabarHeight` (used alone when ResolutionY is missing). Text starting with
/// `<`, or base64 of such text, is XML (`FEIXMLMetadata`). An image whose width differs from
/// `[Image] ResolutionX` was resampled after acquisition, so its pixel size is refused.
/// Facts: ../shared/reference/sem-metadata.md §1.1 (rosettasciio `_axes_fei`, tifffile
/// `read_fei_metadata`, NexusLIMS `quanta_tif.py`).
public enum FEIMetadata {
    /// Parses the text of `tag`; `imageWidth` enables the resampling check. `nil` when the bytes
    /// hold neither INI sections nor FEI XML.
    public static func parse(_ bytes: [UInt8], imageHeight: Int, imageWidth: Int? = nil,
                             tag: UInt32 = MetadataTag.feiHelios) -> SEMMetadata? {
        let label = "tag \(tag)"
        if let xml = FEIXMLMetadata.xmlText(bytes) { return FEIXMLMetadata.parse(xml, label: label) }
        let ini = INIText(bytes: bytes)
        guard !ini.sections.isEmpty else { return nil }
        var warnings: [String] = []
        var (pixelSize, detail) = pixelSize(ini, label: label, warnings: &warnings)
        if let columns = ini.number("ResolutionX", in: "Image"), let imageWidth, pixelSize != nil,
           columns != Double(imageWidth) {
            warnings.append("\(label): the image is \(imageWidth) px wide but [Image] ResolutionX is "
                + "\(NumberText.short(columns)): resampled after acquisition; pixel size not used")
            pixelSize = nil
            detail = nil
        }
        let bar = databar(ini, imageHeight: imageHeight, label: label, warnings: &warnings)
        return SEMMetadata(vendor: .fei, pixelSize: pixelSize, databarHeight: bar.rows, pixelSizeDetail: detail,
                           databarDetail: bar.detail, warnings: warnings)
    }

    static func pixelSize(_ ini: INIText, label: String, warnings: inout [String]) -> (PixelSize?, String?) {
        var scanSections = ["Scan"]
        if let beamScan = ini.value("Scan", in: "Beam"), !beamScan.isEmpty, beamScan != "Scan" {
            scanSections.insert(beamScan, at: 0)
        }
        for section in scanSections {
            guard let widthText = ini.value("PixelWidth", in: section) else { continue }
            guard let x = metres(widthText) else {
                warnings.append("\(label): [\(section)] PixelWidth=\(widthText) is not a usable length in metres")
                continue
            }
            if let heightText = ini.value("PixelHeight", in: section) {
                if let y = metres(heightText), PixelSizeCheck.problem(y) == nil {
                    return (PixelSize(x: x, y: y), "\(label) [\(section)] PixelWidth/PixelHeight")
                }
                warnings.append("\(label): [\(section)] PixelHeight=\(heightText) is not a usable length; "
                    + "square pixels assumed from PixelWidth")
            }
            return (PixelSize(square: x), "\(label) [\(section)] PixelWidth (square pixels)")
        }
        if let beam = ini.value("Beam", in: "Beam"), let hfwText = ini.value("HFW", in: beam),
           let columns = ini.number("ResolutionX", in: "Image"), columns >= 1, let hfw = Double(hfwText),
           let x = metres("\(hfw / columns)") {
            return (PixelSize(square: x), "\(label) [\(beam)] HFW / [Image] ResolutionX (square pixels)")
        }
        warnings.append("\(label): no usable [Scan] PixelWidth, nor HFW with [Image] ResolutionX; no pixel size")
        return (nil, nil)
    }

    static func databar(_ ini: INIText, imageHeight: Int, label: String,
                        warnings: inout [String]) -> (rows: Int, detail: String?) {
        var recorded: Int?
        if let value = ini.number("DatabarHeight", in: "PrivateFei") {
            if value >= 0, value < Double(imageHeight), value == value.rounded() {
                recorded = Int(value)
            } else {
                warnings.append("\(label): [PrivateFei] DatabarHeight=\(NumberText.short(value)) does not fit the "
                    + "\(imageHeight)-row image; ignored")
            }
        }
        if let rows = ini.number("ResolutionY", in: "Image") {
            if rows >= 1, rows <= Double(imageHeight), rows == rows.rounded() {
                let bar = imageHeight - Int(rows)
                if let recorded, recorded != bar {
                    warnings.append("\(label): stored height − [Image] ResolutionY gives a \(bar)-row data bar, "
                        + "[PrivateFei] DatabarHeight says \(recorded); using \(bar)")
                }
                return (bar, "\(label) stored height \(imageHeight) − [Image] ResolutionY \(Int(rows))")
            }
            warnings.append("\(label): [Image] ResolutionY=\(NumberText.short(rows)) does not fit the "
                + "\(imageHeight)-row image; ignored")
        }
        if let recorded { return (recorded, "\(label) [PrivateFei] DatabarHeight") }
        return (0, nil)
    }

    /// µm from a length in metres written as text, if it is a usable pixel size.
    static func metres(_ text: String) -> Double? {
        guard let value = Double(text.trimmingSpaces()), PixelSizeCheck.problem(value * 1e6) == nil else { return nil }
        return micrometres(fromMetres: value)
    }
}

/// `metres × 10⁶` rounded once, by moving the decimal exponent of the shortest decimal form
/// (so `3.3724e-06` m gives exactly the double nearest 3.3724 µm, not 3.3724000000000003).
func micrometres(fromMetres value: Double) -> Double {
    LengthText.scaled("\(value)", byPowerOfTen: 6) ?? value * 1e6
}

/// Short number formatting for messages.
enum NumberText {
    /// `value` with up to six significant digits, without a trailing `.0` for integers.
    static func short(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.6g", locale: nil, value)
    }
}
