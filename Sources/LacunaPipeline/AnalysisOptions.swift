import LacunaSegmentation

/// Every parameter of the per-image analysis, with the defaults documented in docs/cli.md.
public struct AnalysisOptions: Sendable, Equatable {
    /// Which side of the threshold the pores are on (default dark holes in a bright framework).
    public var polarity: PorePolarity = .dark
    /// Gaussian smoothing σ in pixels before thresholding (default 1.0; 0 disables).
    public var blurSigma: Double = 1.0
    /// Pores smaller than this many pixels are dropped as noise (default 10 px, i.e. an
    /// equivalent radius below 1.8 px, which no size measurement can resolve).
    public var minimumPoreArea: Int = 10
    /// Pixel size in µm for every image, overriding metadata (source `manual`).
    public var pixelSizeOverride: Double? = nil
    /// Largest image accepted, in pixels.
    public var maxPixels: Int = 500_000_000

    public init() {}
}
