import LacunaImage

/// The structured part of a frame: everything except large featureless regions (vacuum beyond
/// a sample edge, a solid cap layer, the outside of a particle), for `--auto-mask`.
///
/// A pixel seeds a featureless region when the grey-level standard deviation over the
/// (2R + 1) × (2R + 1) window around it (clipped to the frame; R = `windowRadius`) is below
/// `relativeLevel` × `contrast`, where `contrast` is the difference of the pore and framework
/// grey levels (e.g. the means of Otsu's two classes). A window holding a fraction p of pores
/// has a standard deviation near contrast·√(p(1 − p)) — at least 0.22·contrast for p ≥ 5 % —
/// while noise alone gives far less; the default level 0.15 sits between. The seeds are the
/// featureless regions shrunk by R (any window reaching a feature is busy), so they are grown
/// back by R (a disc dilation). A pore wider than 2R reads as featureless: R must exceed the
/// largest pore radius (default 64 px covers the radii 5–60 px Lacuna is validated on).
///
/// Window sums from summed-area tables (Crow 1984). Complexity O(width·height).
/// The input is not modified.
///
/// - Returns: true where the frame is analysed.
public func structuredRegion(of image: Image<Float>, contrast: Double, windowRadius: Int = 64,
                             relativeLevel: Double = 0.15) -> Mask {
    precondition(image.channels == 1, "structuredRegion needs one channel, got \(image.channels)")
    precondition(windowRadius >= 1, "window radius must be ≥ 1, got \(windowRadius)")
    let w = image.width, h = image.height
    let stride = w + 1
    var sum = [Double](repeating: 0, count: stride * (h + 1))
    var sumSquares = sum
    image.samples.withUnsafeBufferPointer { v in
        for y in 0 ..< h {
            var rowSum = 0.0, rowSquares = 0.0
            for x in 0 ..< w {
                let value = Double(v[y * w + x])
                rowSum += value
                rowSquares += value * value
                sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rowSum
                sumSquares[(y + 1) * stride + x + 1] = sumSquares[y * stride + x + 1] + rowSquares
            }
        }
    }
    let limit = relativeLevel * contrast
    var seeds = [Bool](repeating: false, count: w * h)
    for y in 0 ..< h {
        let y0 = max(0, y - windowRadius), y1 = min(h, y + windowRadius + 1)
        for x in 0 ..< w {
            let x0 = max(0, x - windowRadius), x1 = min(w, x + windowRadius + 1)
            let n = Double((x1 - x0) * (y1 - y0))
            let s = sum[y1 * stride + x1] - sum[y0 * stride + x1] - sum[y1 * stride + x0] + sum[y0 * stride + x0]
            let q = sumSquares[y1 * stride + x1] - sumSquares[y0 * stride + x1]
                - sumSquares[y1 * stride + x0] + sumSquares[y0 * stride + x0]
            let variance = max(0, q / n - (s / n) * (s / n))
            seeds[y * w + x] = variance < limit * limit
        }
    }
    let featureless = DiskMorphology.dilating(Mask(width: w, height: h, samples: seeds), radius: Double(windowRadius))
    return featureless.map { !$0 }
}
