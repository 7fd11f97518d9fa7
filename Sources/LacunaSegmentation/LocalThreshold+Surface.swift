import Foundation
import LacunaImage

extension LocalThreshold {
    /// The threshold surface T(x, y) of a one-channel integer image, in its grey levels: the
    /// framework is `value > T`, dark pores `value ≤ T` (`poreMask(_:surface:offset:polarity:)`).
    ///
    /// Window statistics mirror the image at its edges (NumPy `reflect`, as scikit-image), so
    /// a window may be larger than the image. R is half the depth's range (127.5 at 8 bits,
    /// 32767.5 at 16 bits: scikit-image's default for Sauvola). Phansalkar works on levels
    /// divided by the depth's maximum. Bernsen's flat windows get T = −1 (all framework) when
    /// their mid-level is in the upper half of the range, else the full-scale value (all pores).
    /// O(width·height) whatever the window (`windowMeanDeviation`, `windowExtrema`). The image
    /// is not modified; a 1×1 image gives its own value as the mean.
    ///
    /// - Throws: `ThresholdError.invalidParameter` from `validated()`.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public func surface<S: FixedWidthInteger & UnsignedInteger & Sendable>(of image: Image<S>) throws(ThresholdError) -> Image<Double> {
        precondition(image.channels == 1, "local threshold needs one channel, got \(image.channels)")
        let p = try validated()
        let n = image.pixelCount
        guard n > 0 else { return Image(width: image.width, height: image.height, samples: []) }
        let fullScale = Double(S.max)
        let range = fullScale / 2
        var out = [Double](repeating: 0, count: n)
        switch p.method {
        case .sauvola, .niblack, .phansalkar:
            let (mean, deviation) = windowMeanDeviation(of: image, window: p.window)
            out.withUnsafeMutableBufferPointer { t in
                for i in 0 ..< n {
                    let m = mean[i], s = deviation[i]
                    switch p.method {
                    case .sauvola: t[i] = m * (1 + p.k * (s / range - 1))
                    case .niblack: t[i] = m - p.k * s
                    default:
                        let mn = m / fullScale, sn = s / fullScale
                        t[i] = fullScale * mn * (1 + 2 * exp(-10 * mn) + p.k * (sn / 0.5 - 1))
                    }
                }
            }
        case .bernsen:
            let (low, high) = windowExtrema(of: image, window: p.window)
            let limit = p.contrast * fullScale / 255
            out.withUnsafeMutableBufferPointer { t in
                for i in 0 ..< n {
                    let mid = (Double(low[i]) + Double(high[i])) / 2
                    if Double(high[i] - low[i]) >= limit {
                        t[i] = mid - 0.5  // ImageJ: framework is value ≥ mid
                    } else {
                        t[i] = mid >= (fullScale + 1) / 2 ? -1 : fullScale
                    }
                }
            }
        }
        return Image(width: image.width, height: image.height, samples: out)
    }
}

/// The pore mask against a threshold surface: `value ≤ T + offset` for dark pores,
/// `value > T + offset` for bright ones. `offset` shifts the whole surface (the ± sensitivity
/// check). O(width·height); inputs are not modified.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func poreMask<S: FixedWidthInteger & UnsignedInteger & Sendable>(
    _ image: Image<S>, surface: Image<Double>, offset: Double = 0, polarity: PorePolarity
) -> Mask {
    precondition(image.channels == 1 && image.width == surface.width && image.height == surface.height,
                 "poreMask: image \(image.width)×\(image.height)×\(image.channels) vs surface \(surface.width)×\(surface.height)")
    var out = [Bool](repeating: false, count: image.pixelCount)
    image.samples.withUnsafeBufferPointer { v in
        surface.samples.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { m in
                switch polarity {
                case .dark: for i in 0 ..< m.count { m[i] = Double(v[i]) <= t[i] + offset }
                case .bright: for i in 0 ..< m.count { m[i] = Double(v[i]) > t[i] + offset }
                }
            }
        }
    }
    return Mask(width: image.width, height: image.height, channels: 1, samples: out)
}
