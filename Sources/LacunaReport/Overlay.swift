import LacunaImage
import LacunaMeasure

/// Segmentation overlays for reviewers: the analysed frame in grey with each pore's boundary
/// pixels coloured — interior pores in one colour, pores cut by the frame edge (left out of the
/// size statistics) in another.
public enum Overlay {
    /// Outline colour of pores that enter the statistics (cyan).
    public static let interiorColour: (UInt8, UInt8, UInt8) = (0, 230, 255)
    /// Outline colour of pores touching the frame edge (magenta).
    public static let borderColour: (UInt8, UInt8, UInt8) = (255, 0, 200)

    /// An RGB image: `grey` (one channel) with the 4-connected boundary pixels of every pore in
    /// `labels` coloured. `touchesBorder[label - 1]` tells which colour a pore gets.
    public static func render(grey: Image<UInt8>, labels: LabelImage, touchesBorder: [Bool]) -> Image<UInt8> {
        precondition(grey.channels == 1 && grey.width == labels.width && grey.height == labels.height,
                     "overlay needs a grey image the size of the label image")
        let w = grey.width, h = grey.height
        var rgb = [UInt8](repeating: 0, count: w * h * 3)
        labels.samples.withUnsafeBufferPointer { l in
            grey.samples.withUnsafeBufferPointer { g in
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let i = y * w + x
                        let label = l[i]
                        var colour = (g[i], g[i], g[i])
                        if label != 0 {
                            let boundary = x == 0 || y == 0 || x == w - 1 || y == h - 1
                                || l[i - 1] != label || l[i + 1] != label || l[i - w] != label || l[i + w] != label
                            if boundary {
                                colour = touchesBorder[Int(label) - 1] ? borderColour : interiorColour
                            }
                        }
                        rgb[3 * i] = colour.0
                        rgb[3 * i + 1] = colour.1
                        rgb[3 * i + 2] = colour.2
                    }
                }
            }
        }
        return Image(width: w, height: h, channels: 3, samples: rgb)
    }

    /// An 8-bit display copy of a 16-bit grey image, stretched linearly from its minimum to its
    /// maximum (ImageJ's default display range).
    public static func displayImage(_ image: Image<UInt16>) -> Image<UInt8> {
        let low = image.samples.min() ?? 0, high = image.samples.max() ?? 0
        let span = max(1, Double(high) - Double(low))
        return image.map { UInt8(((Double($0) - Double(low)) * 255 / span).rounded()) }
    }
}
