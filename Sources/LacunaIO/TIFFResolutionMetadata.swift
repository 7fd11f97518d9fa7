import LacunaImage

/// Calibration from plain TIFF resolution tags — used only where they cannot be a screen or
/// print setting (../shared/reference/sem-metadata.md §2, §6.4: FEI writes 64–96 dpi, JEOL ≈ 271,
/// Hitachi 256, Zeiss 1/1 without unit; rosettasciio reads them only on request).
///
/// Decision, conservative:
/// - ResolutionUnit absent (TIFF's default, inch), 2 (inch) or 1 (no unit): never used; a
///   warning says so, so an uncalibrated result is never silent about tags that were present.
/// - 3 (centimetre): used only at ≥ 10 000 px/cm (a pixel of at most 1 µm). That is 25 400 dpi,
///   ten times the finest print or scan settings (≤ 2400 dpi); 72–600 dpi in centimetres
///   (28–236 px/cm) is what image editors write. Coarser centimetre values are refused with a
///   warning: they may be physical (an optical micrograph), but cannot be told from a DPI.
/// - 4 (mm) and 5 (µm), the DNG/tifffile extensions no printing software writes: used, within
///   the usual sanity limits.
/// Pixel size = 1 / resolution, in µm; YResolution gives y when present.
public enum TIFFResolutionMetadata {
    /// Smallest accepted resolution in pixels per centimetre.
    public static let minimumPixelsPerCentimetre = 10_000.0

    /// The calibration from `resolution`: `vendor` `.tiff` with a pixel size, or `.none` with a
    /// warning when the tags are not trusted.
    public static func parse(_ resolution: TIFFResolution) -> SEMMetadata? {
        let label = "TIFF resolution"
        var warnings: [String] = []
        let unitName: String
        let power: Int
        switch resolution.unit {
        case 3:
            unitName = "cm"
            power = 4
        case 4:
            unitName = "mm"
            power = 3
        case 5:
            unitName = "µm"
            power = 0
        default:
            let unit = resolution.unit.map { $0 == 1 ? "no unit" : $0 == 2 ? "per inch" : "unit \($0)" } ?? "per inch (no ResolutionUnit)"
            warnings.append("\(label): XResolution \(NumberText.short(resolution.x)) \(unit) is a screen or print "
                + "setting, not a pixel size; not used")
            return SEMMetadata(vendor: .none, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let y = resolution.y ?? resolution.x
        guard resolution.x > 0, resolution.x.isFinite, y > 0, y.isFinite else {
            warnings.append("\(label): XResolution \(NumberText.short(resolution.x)) / YResolution \(NumberText.short(y)) "
                + "per \(unitName) is not positive; not used")
            return SEMMetadata(vendor: .none, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        if power == 4, min(resolution.x, y) < minimumPixelsPerCentimetre {
            warnings.append("\(label): \(NumberText.short(min(resolution.x, y))) px/cm could be a print resolution "
                + "(\(Int((min(resolution.x, y) * 2.54).rounded())) dpi); only ≥ 10000 px/cm is trusted; not used")
            return SEMMetadata(vendor: .none, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let size = PixelSizeCheck.pixelSize(x: ImageJMetadata.micrometres(perPixelAt: resolution.x, power: power),
                                            y: ImageJMetadata.micrometres(perPixelAt: y, power: power),
                                            label: label, warnings: &warnings)
        return SEMMetadata(vendor: size == nil ? .none : .tiff, pixelSize: size, databarHeight: 0,
                           pixelSizeDetail: size == nil ? nil : "\(label) XResolution/YResolution per \(unitName)",
                           warnings: warnings)
    }
}
