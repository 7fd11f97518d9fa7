import Foundation
import LacunaImage

/// Bilateral filter (Tomasi & Manduchi 1998, ICCV, pp. 839–846): each pixel becomes the
/// average of its neighbours weighted by exp(−d²/(2σ_s²))·exp(−Δv²/(2σ_r²)), so edges whose
/// step exceeds a few σ_r keep their position while flat regions are smoothed.
///
/// The window is (2r + 1)², r = ⌈3σ_s⌉ (scikit-image `denoise_bilateral`'s window); edges are
/// mirrored (SciPy `reflect`). σ_r is in grey levels of the image. The result is rounded to
/// the depth. O(width·height·r²), no allocation per pixel; the input is not modified.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func bilateralFilter<S: FixedWidthInteger & UnsignedInteger & Sendable>(
    _ image: Image<S>, sigmaSpatial: Double, sigmaRange: Double
) -> Image<S> {
    precondition(image.channels == 1, "bilateralFilter needs one channel, got \(image.channels)")
    precondition(sigmaSpatial > 0 && sigmaSpatial.isFinite && sigmaRange > 0 && sigmaRange.isFinite,
                 "bilateral σ must be finite and > 0, got \(sigmaSpatial), \(sigmaRange)")
    guard image.pixelCount > 0 else { return image }
    let r = Int((3 * sigmaSpatial).rounded(.up))
    let w = image.width, h = image.height
    var spatial: [(dx: Int, dy: Int, weight: Double)] = []
    for dy in -r ... r {
        for dx in -r ... r {
            spatial.append((dx, dy, exp(-Double(dx * dx + dy * dy) / (2 * sigmaSpatial * sigmaSpatial))))
        }
    }
    let rangeScale = -1 / (2 * sigmaRange * sigmaRange)
    let top = Double(S.max)
    var out = [S](repeating: 0, count: w * h)
    image.samples.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for y in 0 ..< h {
                for x in 0 ..< w {
                    let centre = Double(src[y * w + x])
                    var sum = 0.0, total = 0.0
                    for o in spatial {
                        let v = Double(src[mirrorIndex(y + o.dy, count: h) * w + mirrorIndex(x + o.dx, count: w)])
                        let d = v - centre
                        let weight = o.weight * exp(d * d * rangeScale)
                        sum += weight * v
                        total += weight
                    }
                    dst[y * w + x] = S(min(top, max(0, (sum / total).rounded())))
                }
            }
        }
    }
    return Image(width: w, height: h, samples: out)
}
