import Foundation
import LacunaImage

/// Gaussian smoothing of a one-channel integer image, separable, in `Float`.
///
/// The kernel is sampled at integer offsets, truncated at radius ⌊4σ + ½⌋ (SciPy's
/// `gaussian_filter(truncate=4.0)`, which scikit-image calls) and normalised to sum 1; borders are mirrored with the edge sample repeated
/// (SciPy mode `reflect`: `d c b a | a b c d`). The result is rounded to the nearest integer of
/// the input's depth, as ImageJ and OpenCV do for integer images. σ = 0 returns the input.
/// Complexity O(width·height·σ) (`separableGaussian`).
///
/// - Parameters:
///   - image: one channel, any unsigned integer depth; not modified.
///   - sigma: standard deviation in pixels (≥ 0).
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func gaussianBlur<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double) -> Image<S> {
    precondition(image.channels == 1, "gaussianBlur needs one channel, got \(image.channels)")
    precondition(sigma >= 0 && sigma.isFinite, "sigma must be finite and ≥ 0, got \(sigma)")
    if sigma == 0 || image.pixelCount == 0 { return image }
    let w = image.width, h = image.height
    var values = image.samples.map { Float($0) }
    separableGaussian(&values, width: w, height: h, kernel: gaussianKernel(sigma: sigma))
    let maximum = Float(S.max)
    // Round half away from zero (`rounded()`) without a libm call: the sums are ≥ 0 and below
    // 2¹⁶, so truncation by `Int(_:)` and the exact fraction x − ⌊x⌋ decide it.
    let out = values.map { value -> S in
        let whole = Float(Int(value))
        return S(min(maximum, value - whole >= 0.5 ? whole + 1 : whole))
    }
    return Image(width: w, height: h, channels: 1, samples: out)
}

/// Normalised Gaussian weights for offsets 0…⌊4σ + ½⌋ (one side; the kernel is symmetric).
func gaussianKernel(sigma: Double) -> [Float] {
    let radius = max(1, Int(4 * sigma + 0.5))
    var weights = (0 ... radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
    let total = weights[0] + 2 * weights.dropFirst().reduce(0, +)
    for i in weights.indices { weights[i] /= total }
    return weights.map(Float.init)
}
