import LacunaImage
import LacunaSegmentation

/// How the pore mask is made: pre-processing, then a global or local threshold
/// (docs/methods.md; `analyze` flags in docs/cli.md). The defaults reproduce the first release:
/// no pre-processing besides the Gaussian σ of `AnalysisOptions.blurSigma`, then Otsu in the
/// scikit-image convention.
public struct SegmentationOptions: Sendable, Equatable {
    /// Background flattening methods.
    public enum Background: String, Sendable, CaseIterable {
        /// Subtract the frame smoothed with a Gaussian of σ = `backgroundRadius`.
        case gaussian
        /// Subtract the closing by a paraboloid of radius `backgroundRadius` (Sternberg's ball).
        case rollingBall = "rolling-ball"
    }

    /// Denoising methods.
    public enum Denoise: String, Sendable, CaseIterable {
        /// Median over a disk of radius `denoiseRadius`.
        case median
        /// Bilateral filter, spatial σ `denoiseRadius`, range σ `denoiseRange`.
        case bilateral
    }

    /// Count-statistics transforms for TOF-SIMS maps.
    public enum Poisson: String, Sendable, CaseIterable {
        /// Grey levels used as they are.
        case none
        /// Anscombe's 2√(x + 3/8) before everything else.
        case anscombe
    }

    /// Global threshold method (`--threshold`, default otsu); ignored when `local` is set.
    public var threshold: ThresholdMethod = .otsu
    /// The level for `threshold = manual` (`--threshold-value`), at the image's depth.
    public var thresholdValue: Int? = nil
    /// Fraction of pixels at or below the level for `threshold = percentile`, in (0, 1) (default 0.5).
    public var thresholdPercentile: Double = 0.5
    /// Binning and method definitions: scikit-image (default) or ImageJ.
    public var convention: ThresholdConvention = .skimage
    /// A local threshold instead of the global one (`--local`, default none).
    public var local: LocalThresholdMethod? = nil
    /// Local window side in pixels, odd, 3…4095 (`--window`, default 15).
    public var window: Int = 15
    /// Local k (`--k`); `nil` takes the method's default (0.2 Sauvola/Niblack, 0.25 Phansalkar).
    public var k: Double? = nil
    /// Bernsen's minimum local contrast in 8-bit grey levels (`--local-contrast`, default 15).
    public var localContrast: Double = 15
    /// Background flattening (`--background`, default none).
    public var background: Background? = nil
    /// Rolling-ball radius R or Gaussian σ of the background, in pixels (default 50).
    public var backgroundRadius: Double = 50
    /// Denoising (`--denoise`, default none).
    public var denoise: Denoise? = nil
    /// Median radius in whole pixels (disk footprint), or the bilateral spatial σ (default 1).
    public var denoiseRadius: Double = 1
    /// Bilateral range σ in grey levels of an 8-bit scale (×257 at 16 bits) (default 20).
    public var denoiseRange: Double = 20
    /// Contrast-limited adaptive histogram equalisation (`--clahe`, default off).
    public var clahe: Bool = false
    /// CLAHE clip limit, a fraction of a tile's pixels per bin in (0, 1] (default 0.01).
    public var claheClip: Double = 0.01
    /// CLAHE tiles per side, 1…64 (default 8).
    public var claheTiles: Int = 8
    /// Anscombe transform of Poisson counts before everything else (`--poisson`, default none).
    public var poisson: Poisson = .none
    /// k × k binning of count maps before everything else, 1…16 (`--poisson-bin`, default 1:
    /// off): the mask is made on the summed blocks and drawn back at full size.
    public var poissonBin: Int = 1

    /// The defaults listed above.
    public init() {}

    /// The first inconsistency between fields (a manual threshold without a value), or `nil`.
    /// Single fields are range-checked when set (`AnalysisOptions.set`).
    public var inconsistency: String? {
        if local == nil && threshold == .manual && thresholdValue == nil {
            return "--threshold manual needs --threshold-value N (the grey level at the image's depth)"
        }
        if denoise == .median && denoiseRadius != denoiseRadius.rounded() {
            return "--denoise median needs a whole --denoise-radius, got \(denoiseRadius)"
        }
        return nil
    }

    /// The pre-processed image: Anscombe, denoising, background flattening, CLAHE, in that
    /// order (the Gaussian σ and the threshold follow in `ImageAnalyzer`).
    func prepare<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, polarity: PorePolarity) -> Image<S> {
        var out = image
        if poisson == .anscombe { out = AnscombeTransform.apply(to: out) }
        switch denoise {
        case .median: out = Denoising.median(radius: Int(denoiseRadius), footprint: .disk).apply(to: out)
        case .bilateral:
            out = Denoising.bilateral(sigmaSpatial: denoiseRadius, sigmaRange: denoiseRange * Double(S.max) / 255).apply(to: out)
        case nil: break
        }
        switch background {
        case .gaussian: out = BackgroundFlattening.gaussian(sigma: backgroundRadius).apply(to: out, polarity: polarity)
        case .rollingBall: out = BackgroundFlattening.rollingBall(radius: backgroundRadius).apply(to: out, polarity: polarity)
        case nil: break
        }
        if clahe { out = CLAHE(tiles: claheTiles, clipLimit: claheClip).apply(to: out) }
        return out
    }

    /// The local threshold these options describe, if any.
    var localThreshold: LocalThreshold? {
        local.map { LocalThreshold(method: $0, window: window, k: k, contrast: localContrast) }
    }
}
