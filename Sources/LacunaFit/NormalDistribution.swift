import Foundation

/// The standard normal distribution: cumulative distribution Φ and its inverse, as the BCa
/// bootstrap interval needs them.
public enum NormalDistribution {
    /// Φ(z) = P(Z ≤ z), computed as ½·erfc(−z/√2) so that the lower tail keeps full relative
    /// accuracy. NaN for NaN.
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The quantile Φ⁻¹(p): the z with Φ(z) = p.
    ///
    /// Method: the rational approximation of Abramowitz & Stegun 26.2.23 (|error| < 4.5·10⁻⁴)
    /// as a start, then Halley steps z ← z − u/(1 + z·u/2) with u = (Φ(z) − p)/φ(z), which
    /// converge cubically (three steps reach double precision). Solved on the smaller tail.
    ///
    /// - Returns: The quantile; −∞ for 0, +∞ for 1, NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let lowerTail = min(p, 1 - p)
        // A&S 26.2.23 for the upper-tail probability q = lowerTail (0 < q ≤ ½).
        let t = (-2 * log(lowerTail)).squareRoot()
        let numerator = 2.515517 + t * (0.802853 + t * 0.010328)
        let denominator = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308))
        var z = -(t - numerator / denominator)  // the lower-tail quantile, z < 0
        for _ in 0..<4 {
            let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
            guard density > 0 else { break }
            let u = (cdf(z) - lowerTail) / density
            z -= u / (1 + 0.5 * z * u)
        }
        return p < 0.5 ? z : -z
    }
}
