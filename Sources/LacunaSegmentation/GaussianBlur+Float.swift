import LacunaImage

/// Gaussian smoothing of a `Float` image with the kernel and mirrored borders of
/// `gaussianBlur` (SciPy `gaussian_filter`, truncate 4, mode `reflect`), without rounding.
/// σ = 0 returns the input. Complexity O(width·height·σ).
public func gaussianBlur(_ image: Image<Float>, sigma: Double) -> Image<Float> {
    precondition(image.channels == 1, "gaussianBlur needs one channel, got \(image.channels)")
    precondition(sigma >= 0 && sigma.isFinite, "sigma must be finite and ≥ 0, got \(sigma)")
    if sigma == 0 || image.pixelCount == 0 { return image }
    let kernel = gaussianKernel(sigma: sigma)
    let w = image.width, h = image.height
    var out = image.samples
    out.withUnsafeMutableBufferPointer { data in
        var row = [Float](repeating: 0, count: w)
        for y in 0 ..< h {
            for x in 0 ..< w { row[x] = data[y * w + x] }
            convolve(row, kernel: kernel) { x, value in data[y * w + x] = value }
        }
        var column = [Float](repeating: 0, count: h)
        for x in 0 ..< w {
            for y in 0 ..< h { column[y] = data[y * w + x] }
            convolve(column, kernel: kernel) { y, value in data[y * w + x] = value }
        }
    }
    return Image(width: w, height: h, channels: 1, samples: out)
}
