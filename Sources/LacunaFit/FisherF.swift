/// Fisher's F distribution with d₁ and d₂ degrees of freedom, for nested-model F tests.
///
/// Method: P(F > f) = I_{d₂/(d₂ + d₁f)}(d₂/2, d₁/2) (Abramowitz & Stegun 26.6.2), with the
/// regularized incomplete beta function of ``IncompleteBeta``.
public enum FisherF {
    /// The upper-tail probability P(F > f) (the p value of an F test).
    ///
    /// - Returns: A probability in [0, 1]; 1 for f ≤ 0; NaN for NaN or non-positive degrees of
    ///   freedom.
    public static func survival(_ f: Double, numeratorDegreesOfFreedom d1: Double,
                                denominatorDegreesOfFreedom d2: Double) -> Double {
        guard !f.isNaN, d1 > 0, d2 > 0 else { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        // x = d₂/(d₂ + d₁f) and 1 − x = d₁f/(d₂ + d₁f), each without cancellation.
        let x = d2 / (d2 + d1 * f)
        let complement = d1 * f / (d2 + d1 * f)
        return IncompleteBeta.regularized(a: 0.5 * d2, b: 0.5 * d1, x: x, complement: complement)
    }
}
