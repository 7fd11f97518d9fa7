/// A global, histogram-based threshold method (docs/methods.md has a section for each).
///
/// Every method returns one grey level `t`; the framework is `value > t` and dark pores are
/// `value ≤ t` (`PorePolarity`). How the histogram is binned and how a bin index becomes `t`
/// is the `ThresholdConvention`.
public enum ThresholdMethod: String, Sendable, CaseIterable, Codable {
    /// Maximum between-class variance (Otsu 1979).
    case otsu
    /// Minimum cross entropy, iterative (Li & Lee 1993; Li & Tam 1998).
    case li
    /// Largest distance from the line between the histogram peak and its far end (Zack et al. 1977).
    case triangle
    /// Maximum correlation criterion (Yen, Chang & Chang 1995).
    case yen
    /// Iterative intermeans, t = (μ₀ + μ₁)/2 (Ridler & Calvard 1978).
    case isodata
    /// Minimum fuzzy entropy with Shannon's function (Huang & Wang 1995).
    case huang
    /// Maximum sum of class entropies (Kapur, Sahoo & Wong 1985).
    case maxentropy
    /// The mean grey level (Glasbey 1993).
    case mean
    /// The valley between the two maxima of the iteratively smoothed histogram (Glasbey 1993;
    /// Prewitt & Mendelsohn 1966).
    case minimum
    /// The midpoint between the two maxima of the iteratively smoothed histogram (Glasbey 1993).
    case intermodes
    /// Moment preserving (Tsai 1985).
    case moments
    /// The level closest to a given fraction of pixels at or below it (Doyle 1962).
    case percentile
    /// A level given by the user (`--threshold-value`).
    case manual
}

/// How a global threshold is computed and applied: the two conventions users compare against
/// (../shared/reference/anchors.md §4.1, §4.3).
public enum ThresholdConvention: String, Sendable, CaseIterable, Codable {
    /// scikit-image 0.26: one histogram bin per integer value (its `nbins` is ignored for
    /// integer images), the method's own formulas, foreground `value > t`.
    case skimage
    /// ImageJ 1.54 `AutoThresholder`: 256 bins (8-bit: one per value; deeper images: over
    /// [min, max], bin = ⌊255·(v − min)/(max − min)⌋), ImageJ's version of each method, and
    /// a dark background selected as `bin ≥ level + 1`, i.e. `value ≥ min + (level+1)·(max − min)/255`.
    case imagej
}

/// A global threshold with how it was obtained.
public struct GlobalThreshold: Sendable, Equatable {
    /// The integer cut: framework (bright) is `value > level`, dark pores `value ≤ level`.
    public var level: Int
    /// The method's own number in grey levels of the image: skimage's float result (Li
    /// 16953.2, Mean), or for ImageJ's convention the lower bound of the selected range
    /// (`min + (bin+1)·(max − min)/255` on deep images, `bin + 1` on 8-bit ones).
    public var value: Double
    /// The histogram bin the method chose (equal to `level` except on ImageJ's 16-bit bins).
    public var bin: Int

    /// A threshold from its parts (see the properties).
    public init(level: Int, value: Double, bin: Int) {
        self.level = level
        self.value = value
        self.bin = bin
    }
}

/// Why no threshold could be computed. Each case has a one-line `message`.
public enum ThresholdError: Error, Equatable, Sendable {
    /// Every pixel has the same value: nothing separates pores from framework.
    case singleLevel(Int)
    /// The method found no threshold on this histogram (Minimum and Intermodes need two
    /// maxima after smoothing; Li's iteration can leave the occupied range).
    case notFound(ThresholdMethod)
    /// A parameter is out of range (named, with the accepted range).
    case invalidParameter(name: String, value: String, expected: String)
    /// The histogram is too fine for a method of quadratic cost.
    case tooManyLevels(method: ThresholdMethod, levels: Int, limit: Int)

    /// One line for the user.
    public var message: String {
        switch self {
        case let .singleLevel(v): "every pixel has the value \(v); nothing to threshold"
        case let .notFound(m): "the \(m.rawValue) threshold found no level on this histogram (needs two modes)"
        case let .invalidParameter(name, value, expected): "\(name) \(value) is not \(expected)"
        case let .tooManyLevels(m, levels, limit):
            "the \(m.rawValue) threshold costs O(levels²); \(levels) levels exceed \(limit) "
                + "(use --threshold-convention imagej, which bins to 256)"
        }
    }
}
