import LacunaImage

/// The sanity limits every metadata pixel size passes before it is used.
///
/// Accepted: 1 pm ≤ size ≤ 1 mm (10⁻⁶ … 10³ µm). The smallest covers TEM/STEM pixels, the
/// largest an FEI Nav-Cam overview (264 µm, ../shared/reference/sem-metadata.md §1.1) with
/// margin. Anything else — zero, negative, NaN, ∞, or a value off by a unit mix-up — is refused
/// with a warning rather than used. Manual pixel sizes (`--pixel-size`, the manifest, the config
/// file) pass the same limits and are refused as errors.
public enum PixelSizeCheck {
    /// 1 pm in µm.
    public static let smallest = 1e-6
    /// 1 mm in µm.
    public static let largest = 1e3

    /// Why `micrometres` is not a usable pixel size, or `nil` when it is.
    public static func problem(_ micrometres: Double) -> String? {
        if micrometres.isNaN { return "is not a number" }
        if !micrometres.isFinite { return "is infinite" }
        if micrometres <= 0 { return "is not positive (\(micrometres) µm)" }
        if micrometres < smallest || micrometres > largest {
            return "\(micrometres) µm is outside the plausible 1 pm – 1 mm"
        }
        return nil
    }

    /// A pixel size from two checked values, or `nil` with the reason appended to `warnings`.
    static func pixelSize(x: Double, y: Double, label: String, warnings: inout [String]) -> PixelSize? {
        if let problem = problem(x) {
            warnings.append("\(label): pixel width \(problem); no pixel size")
            return nil
        }
        if let problem = problem(y) {
            warnings.append("\(label): pixel height \(problem); no pixel size")
            return nil
        }
        return PixelSize(x: x, y: y)
    }
}
