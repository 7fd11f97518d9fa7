import LacunaImage

/// The legend and scale bar burned into overlay PNGs, reusable by every overlay (pores, cells):
/// a caller passes its own (colour, label) entries and the image's calibration.
///
/// Both are drawn in ``BitmapFont`` on half-transparent black boxes: the legend in the top-left
/// corner, the scale bar in the bottom-right corner. The text scale grows with the image
/// (``textScale(forWidth:)``) so labels stay readable on large micrographs.
public enum OverlayAnnotations {
    /// One legend line: a filled swatch of `colour` and its `label`.
    public struct LegendEntry: Sendable, Equatable {
        public var colour: RGBColour
        public var label: String

        public init(colour: RGBColour, label: String) {
            self.colour = colour
            self.label = label
        }
    }

    /// Opacity (of 255) of the boxes behind legend and scale bar.
    static let boxOpacity = 170

    /// Font scale for an image `width` pixels wide: 1 below 500 px, then one more per 400 px
    /// (2 at 768 px, 5 at 2048 px).
    public static func textScale(forWidth width: Int) -> Int {
        width < 500 ? 1 : 1 + (width - 100) / 400
    }

    /// The legend's box size in pixels at `scale`: 3·s padding around rows 10·s high, each a 7·s
    /// swatch, a 4·s gap and the label.
    public static func legendSize(_ entries: [LegendEntry], scale: Int) -> (width: Int, height: Int) {
        guard !entries.isEmpty else { return (0, 0) }
        let widest = entries.map { BitmapFont.width(of: $0.label, scale: scale) }.max() ?? 0
        return (3 * scale + 7 * scale + 4 * scale + widest + 3 * scale, 3 * scale + 10 * scale * entries.count)
    }

    /// Draws `entries` as a legend whose box has its top-left corner at `margin` pixels from the
    /// image's top-left corner.
    public static func drawLegend(_ entries: [LegendEntry], on image: inout Image<UInt8>, scale: Int, margin: Int) {
        guard !entries.isEmpty else { return }
        let size = legendSize(entries, scale: scale)
        image.fillRectangle(x: margin, y: margin, width: size.width, height: size.height, colour: .black,
                            opacity: boxOpacity)
        for (index, entry) in entries.enumerated() {
            let top = margin + 3 * scale + 10 * scale * index
            image.fillRectangle(x: margin + 3 * scale, y: top, width: 7 * scale, height: 7 * scale, colour: entry.colour)
            image.drawText(entry.label, x: margin + 14 * scale, y: top, scale: scale, colour: .white)
        }
    }

    /// Draws `bar` in white with its label above it, in a box whose bottom-right corner is
    /// `margin` pixels from the image's bottom-right corner. The bar is 2·s pixels thick.
    public static func drawScaleBar(_ bar: ScaleBarLength, on image: inout Image<UInt8>, scale: Int, margin: Int) {
        let labelWidth = BitmapFont.width(of: bar.label, scale: scale)
        let boxWidth = max(bar.lengthPixels, labelWidth) + 6 * scale
        let boxHeight = 3 * scale + 7 * scale + 3 * scale + 2 * scale + 3 * scale
        let left = image.width - margin - boxWidth, top = image.height - margin - boxHeight
        image.fillRectangle(x: left, y: top, width: boxWidth, height: boxHeight, colour: .black, opacity: boxOpacity)
        image.drawText(bar.label, x: left + (boxWidth - labelWidth) / 2, y: top + 3 * scale, scale: scale, colour: .white)
        image.fillRectangle(x: left + (boxWidth - bar.lengthPixels) / 2, y: top + 13 * scale, width: bar.lengthPixels,
                            height: 2 * scale, colour: .white)
    }

    /// Draws the legend and the scale bar chosen for `calibration` (µm when calibrated, px
    /// otherwise) on `image`.
    public static func annotate(_ image: inout Image<UInt8>, legend: [LegendEntry], calibration: Calibration) {
        let scale = textScale(forWidth: image.width)
        let margin = 4 * scale
        drawLegend(legend, on: &image, scale: scale, margin: margin)
        if image.width >= 40 && image.height >= 30 {
            let bar = ScaleBarLength.choose(imageWidth: image.width, pixelWidth: calibration.pixelSize?.x)
            drawScaleBar(bar, on: &image, scale: scale, margin: margin)
        }
    }
}
