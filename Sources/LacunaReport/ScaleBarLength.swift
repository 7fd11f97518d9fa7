import Foundation

/// The length of the scale bar drawn on an overlay: a round number of µm (or of pixels when
/// the image has no calibration) whose bar covers 15–25 % of the image width.
///
/// Candidates are m·10ᵏ with m in {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8}; neighbouring candidates differ
/// by at most a factor 3/2, less than the 25/15 span of the window, so one always falls inside it
/// for images at least 40 px wide. The candidate nearest 20 % of the width is taken (the shorter
/// on a tie). The bar is drawn `lengthPixels` = round(value / pixel width) pixels long, so it
/// stands for `value` within half a pixel.
public struct ScaleBarLength: Sendable, Equatable {
    /// The length the bar stands for, in `unit`.
    public var value: Double
    /// `µm` for a calibrated image, `px` otherwise.
    public var unit: String
    /// The bar's length on the image, in pixels.
    public var lengthPixels: Int

    public init(value: Double, unit: String, lengthPixels: Int) {
        self.value = value
        self.unit = unit
        self.lengthPixels = lengthPixels
    }

    /// The label drawn under the bar, e.g. `20 µm`, `2.5 µm`, `100 px`.
    public var label: String { "\(NumberFormat.significant(value)) \(unit)" }

    /// Mantissas of the round lengths.
    static let mantissas: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

    /// The bar for an image `imageWidth` pixels wide whose pixels are `pixelWidth` µm wide
    /// (`nil`: uncalibrated, the bar is in pixels and only whole pixel counts are candidates).
    public static func choose(imageWidth: Int, pixelWidth: Double?) -> ScaleBarLength {
        precondition(imageWidth >= 1, "image width must be ≥ 1, got \(imageWidth)")
        let unitPerPixel = pixelWidth ?? 1
        precondition(unitPerPixel.isFinite && unitPerPixel > 0, "invalid pixel width \(unitPerPixel)")
        let target = 0.2 * Double(imageWidth) * unitPerPixel
        let decade = Int(log10(target).rounded(.down))
        var best: (value: Double, pixels: Int, distance: Double)?
        for exponent in decade - 1 ... decade + 1 {
            for mantissa in mantissas {
                let value = (mantissa * pow(10, Double(exponent)) * 1e6).rounded() / 1e6
                if pixelWidth == nil && value != value.rounded() { continue }
                let pixels = Int((value / unitPerPixel).rounded())
                guard pixels >= 1 else { continue }
                let fraction = Double(pixels) / Double(imageWidth)
                let inWindow = fraction >= 0.15 && fraction <= 0.25
                let distance = abs(fraction - 0.2) + (inWindow ? 0 : 1)
                if let current = best, distance >= current.distance - 1e-12 { continue }
                best = (value, pixels, distance)
            }
        }
        let chosen = best ?? (unitPerPixel, 1, 0)
        return ScaleBarLength(value: chosen.value, unit: pixelWidth == nil ? "px" : "µm", lengthPixels: chosen.pixels)
    }
}
