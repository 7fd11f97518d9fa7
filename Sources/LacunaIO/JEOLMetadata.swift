import LacunaImage

/// JEOL SEM `.txt` sidecar: one `$KEY value…` per line (`$$` for instrument keys; newer
/// instruments write some with a single `$`) (../shared/reference/sem-metadata.md §1.5;
/// pynxtools-em `image_tiff_jeol.py`, IMBalENce/EM-tool `SEM_JEOL_Scale.ijm`).
///
/// Pixel size = `$$SM_MICRON_MARKER` (length with its unit glued on: `100nm`, `5um`, `10µm`,
/// `10μm`, `1mm`) ÷ `$$SM_MICRON_BAR` (the drawn marker's length in pixels), square pixels.
/// The bar length is a whole number of pixels, so the size carries up to ±½ px / bar of rounding
/// (±0.9 % for a 53-px bar); it is used as written, never rounded further, and a warning states
/// that uncertainty. A marker in degrees (electron channelling patterns) is not a length.
///
/// Data bar: stored height − the second number of `$CM_FULL_SIZE` (the scanned frame; the bar is
/// appended below it). An image whose width differs from the first number was resampled, and its
/// pixel size and bar are refused. Identification: any `$CM_…` or `$SM_…` key (requiring
/// `$CM_LABEL JEOL` would reject the real 7600F sample, §6.10).
public enum JEOLMetadata {
    /// Parses sidecar `bytes` (named `name`) for an image of `imageWidth × imageHeight`; `nil` when
    /// the text has no JEOL keys.
    public static func parse(_ bytes: [UInt8], name: String, imageWidth: Int, imageHeight: Int) -> SEMMetadata? {
        let keys = keyValues(MetadataText.decode(bytes))
        guard keys.keys.contains(where: { $0.hasPrefix("CM_") || $0.hasPrefix("SM_") }) else { return nil }
        let label = "sidecar \(name)"
        var warnings: [String] = []
        var full: (width: Int, height: Int)?
        if let text = keys["CM_FULL_SIZE"] {
            let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            if numbers.count >= 2, numbers[0] > 0, numbers[1] > 0 {
                full = (numbers[0], numbers[1])
            } else {
                warnings.append("\(label): $CM_FULL_SIZE \(text) is not two positive integers; ignored")
            }
        }
        if let full, full.width != imageWidth {
            warnings.append("\(label): the image is \(imageWidth) px wide but $CM_FULL_SIZE says \(full.width): "
                + "resampled after acquisition; no pixel size or data bar from the sidecar")
            return SEMMetadata(vendor: .jeol, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let (size, detail) = pixelSize(keys, label: label, warnings: &warnings)
        var bar = 0
        var barDetail: String?
        if let full {
            if full.height <= imageHeight {
                bar = imageHeight - full.height
                barDetail = "\(label) stored height \(imageHeight) − $CM_FULL_SIZE height \(full.height)"
            } else {
                warnings.append("\(label): $CM_FULL_SIZE height \(full.height) exceeds the image's \(imageHeight) rows; "
                    + "no data bar from the sidecar")
            }
        }
        return SEMMetadata(vendor: .jeol, pixelSize: size, databarHeight: bar, pixelSizeDetail: detail,
                           databarDetail: barDetail, warnings: warnings)
    }

    private static func pixelSize(_ keys: [String: String], label: String,
                                  warnings: inout [String]) -> (PixelSize?, String?) {
        guard let barText = keys["SM_MICRON_BAR"], let markerText = keys["SM_MICRON_MARKER"] else {
            warnings.append("\(label): no $$SM_MICRON_BAR and $$SM_MICRON_MARKER; no pixel size")
            return (nil, nil)
        }
        guard let bar = Double(barText), bar.isFinite, bar >= 1 else {
            warnings.append("\(label): $$SM_MICRON_BAR \(barText) is not a length in pixels; no pixel size")
            return (nil, nil)
        }
        guard let (number, unit) = LengthText.split(markerText) else {
            warnings.append("\(label): $$SM_MICRON_MARKER \(markerText) has no number; no pixel size")
            return (nil, nil)
        }
        guard let power = LengthText.exponent(ofUnit: unit), let marker = LengthText.scaled(number, byPowerOfTen: power) else {
            let reason = unit.hasPrefix("deg") ? "an angle (channelling pattern), not a length" : "in an unknown unit"
            warnings.append("\(label): $$SM_MICRON_MARKER \(markerText) is \(reason); no pixel size")
            return (nil, nil)
        }
        let value = marker / bar
        guard let size = PixelSizeCheck.pixelSize(x: value, y: value, label: label, warnings: &warnings) else {
            return (nil, nil)
        }
        warnings.append("\(label): scale from a \(NumberText.short(bar))-px marker, a whole number of pixels: "
            + "uncertain by up to ±\(NumberText.short((500 / bar).rounded() / 10)) %")
        return (size, "\(label) $$SM_MICRON_MARKER \(markerText) / $$SM_MICRON_BAR \(NumberText.short(bar)) px")
    }

    /// `$KEY value` lines: key without its `$` signs → the rest of the line, trimmed; first wins.
    static func keyValues(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for raw in TextLines.split(text) {
            let line = raw.trimmingSpaces()
            guard line.hasPrefix("$") else { continue }
            let body = line.drop { $0 == "$" }
            let key = String(body.prefix { !$0.isWhitespace })
            guard !key.isEmpty, values[key] == nil else { continue }
            values[key] = String(body.dropFirst(key.count)).trimmingSpaces()
        }
        return values
    }
}
