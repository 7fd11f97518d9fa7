/// A local (adaptive) threshold: each pixel is compared with a level computed from the
/// `window × window` neighbourhood around it (docs/methods.md).
public enum LocalThresholdMethod: String, Sendable, CaseIterable, Codable {
    /// T = m·(1 + k·(s/R − 1)), R half the depth's range (Sauvola & Pietikäinen 2000,
    /// Pattern Recognit. 33:225–236; scikit-image `threshold_sauvola`).
    case sauvola
    /// T = m − k·s (Niblack 1986, An Introduction to Digital Image Processing, pp. 115–116;
    /// scikit-image `threshold_niblack`'s sign, which suits a bright framework).
    case niblack
    /// T = m·(1 + p·e^(−q·m) + k·(s/R − 1)) on levels scaled to [0, 1], p = 2, q = 10,
    /// R = 0.5 (Phansalkar et al. 2011, ICCSP, pp. 218–220; ImageJ Auto Local Threshold).
    case phansalkar
    /// T = (min + max)/2 of the window where its contrast max − min reaches a limit; flatter
    /// windows go wholly to the framework or the pores by that mid-level (Bernsen 1986,
    /// Proc. 8th ICPR, pp. 1251–1255; ImageJ Auto Local Threshold).
    case bernsen

    /// The default k: 0.2 (scikit-image) for Sauvola and Niblack, 0.25 for Phansalkar
    /// (its paper and ImageJ); unused by Bernsen.
    public var defaultK: Double {
        switch self {
        case .sauvola, .niblack: 0.2
        case .phansalkar: 0.25
        case .bernsen: 0
        }
    }
}

/// The parameters of a local threshold, checked by `validated()`.
public struct LocalThreshold: Sendable, Equatable {
    /// Largest window accepted, in pixels.
    public static let maximumWindow = 4095

    /// Which local rule computes T(x, y).
    public var method: LocalThresholdMethod
    /// Side of the square window in pixels: odd, 3…`maximumWindow` (default 15, scikit-image's).
    public var window: Int
    /// The method's k (dimensionless), finite, |k| ≤ 10.
    public var k: Double
    /// Bernsen's minimum contrast max − min in grey levels of an 8-bit scale (×257 on 16-bit
    /// images), 0…255 (default 15, ImageJ's).
    public var contrast: Double

    /// Parameters for `method`; `k` defaults to `method.defaultK`. Call `validated()` (or
    /// `surface(of:)`, which does) before use.
    public init(method: LocalThresholdMethod, window: Int = 15, k: Double? = nil, contrast: Double = 15) {
        self.method = method
        self.window = window
        self.k = k ?? method.defaultK
        self.contrast = contrast
    }

    /// `self` if every parameter is in range.
    ///
    /// - Throws: `ThresholdError.invalidParameter` naming the window (even, < 3 or too large),
    ///   k (NaN, infinite, |k| > 10) or the contrast.
    public func validated() throws(ThresholdError) -> LocalThreshold {
        guard window >= 3, window <= Self.maximumWindow, window % 2 == 1 else {
            throw .invalidParameter(name: "window", value: "\(window)",
                                    expected: "an odd number of pixels in 3…\(Self.maximumWindow)")
        }
        guard k.isFinite, abs(k) <= 10 else {
            throw .invalidParameter(name: "k", value: "\(k)", expected: "a finite number in −10…10")
        }
        guard contrast.isFinite, contrast >= 0, contrast <= 255 else {
            throw .invalidParameter(name: "contrast", value: "\(contrast)", expected: "a number of grey levels in 0…255")
        }
        return self
    }
}
