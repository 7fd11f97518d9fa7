import Foundation

/// Akaike's information criterion of one model, on the scale of the measured radius r.
///
/// The r–i models are fitted on different response scales (1/r, ln r, r). Their likelihoods are
/// made comparable by expressing each as a density of r: a model with Gaussian errors on
/// g(r) has ln L_r = ln L_g + Σ ln|g′(rᵢ)| (change of variables; Akaike 1978; Burnham &
/// Anderson, *Model Selection and Multimodel Inference*, 2nd ed., 2002, §2.11.3). So
/// 1/r models add −2·Σ ln rᵢ, ln r models −Σ ln rᵢ, and r models nothing. The Gaussian
/// likelihood uses the maximum-likelihood variance σ̂² = SSE/n, and σ counts as a parameter.
public struct InformationCriterion: Sendable, Equatable {
    /// Number of estimated parameters k, σ included.
    public var parameterCount: Int
    /// Number of observations n.
    public var observationCount: Int
    /// Maximised log-likelihood on the radius scale (ln of a density in µm⁻ⁿ).
    public var logLikelihood: Double

    /// AIC = 2k − 2 ln L.
    public var aic: Double { 2 * Double(parameterCount) - 2 * logLikelihood }

    /// AICc = AIC + 2k(k + 1)/(n − k − 1) (Hurvich & Tsai, Biometrika 76, 1989); nil when
    /// n − k − 1 ≤ 0, where the small-sample correction is undefined (e.g. three parameters
    /// and four conditions).
    public var aicc: Double? {
        let denominator = observationCount - parameterCount - 1
        guard denominator > 0 else { return nil }
        let k = Double(parameterCount)
        return aic + 2 * k * (k + 1) / Double(denominator)
    }

    /// The criterion of a model with `residuals` on its fitted scale and `parameterCount`
    /// parameters (σ included), shifted to the radius scale by `logJacobian` = Σ ln|g′(rᵢ)|.
    public init(residuals: [Double], parameterCount: Int, logJacobian: Double) {
        let n = Double(residuals.count)
        let variance = residuals.reduce(0) { $0 + $1 * $1 } / n
        self.parameterCount = parameterCount
        observationCount = residuals.count
        logLikelihood = -0.5 * n * (log(2 * Double.pi * variance) + 1) + logJacobian
    }
}
