/// Settings of ``HierarchicalBootstrap``.
public struct BootstrapOptions: Sendable, Equatable {
    /// Number of bootstrap resamples B (scipy.stats.bootstrap's default, 9999).
    public var resamples: Int
    /// Seed of the ``SeededGenerator``; the same seed gives the same intervals.
    public var seed: UInt64
    /// Two-sided confidence level of the intervals, in (0, 1).
    public var confidenceLevel: Double
    /// Whether pores are resampled within each resampled image (the second level); when false,
    /// only images are resampled (and the pores of a condition's only image).
    public var resamplesPores: Bool

    /// The default seed, recorded in fit.json.
    public static let defaultSeed: UInt64 = 1

    public init(resamples: Int = 9999, seed: UInt64 = BootstrapOptions.defaultSeed,
                confidenceLevel: Double = 0.95, resamplesPores: Bool = true) {
        precondition(resamples >= 1, "the bootstrap needs ≥ 1 resample, got \(resamples)")
        precondition(confidenceLevel > 0 && confidenceLevel < 1, "confidence level \(confidenceLevel) not in (0, 1)")
        self.resamples = resamples
        self.seed = seed
        self.confidenceLevel = confidenceLevel
        self.resamplesPores = resamplesPores
    }
}
