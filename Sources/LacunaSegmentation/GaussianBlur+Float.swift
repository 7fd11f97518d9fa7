import LacunaImage

/// Gaussian smoothing of a `Float` image with the kernel and mirrored borders of
/// `gaussianBlur` (SciPy `gaussian_filter`, truncate 4, mode `reflect`), without rounding.
/// σ = 0 returns the input. Complexity O(width·height·σ).
public func gaussianBlur(_ image: Image<Float>, sigma: Double) -> Image<Float> {
    precondition(image.channels == 1, "gaussianBlur needs one channel, got \(image.channels)")
    precondition(sigma >= 0 && sigma.isFinite, "sigma must be finite and ≥ 0, got \(sigma)")
    if sigma == 0 || image.pixelCount == 0 { return image }
    let w = image.width, h = image.height
    var out = image.samples
    separableGaussian(&out, width: w, height: h, kernel: gaussianKernel(sigma: sigma))
    return Image(width: w, height: h, channels: 1, samples: out)
}
