import LacunaImage
import LacunaSegmentation

/// Strength of bright ridges (thin bright walls) at scale σ: the scale-normalised magnitude of
/// the Hessian's most negative eigenvalue, σ²·max(0, −λ₁), where λ₁ ≤ λ₂ are the eigenvalues of
/// the Hessian of the image smoothed with a Gaussian of σ px. Across a bright line λ₁ is
/// strongly negative; in flat or gently shaded cell interiors both eigenvalues are near zero.
/// This is the 2-D line measure of Sato et al. (1998, Med. Image Anal. 2:143) without the
/// multi-scale maximum; Frangi et al. (1998, MICCAI, LNCS 1496:130) use the same eigenvalues.
/// Second derivatives are central differences of the smoothed image; borders are mirrored.
/// - Parameters:
///   - image: grey levels (any scale); walls brighter than the cells.
///   - sigma: scale in px, about half the wall width (≥ 0.5).
/// - Returns: ridge strength in the image's grey units, ≥ 0.
public func ridgeStrength(_ image: Image<Float>, sigma: Double) -> Image<Float> {
    let smooth = gaussianBlur(image, sigma: sigma)
    let w = image.width, h = image.height
    let scale = Float(sigma * sigma)
    var out = [Float](repeating: 0, count: w * h)
    smooth.samples.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer { r in
            for y in 0 ..< h {
                let up = y > 0 ? y - 1 : min(1, h - 1), down = y + 1 < h ? y + 1 : max(0, h - 2)
                for x in 0 ..< w {
                    let left = x > 0 ? x - 1 : min(1, w - 1), right = x + 1 < w ? x + 1 : max(0, w - 2)
                    let c = s[y * w + x]
                    let xx = s[y * w + left] - 2 * c + s[y * w + right]
                    let yy = s[up * w + x] - 2 * c + s[down * w + x]
                    let xy = (s[down * w + right] - s[down * w + left] - s[up * w + right] + s[up * w + left]) / 4
                    let half = (xx - yy) / 2
                    let lambda1 = (xx + yy) / 2 - (half * half + xy * xy).squareRoot()
                    r[y * w + x] = scale * max(0, -lambda1)
                }
            }
        }
    }
    return Image(width: w, height: h, channels: 1, samples: out)
}
