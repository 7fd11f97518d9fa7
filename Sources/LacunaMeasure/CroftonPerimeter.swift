import LacunaImage

/// The Crofton perimeter with four directions, as scikit-image's `perimeter_crofton`
/// (`directions=4`): every 2 × 2 window touching the region gets a code
/// b(r+1, c+1) + 4·b(r+1, c) + 2·b(r, c+1) + 8·b(r, c) of its pixels (b = 1 inside), and the
/// perimeter is the sum of a weight per code — the number of lines in directions 0°, 45°, 90°,
/// 135° that the window's configuration crosses, times π/4 and the line spacing (Crofton's
/// formula; Rivollier 2010, thesis, École des Mines de Saint-Étienne). Holes count; a single
/// pixel gives π/4·(1 + 1/√2)·2 + π/(4√2)·2 = 2.6815 (anchors.md §4.2).
/// Complexity O(bounding-box area).
func croftonPerimeter(of crop: RegionCrop) -> Double {
    let w = crop.mask.width, h = crop.mask.height
    let quarter = Double.pi / 4, diagonal = Double.pi / (4 * 2.0.squareRoot())
    let weights: [Double] = [
        0, quarter * (1 + 1 / 2.0.squareRoot()), diagonal, 2 * diagonal,
        0, quarter * (1 + 1 / 2.0.squareRoot()), 0, diagonal,
        quarter, 2 * quarter, diagonal, diagonal,
        quarter, 2 * quarter, 0, 0,
    ]
    var total = 0.0
    crop.mask.samples.withUnsafeBufferPointer { s in
        for r in 0 ..< h - 1 {
            for c in 0 ..< w - 1 {
                var code = 0
                if s[(r + 1) * w + c + 1] { code += 1 }
                if s[(r + 1) * w + c] { code += 4 }
                if s[r * w + c + 1] { code += 2 }
                if s[r * w + c] { code += 8 }
                total += weights[code]
            }
        }
    }
    return total
}
