import Foundation

/// Percentile and BCa bootstrap confidence intervals of one statistic.
///
/// - Percentile: the α and 1 − α quantiles of the bootstrap distribution (α = (1 − level)/2).
/// - BCa (bias-corrected and accelerated; Efron 1987, JASA 82, 171; Efron & Tibshirani, *An
///   Introduction to the Bootstrap*, 1993, §14.3): the quantiles at
///   α₁,₂ = Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))), with the bias correction
///   z₀ = Φ⁻¹(share of replicates below the estimate, ties counted half) and the acceleration
///   a from the jackknife. For several independent samples (strata: here, conditions) a is
///   a = Σⱼ Σᵢ Uⱼᵢ³/nⱼ³ / (6·(Σⱼ Σᵢ Uⱼᵢ²/nⱼ²)^{3/2}), Uⱼᵢ = (nⱼ − 1)(θ̄ⱼ − θⱼᵢ), over the
///   leave-one-out estimates θⱼᵢ of stratum j (Efron & Tibshirani 1993, eq. 15.36), as
///   `scipy.stats.bootstrap(method='BCa')` computes it.
///
/// Quantiles are Hyndman & Fan type 7 (linear interpolation, numpy's default), as in scipy.
public struct BootstrapInterval: Sendable, Equatable {
    /// The statistic on the original data.
    public var estimate: Double
    /// Standard deviation of the bootstrap replicates (n − 1), the bootstrap standard error.
    public var standardError: Double
    /// The percentile interval.
    public var percentile: ClosedRange<Double>
    /// The BCa interval; nil when the bias correction or acceleration is undefined (every
    /// replicate on one side of the estimate, or a jackknife that never changes the statistic).
    public var bca: ClosedRange<Double>?
    /// The bias correction z₀.
    public var biasCorrection: Double
    /// The acceleration a (NaN when undefined).
    public var acceleration: Double

    /// The intervals from bootstrap `replicates` (any order), the `estimate` on the original
    /// data and, per stratum, the jackknife (leave-one-unit-out) estimates.
    ///
    /// O(B log B) for B replicates.
    public init(estimate: Double, replicates: [Double], jackknife: [[Double]], confidenceLevel: Double) {
        precondition(!replicates.isEmpty, "no bootstrap replicates")
        self.estimate = estimate
        let sorted = replicates.sorted()
        let count = Double(sorted.count)
        let mean = sorted.reduce(0, +) / count
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardError = sorted.count > 1 ? (squares / (count - 1)).squareRoot() : .nan
        let alpha = (1 - confidenceLevel) / 2
        percentile = Self.quantile(sorted, alpha)...Self.quantile(sorted, 1 - alpha)

        let below = sorted.reduce(0) { $0 + ($1 < estimate ? 1 : 0) }
        let belowOrEqual = sorted.reduce(0) { $0 + ($1 <= estimate ? 1 : 0) }
        biasCorrection = NormalDistribution.quantile(Double(below + belowOrEqual) / (2 * count))
        acceleration = Self.acceleration(jackknife)

        let zAlpha = NormalDistribution.quantile(alpha)
        let lowerShift = biasCorrection + zAlpha
        let upperShift = biasCorrection - zAlpha
        let lowerLevel = NormalDistribution.cdf(biasCorrection + lowerShift / (1 - acceleration * lowerShift))
        let upperLevel = NormalDistribution.cdf(biasCorrection + upperShift / (1 - acceleration * upperShift))
        if lowerLevel.isFinite, upperLevel.isFinite, lowerLevel <= upperLevel {
            bca = Self.quantile(sorted, lowerLevel)...Self.quantile(sorted, upperLevel)
        } else {
            bca = nil
        }
    }

    /// The stratified jackknife acceleration (Efron & Tibshirani 1993, eq. 15.36).
    static func acceleration(_ strata: [[Double]]) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for stratum in strata where !stratum.isEmpty {
            let n = Double(stratum.count)
            let mean = stratum.reduce(0, +) / n
            for value in stratum {
                let u = (n - 1) * (mean - value)
                numerator += u * u * u / (n * n * n)
                denominator += u * u / (n * n)
            }
        }
        return numerator / (6 * pow(denominator, 1.5))
    }

    /// Type-7 quantile of ascending `sorted` at probability `p` in [0, 1].
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
}
