import Foundation
import LacunaImage

/// Gaussian smoothing of a one-channel integer image, separable, in `Float`.
///
/// The kernel is sampled at integer offsets, truncated at radius ⌊4σ + ½⌋ (SciPy's
/// `gaussian_filter(truncate=4.0)`, which scikit-image calls) and normalised to sum 1; borders are mirrored with the edge sample repeated
/// (SciPy mode `reflect`: `d c b a | a b c d`). The result is rounded to the nearest integer of
/// the input's depth, as ImageJ and OpenCV do for integer images. σ = 0 returns the input.
/// Complexity O(width·height·σ); memory: the result and 2r + 1 `Float` rows (`separableGaussian`).
///
/// - Parameters:
///   - image: one channel, any unsigned integer depth; not modified.
///   - sigma: standard deviation in pixels (≥ 0).
///   - threads: bands of rows are smoothed by up to this many threads (the same result for any
///     number; each band re-reads the r source rows above it).
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func gaussianBlur<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double,
                                                                          threads: Int = 1) -> Image<S> {
    precondition(image.channels == 1, "gaussianBlur needs one channel, got \(image.channels)")
    precondition(sigma >= 0 && sigma.isFinite, "sigma must be finite and ≥ 0, got \(sigma)")
    if sigma == 0 || image.pixelCount == 0 { return image }
    let w = image.width, h = image.height
    let kernel = gaussianKernel(sigma: sigma)
    // Bands of at least 64 rows: below that the r rows each band re-reads cost more than a
    // thread saves.
    let bands = max(1, min(threads, h / 64))
    let out = [S](unsafeUninitializedCapacity: w * h) { target, count in
        image.samples.withUnsafeBufferPointer { source in
            func smooth(_ rows: Range<Int>) {
                separableGaussian(
                    width: w, height: h, kernel: kernel, rows: rows,
                    load: { y, row in
                        let s = source.baseAddress! + y * w
                        for x in 0 ..< w { row[x] = Float(s[x]) }
                    },
                    store: { y, row in roundRow(row, into: target.baseAddress! + y * w, count: w) })
            }
            // One band is called directly: through `parallelMap`'s closure the row loads and
            // stores were no longer inlined (20 % slower on one thread).
            if bands == 1 {
                smooth(0 ..< h)
            } else {
                _ = parallelMap(bands, threads: bands) { b in smooth(b * h / bands ..< (b + 1) * h / bands) }
            }
        }
        count = w * h
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

/// Rounds `count` sums to the nearest integer, halves away from zero (what `rounded()` gives),
/// capped at `S.max`, eight at a time without a conversion instruction SSE2 lacks: adding and
/// subtracting 2²³ rounds a sum 0 ≤ v < 2²² to the nearest even integer n exactly; v − n = ½
/// marks the one tie that rounds up instead; the integer then sits in the low mantissa bits of
/// n + 2²³. Sums are ≥ 0 (positive weights, unsigned samples) and below 2¹⁷.
@inline(__always)
func roundRow<S: FixedWidthInteger & UnsignedInteger>(_ row: UnsafePointer<Float>, into out: UnsafeMutablePointer<S>,
                                                             count w: Int) {
    let magic = SIMD8<Float>(repeating: 8_388_608), maximum = SIMD8<Float>(repeating: Float(S.max))
    var x = 0
    while x + 8 <= w {
        let value = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<Float>.self)
        let nearest = (value + magic) - magic
        let rounded = nearest.replacing(with: nearest + 1, where: value - nearest .== 0.5)
        let bits = unsafeBitCast(rounded.replacing(with: maximum, where: rounded .> maximum) + magic, to: SIMD8<UInt32>.self) &- 0x4B00_0000
        for lane in 0 ..< 8 { out[x + lane] = S(truncatingIfNeeded: bits[lane]) }
        x += 8
    }
    while x < w {
        let value = row[x]
        let nearest = (value + 8_388_608) - 8_388_608
        let rounded = value - nearest == 0.5 ? nearest + 1 : nearest
        out[x] = S(truncatingIfNeeded: (min(rounded, Float(S.max)) + 8_388_608).bitPattern &- 0x4B00_0000)
        x += 1
    }
}
