import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not
/// necessarily an integer; ν = +∞ gives the standard normal).
///
/// Method: the two-sided probability integral A(t|ν) of Abramowitz & Stegun
/// 26.7.1 expressed through the regularized incomplete beta function,
/// P(T > |t|) = ½ · I_{ν/(ν+t²)}(ν/2, ½) (Press et al., *Numerical Recipes*,
/// 3rd ed., §6.4), with Iₓ evaluated by a Lentz continued fraction.
public enum StudentT {
    /// Cumulative distribution function P(T ≤ t).
    ///
    /// - Parameters:
    ///   - t: The t statistic (dimensionless); ±∞ allowed.
    ///   - degreesOfFreedom: ν > 0.
    /// - Returns: A probability in [0, 1]; NaN when `t` is NaN or ν ≤ 0.
    public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard !t.isNaN, degreesOfFreedom > 0 else { return .nan }
        let tail = upperTail(abs(t), degreesOfFreedom)
        return t >= 0 ? 1 - tail : tail
    }

    /// Quantile (inverse CDF): the t with P(T ≤ t) = p.
    ///
    /// Method: bracket the root by doubling, then Newton iteration on the
    /// upper-tail probability with the density as derivative, falling back to
    /// bisection whenever a step leaves the bracket; stops at a relative step
    /// below 1e-14 (accuracy about 1e-12 or better).
    ///
    /// - Parameters:
    ///   - p: Probability in (0, 1); 0 and 1 give −∞ and +∞.
    ///   - degreesOfFreedom: ν > 0.
    /// - Returns: The quantile; NaN for p outside [0, 1] or ν ≤ 0.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard p >= 0, p <= 1, degreesOfFreedom > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve on the smaller tail (1 − p is exact for p ≥ ½) for accuracy.
        if p < 0.5 { return -upperQuantile(tail: p, degreesOfFreedom) }
        return upperQuantile(tail: 1 - p, degreesOfFreedom)
    }

    /// The t ≥ 0 with P(T > t) = `tail`, for 0 < tail < ½.
    private static func upperQuantile(tail: Double, _ nu: Double) -> Double {
        var low = 0.0
        var high = 1.0
        while upperTail(high, nu) > tail {
            low = high
            high *= 2
            if high.isInfinite { return .infinity }
        }
        var t = high
        for _ in 0..<200 {
            let excess = upperTail(t, nu) - tail  // > 0 means t is too small
            if excess == 0 { return t }
            if excess > 0 { low = t } else { high = t }
            var next = t + excess / density(t, nu)
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - t) <= 1e-14 * next { return next }
            t = next
        }
        return t
    }

    /// P(T > t) for t ≥ 0.
    private static func upperTail(_ t: Double, _ nu: Double) -> Double {
        if nu.isInfinite { return 0.5 * erfc(t / 2.0.squareRoot()) }
        let tSquared = t * t
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each formed without cancellation.
        let x = nu / (nu + tSquared)
        let complement = 1 / (1 + nu / tSquared)
        return 0.5 * IncompleteBeta.regularized(
            a: 0.5 * nu, b: 0.5, x: x, complement: complement)
    }

    /// Probability density 1 / (√ν B(ν/2, ½)) · (1 + t²/ν)^(−(ν+1)/2).
    private static func density(_ t: Double, _ nu: Double) -> Double {
        if nu.isInfinite { return exp(-0.5 * t * t) / (2 * Double.pi).squareRoot() }
        let logDensity = -IncompleteBeta.logBeta(0.5 * nu, 0.5) - 0.5 * log(nu)
            - 0.5 * (nu + 1) * log1p(t * t / nu)
        return exp(logDensity)
    }
}
