import LacunaImage

/// The calibration ImageJ writes into a TIFF: `ImageDescription` starting `ImageJ=` with
/// `unit=` (and, for anisotropic stacks, `yunit=`), and XResolution/YResolution in pixels per
/// that unit, whatever ResolutionUnit says (../shared/reference/sem-metadata.md §2; ImageJ
/// `ij/io/TiffDecoder.java`, rosettasciio `_add_axes_imagej`).
///
/// Units: `micron`, `microns`, `um`, `µm`, `μm` (and ImageJ's escaped `\u00B5m`), `nm`, `pm`,
/// `mm`, `cm`, `m`, `Å`. `inch` comes from a print DPI carried over by ImageJ and is refused;
/// `pixel`/`pixels` means uncalibrated; any other unit is refused with a warning.
/// Pixel size = 1 / resolution, in µm. No data bar.
public enum ImageJMetadata {
    /// Whether `description` (tag 270 bytes) is an ImageJ description.
    public static func isImageJ(_ description: [UInt8]?) -> Bool {
        guard let description else { return false }
        return description.starts(with: Array("ImageJ=".utf8))
    }

    /// Parses an ImageJ description with the page's resolution tags; `nil` when the description is
    /// not ImageJ's or says the image is uncalibrated (no `unit=`, or unit pixel).
    public static func parse(description: [UInt8], resolution: TIFFResolution?) -> SEMMetadata? {
        guard isImageJ(description) else { return nil }
        var keys: [String: String] = [:]
        for line in TextLines.split(MetadataText.decode(description)) {
            guard let equals = line.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = line[..<equals].trimmingSpaces()
            if keys[key] == nil { keys[key] = line[line.utf8.index(after: equals)...].trimmingSpaces() }
        }
        guard let xUnit = keys["unit"], !["pixel", "pixels", ""].contains(xUnit.lowercased()) else { return nil }
        let yUnit = keys["yunit"] ?? xUnit
        let label = "ImageDescription"
        var warnings: [String] = []
        func exponent(_ unit: String, key: String) -> Int? {
            let cleaned = unit.replacingOccurrences(of: "\\u00B5", with: "µ").replacingOccurrences(of: "\\u00b5", with: "µ")
            if let power = LengthText.exponent(ofUnit: cleaned) { return power }
            let reason = unit.lowercased().hasPrefix("inch") ? "a print resolution, not a physical scale" : "not a length unit Lacuna knows"
            warnings.append("\(label): ImageJ \(key)=\(unit) is \(reason); no pixel size")
            return nil
        }
        guard let xPower = exponent(xUnit, key: "unit"), let yPower = exponent(yUnit, key: yUnit == xUnit ? "unit" : "yunit") else {
            return SEMMetadata(vendor: .imagej, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        guard let resolution, resolution.x > 0, resolution.x.isFinite else {
            warnings.append("\(label): ImageJ unit=\(xUnit) but no usable XResolution; no pixel size")
            return SEMMetadata(vendor: .imagej, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let yResolution = resolution.y.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? resolution.x
        let x = micrometres(perPixelAt: resolution.x, power: xPower)
        let y = micrometres(perPixelAt: yResolution, power: yPower)
        let size = PixelSizeCheck.pixelSize(x: x, y: y, label: label, warnings: &warnings)
        let detail = "\(label) ImageJ unit=\(xUnit)\(yUnit == xUnit ? "" : ", yunit=\(yUnit)"), "
            + "XResolution \(NumberText.short(resolution.x))/YResolution \(NumberText.short(yResolution)) px per unit"
        return SEMMetadata(vendor: .imagej, pixelSize: size, databarHeight: 0,
                           pixelSizeDetail: size == nil ? nil : detail, warnings: warnings)
    }

    /// µm per pixel for `pixelsPerUnit` pixels per 10^`power` µm.
    static func micrometres(perPixelAt pixelsPerUnit: Double, power: Int) -> Double {
        LengthText.scaled("\(1 / pixelsPerUnit)", byPowerOfTen: power) ?? .nan
    }
}
