import LacunaImage
import LacunaMeasure

/// Segmentation overlays for reviewers: the analysed frame in grey with each pore's boundary
/// pixels coloured — interior pores in one colour, pores cut by the frame edge (left out of the
/// size statistics) in another, and pores dropped for being smaller than the minimum area in a
/// third — with a legend and a scale bar (``OverlayAnnotations``).
public enum Overlay {
    /// Outline colour of pores that enter the statistics (cyan).
    public static let interiorColour = RGBColour(0, 230, 255)
    /// Outline colour of pores touching the frame edge (magenta).
    public static let borderColour = RGBColour(255, 0, 200)
    /// Outline colour of pores below the minimum area, dropped from every table (yellow).
    public static let excludedColour = RGBColour(255, 210, 0)

    /// An RGB image: `grey` (one channel) with the 4-connected boundary pixels of every pore in
    /// `labels` coloured. `touchesBorder[label - 1]` tells which colour a pore gets. `excluded`,
    /// when given, marks pixels of dropped pores (label 0 in `labels`); their boundary pixels —
    /// excluded pixels with a 4-neighbour outside the set or on the frame edge — are drawn in
    /// ``excludedColour``. O(width × height).
    @_specialize(where L == Int32)
    @_specialize(where L == UInt16)
    public static func render<L: FixedWidthInteger & Sendable>(grey: Image<UInt8>, labels: Image<L>,
                                                               touchesBorder: [Bool],
                                                               excluded: Mask? = nil) -> Image<UInt8> {
        render(grey: grey, codes: codes(labels: labels, touchesBorder: touchesBorder, excluded: excluded))
    }

    /// What `render(grey:labels:touchesBorder:excluded:)` draws at each pixel, one byte a pixel
    /// (0 grey, 1 ``interiorColour``, 2 ``borderColour``, 3 ``excludedColour``), so the labels
    /// can be let go before the RGB frame is made; two bits a pixel suffice to hold it
    /// (`PackedCodes`).
    @_specialize(where L == Int32)
    @_specialize(where L == UInt16)
    public static func codes<L: FixedWidthInteger & Sendable>(labels: Image<L>, touchesBorder: [Bool],
                                                              excluded: Mask? = nil) -> Image<UInt8> {
        precondition(excluded.map { $0.width == labels.width && $0.height == labels.height } ?? true,
                     "excluded mask must be the size of the label image")
        let w = labels.width, h = labels.height
        let dropped = excluded?.samples ?? []
        let samples = [UInt8](unsafeUninitializedCapacity: w * h) { out, count in
            labels.samples.withUnsafeBufferPointer { l in
                dropped.withUnsafeBufferPointer { dropped in
                    touchesBorder.withUnsafeBufferPointer { touchesBorder in
                        for y in 0 ..< h {
                            for x in 0 ..< w {
                                let i = y * w + x
                                let label = l[i]
                                var code: UInt8 = 0
                                let edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                                if label != 0 {
                                    if edge || l[i - 1] != label || l[i + 1] != label || l[i - w] != label
                                        || l[i + w] != label {
                                        code = touchesBorder[Int(label) - 1] ? 2 : 1
                                    }
                                } else if !dropped.isEmpty && dropped[i]
                                            && (edge || !dropped[i - 1] || !dropped[i + 1] || !dropped[i - w]
                                                || !dropped[i + w]) {
                                    code = 3
                                }
                                out[i] = code
                            }
                        }
                    }
                }
            }
            count = w * h
        }
        return Image(width: w, height: h, samples: samples)
    }

    /// The overlay of `grey` (one channel) from its `codes` (`codes(labels:touchesBorder:excluded:)`,
    /// same size): the grey level, or the outline colour the code names.
    public static func render(grey: Image<UInt8>, codes: Image<UInt8>) -> Image<UInt8> {
        precondition(grey.channels == 1 && grey.width == codes.width && grey.height == codes.height,
                     "overlay needs a grey image the size of the label image")
        let colours = [interiorColour, borderColour, excludedColour]
        return Image.rgbFrame(width: grey.width, height: grey.height) { rgb in
            codes.samples.withUnsafeBufferPointer { c in
                grey.samples.withUnsafeBufferPointer { g in
                    for i in 0 ..< c.count {
                        let code = Int(c[i])
                        if code == 0 {
                            rgb[3 * i] = g[i]
                            rgb[3 * i + 1] = g[i]
                            rgb[3 * i + 2] = g[i]
                        } else {
                            let colour = colours[code - 1]
                            rgb[3 * i] = colour.red
                            rgb[3 * i + 1] = colour.green
                            rgb[3 * i + 2] = colour.blue
                        }
                    }
                }
            }
        }
    }

    public static func legend(interior: Int, border: Int, excluded: Int, minimumArea: Int) -> [OverlayAnnotations.LegendEntry] {
        [
            .init(colour: interiorColour, label: "interior pores: \(interior)"),
            .init(colour: borderColour, label: "touching the edge: \(border)"),
            .init(colour: excludedColour, label: "below \(minimumArea) px: \(excluded)"),
        ]
    }

    /// An 8-bit display copy of a 16-bit grey image, stretched linearly from its minimum to its
    /// maximum (ImageJ's default display range).
    public static func displayImage(_ image: Image<UInt16>) -> Image<UInt8> {
        let low = image.samples.min() ?? 0, high = image.samples.max() ?? 0
        let span = max(1, Double(high) - Double(low))
        return image.map { UInt8(((Double($0) - Double(low)) * 255 / span).rounded()) }
    }
}
