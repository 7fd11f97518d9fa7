import Foundation

/// The regularized incomplete beta function Iₓ(a, b) and ln B(a, b).
///
/// Method: the continued fraction of Abramowitz & Stegun 26.5.8 (in its even,
/// pairwise-contracted form), evaluated by the modified Lentz algorithm
/// (Press et al., *Numerical Recipes*, 3rd ed., §5.2 and §6.4), using the
/// symmetry Iₓ(a, b) = 1 − I₁₋ₓ(b, a) so that the fraction is always
/// evaluated where it converges quickly.
enum IncompleteBeta {
    /// Iteration cap for the contracted continued fraction (typically
    /// converges in under 60 levels for Student's t).
    static let maximumIterations = 10_000

    /// Iₓ(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    ///
    /// - Parameters:
    ///   - x: Upper integration limit.
    ///   - complement: `1 − x`, passed separately so callers can compute it
    ///     without cancellation when x is close to 1.
    /// - Returns: A value in [0, 1], or NaN for invalid arguments.
    static func regularized(a: Double, b: Double, x: Double, complement: Double) -> Double {
        guard a > 0, b > 0, x >= 0, complement >= 0 else { return .nan }
        if x == 0 { return 0 }
        if complement == 0 { return 1 }
        // ln[xᵃ (1−x)ᵇ / B(a, b)], taking each log from the larger of x, 1−x.
        let logX = x < 0.5 ? log(x) : log1p(-complement)
        let logComplement = complement < 0.5 ? log(complement) : log1p(-x)
        let front = exp(a * logX + b * logComplement - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(a: a, b: b, x: x, complement: complement) / a
        }
        return 1 - front * continuedFraction(a: b, b: a, x: complement, complement: x) / b
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    ///
    /// When the larger argument is big, ln Γ(big) − ln Γ(big + small) is
    /// taken from Stirling's series (A&S 6.1.40) instead of subtracting two
    /// large `lgamma` values, which would lose about log₁₀(big·ln big) digits.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let big = max(a, b)
        let small = min(a, b)
        guard big >= 50 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        let sum = big + small
        // (big − ½) ln big − (sum − ½) ln sum + small, rearranged for accuracy.
        let leading = -(big - 0.5) * log1p(small / big) - small * log(sum) + small
        return lgamma(small) + leading + stirlingCorrection(big) - stirlingCorrection(sum)
    }

    /// ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π] for z ≥ 50 (A&S 6.1.41,
    /// Bernoulli terms up to z⁻⁹; truncation error below 1e-18).
    private static func stirlingCorrection(_ z: Double) -> Double {
        let inverse = 1 / z
        let inverseSquared = inverse * inverse
        let series = 1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared
            * (1.0 / 1260 - inverseSquared * (1.0 / 1680 - inverseSquared / 1188)))
        return series * inverse
    }

    /// The continued fraction K = 1/(1+ d₁/(1+ d₂/(1+ …))) of A&S 26.5.8
    /// (Iₓ(a, b) = xᵃ(1−x)ᵇ/(a·B(a, b)) · K), for x < (a+1)/(a+b+2).
    ///
    /// Evaluated as its even part, K = 1/(e₀ + c₁/(e₁ + c₂/(e₂ + …))) with
    /// eₘ = 1 + d₂ₘ + d₂ₘ₊₁ and cₘ = −d₂ₘ₋₁·d₂ₘ, by the modified Lentz method.
    /// Each eₘ is written in terms of λ = a − (a+b)x = a(1−x) − bx, as in
    /// Didonato & Morris (ACM TOMS 18, 1992, Algorithm 708), which removes the
    /// cancellation 1 + d₂ₘ₊₁ ≈ 0 that costs log₁₀(a) digits for large a with
    /// x near 1 (Student's t with many degrees of freedom).
    private static func continuedFraction(
        a: Double, b: Double, x: Double, complement: Double
    ) -> Double {
        let tiny = 1e-300
        let lambda = a * complement - b * x
        let first = (1 + lambda) / (a + 1)  // e₀ = 1 + d₁
        // Lentz state after the first level 1/e₀ (C₁ is effectively infinite).
        var c = 1 / tiny
        var d = 1 / first
        var f = d
        for level in 1..<maximumIterations {
            let m = Double(level)
            let p = a + 2 * m
            // cₘ = −d₂ₘ₋₁·d₂ₘ
            let numerator = (a + m - 1) * (a + b + m - 1) * m * (b - m) * x * x
                / ((p - 2) * (p - 1) * (p - 1) * p)
            // eₘ = 1 + d₂ₘ + d₂ₘ₊₁, regrouped so that no large terms cancel.
            let oddPart = a * (3 * m + 1) + 2 * m * (2 * m + 1) - m * x * (a + m)
                + lambda * (a + m)
            let denominator = oddPart / (p * (p + 1)) + m * (b - m) * x / ((p - 1) * p)
            d = denominator + numerator * d
            if abs(d) < tiny { d = tiny }
            c = denominator + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return f
    }
}
