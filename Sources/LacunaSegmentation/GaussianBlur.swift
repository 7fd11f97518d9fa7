import Foundation
import LacunaImage

/// Gaussian smoothing of a one-channel integer image, separable, in `Float`.
///
/// The kernel is sampled at integer offsets, truncated at radius ⌊4σ + ½⌋ (SciPy's
/// `gaussian_filter(truncate=4.0)`, which scikit-image calls) and normalised to sum 1; borders are mirrored with the edge sample repeated
/// (SciPy mode `reflect`: `d c b a | a b c d`). The result is rounded to the nearest integer of
/// the input's depth, as ImageJ and OpenCV do for integer images. σ = 0 returns the input.
/// Complexity O(width·height·σ).
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
    let kernel = gaussianKernel(sigma: sigma)
    let w = image.width, h = image.height
    var horizontal = [Float](repeating: 0, count: w * h)
    image.samples.withUnsafeBufferPointer { src in
        horizontal.withUnsafeMutableBufferPointer { dst in
            var row = [Float](repeating: 0, count: w)
            for y in 0 ..< h {
                for x in 0 ..< w { row[x] = Float(src[y * w + x]) }
                convolve(row, kernel: kernel) { x, value in dst[y * w + x] = value }
            }
        }
    }
    var out = [S](repeating: 0, count: w * h)
    let maximum = Float(S.max)
    horizontal.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            var column = [Float](repeating: 0, count: h)
            for x in 0 ..< w {
                for y in 0 ..< h { column[y] = src[y * w + x] }
                convolve(column, kernel: kernel) { y, value in
                    dst[y * w + x] = S(min(maximum, max(0, value.rounded())))
                }
            }
        }
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

/// Convolves `line` with the symmetric half-kernel, mirroring at both ends.
func convolve(_ line: [Float], kernel: [Float], store: (Int, Float) -> Void) {
    let n = line.count
    let radius = kernel.count - 1
    line.withUnsafeBufferPointer { v in
        @inline(__always) func at(_ i: Int) -> Float {
            var j = i
            // Mirror with repeated edge; loop handles kernels longer than the line.
            while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
            return v[j]
        }
        for i in 0 ..< n {
            var sum = kernel[0] * v[i]
            if i >= radius && i + radius < n {
                for k in 1 ... radius { sum += kernel[k] * (v[i - k] + v[i + k]) }
            } else {
                for k in 1 ... radius { sum += kernel[k] * (at(i - k) + at(i + k)) }
            }
            store(i, sum)
        }
    }
}
