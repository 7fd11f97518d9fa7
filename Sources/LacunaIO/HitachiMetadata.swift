import LacunaImage

/// Hitachi SEM `.txt` sidecar: INI text whose first line is `[SemImageFile]`, often UTF-16LE
/// with a BOM (../shared/reference/sem-metadata.md §1.6; Gwyddion `hitachi-sem.c`, Bio-Formats
/// `HitachiReader`).
///
/// Pixel size: `PixelSize` in nanometres (no unit written; a unit, if one is glued on, is
/// honoured), square pixels. `DataSize=1280x960` is the acquired frame: an image of another
/// width was resampled and its pixel size is refused (Gwyddion refuses such files outright); a
/// different height only gives a warning. The data bar is drawn over the frame (TM4000,
/// `DataDisplayCombine=1`) and no key gives its height, so `databarDetail` stays `nil`.
public enum HitachiMetadata {
    /// Parses sidecar `bytes` (named `name`); `nil` when the text does not start `[SemImageFile]`.
    public static func parse(_ bytes: [UInt8], name: String, imageWidth: Int, imageHeight: Int) -> SEMMetadata? {
        let text = MetadataText.decode(bytes)
        guard let firstLine = TextLines.split(text).lazy.map({ $0.trimmingSpaces() }).first(where: { !$0.isEmpty }),
              firstLine == "[SemImageFile]" else { return nil }
        let ini = INIText(text: text)
        let label = "sidecar \(name)"
        var warnings: [String] = []
        if let dataSize = ini.value("DataSize", in: "SemImageFile") {
            let parts = dataSize.lowercased().split(separator: "x").map { Int($0.trimmingSpaces()) }
            if parts.count == 2, let width = parts[0], let height = parts[1], width > 0, height > 0 {
                if width != imageWidth {
                    warnings.append("\(label): the image is \(imageWidth) px wide but DataSize is \(dataSize): "
                        + "resampled after acquisition; pixel size not used")
                    return SEMMetadata(vendor: .hitachi, pixelSize: nil, databarHeight: 0, warnings: warnings)
                }
                if height != imageHeight {
                    warnings.append("\(label): the image has \(imageHeight) rows but DataSize is \(dataSize)")
                }
            } else {
                warnings.append("\(label): DataSize=\(dataSize) is not WIDTHxHEIGHT; size not checked")
            }
        } else {
            warnings.append("\(label): no DataSize; the image size could not be checked")
        }
        guard let text = ini.value("PixelSize", in: "SemImageFile") else {
            warnings.append("\(label): no PixelSize; no pixel size")
            return SEMMetadata(vendor: .hitachi, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        guard let (number, unit) = LengthText.split(text),
              let power = unit.isEmpty ? -3 : LengthText.exponent(ofUnit: unit),
              let value = LengthText.scaled(number, byPowerOfTen: power) else {
            warnings.append("\(label): PixelSize=\(text) is not a length in nm; no pixel size")
            return SEMMetadata(vendor: .hitachi, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let size = PixelSizeCheck.pixelSize(x: value, y: value, label: label, warnings: &warnings)
        return SEMMetadata(vendor: .hitachi, pixelSize: size, databarHeight: 0,
                           pixelSizeDetail: size == nil ? nil : "\(label) [SemImageFile] PixelSize (nm)", warnings: warnings)
    }
}
