import Foundation

/// The r–i models compared by an information criterion on the radius scale (see
/// ``InformationCriterion`` for how fits on 1/r, ln r and r are made comparable).
public struct ModelComparison: Sendable, Equatable {
    /// The models compared.
    public enum Model: String, Sendable, Equatable, CaseIterable {
        /// 1/r = a + b·i (OLS).
        case inverseRadiusLinear = "inverse_radius_linear"
        /// 1/r = b·i.
        case throughOrigin = "through_origin"
        /// ln r = ln A + n·ln i.
        case powerLaw = "power_law"
        /// r = c + d/i.
        case radiusVersusInverseCurrent = "radius_vs_inverse_current"
    }

    /// Which criterion ranks the models.
    public enum Criterion: String, Sendable, Equatable {
        /// AICc, when it is defined for every model (n > k + 1 for all).
        case aicc
        /// AIC, when AICc is undefined for some model; it favours the larger models at small n.
        case aic
    }

    /// One model's criterion, its difference to the best and its Akaike weight.
    public struct Entry: Sendable, Equatable {
        public var model: Model
        public var criterion: InformationCriterion
        /// Criterion minus the smallest criterion among the models (0 for the best).
        public var delta: Double
        /// Akaike weight exp(−Δ/2)/Σ exp(−Δⱼ/2): the relative support of the model within this
        /// set (Burnham & Anderson 2002, §2.9).
        public var weight: Double
    }

    /// The criterion used for ``Entry/delta`` and ``Entry/weight``.
    public var criterion: Criterion
    /// The models in ``Model`` order.
    public var entries: [Entry]

    /// Ranks `criteria` by AICc when all are defined, else by AIC.
    public init(_ criteria: [(Model, InformationCriterion)]) {
        let allCorrected = criteria.allSatisfy { $0.1.aicc != nil }
        criterion = allCorrected ? .aicc : .aic
        let values = criteria.map { allCorrected ? ($0.1.aicc ?? .nan) : $0.1.aic }
        let best = values.min() ?? .nan
        // An exact fit has ln L = +∞ and AIC = −∞: it gets Δ = 0 and every other model Δ = +∞.
        let deltas = values.map { $0 == best ? 0 : $0 - best }
        let relative = deltas.map { exp(-0.5 * $0) }
        let total = relative.reduce(0, +)
        entries = criteria.indices.map { index in
            Entry(model: criteria[index].0, criterion: criteria[index].1, delta: deltas[index],
                  weight: relative[index] / total)
        }
    }

    /// Whether the data cannot separate the models: the two best differ by less than 2 in the
    /// criterion (Burnham & Anderson 2002, §2.6: Δ ≤ 2 means substantial support for both).
    public var isUndecided: Bool {
        entries.map(\.delta).filter { !$0.isNaN }.sorted().dropFirst().first.map { $0 < 2 } ?? true
    }
}
