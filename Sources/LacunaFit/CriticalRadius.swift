import Foundation

/// The critical void radius r_crit(i*) predicted at a design current density i*, with its
/// uncertainty: the largest framework pore radius that still prevents 2-D void growth there.
public struct CriticalRadius: Sendable, Equatable {
    /// The model the prediction comes from.
    public enum Model: String, Sendable, Equatable {
        /// 1/r = a + b·i (OLS); intervals are formed for 1/r and inverted.
        case inverseRadiusLinear = "inverse_radius_linear"
        /// r = A·iⁿ (OLS in log–log); intervals are formed for ln r and exponentiated.
        case powerLaw = "power_law"
    }

    /// An interval of radii in µm; `upper` is nil when it is unbounded (the interval of 1/r
    /// reaches 0 or below, so any radius above `lower` is compatible).
    public struct Interval: Sendable, Equatable {
        public var lower: Double
        public var upper: Double?
    }

    /// The model used.
    public var model: Model
    /// The design current density i*, in mA/cm².
    public var currentDensity: Double
    /// Predicted r_crit in µm; nil when the linear model predicts 1/r ≤ 0 (no finite radius).
    public var radius: Double?
    /// 95 % prediction interval of a new condition's mean radius at i*, in µm: the range a
    /// repeated experiment at i* is expected to fall in. Nil without residual degrees of
    /// freedom or when the whole interval of 1/r is ≤ 0.
    public var predictionInterval95: Interval?
    /// 95 % confidence interval of the fitted mean radius at i*, in µm (narrower: uncertainty
    /// of the line only).
    public var confidenceInterval95: Interval?
    /// Whether i* lies outside the fitted range of current densities.
    public var isExtrapolation: Bool

    /// A conservative design pore radius in µm: the lower end of the prediction interval.
    public var conservativeRadius: Double? { predictionInterval95?.lower }

    /// r_crit(i*) from the OLS line of 1/r on i.
    ///
    /// Method: ŷ = a + b·i* with the interval of ``LinearFit/predictionInterval95(at:)`` (or
    /// ``LinearFit/confidenceInterval95(at:)``), mapped through r = 1/y, which is decreasing, so
    /// [y_lo, y_hi] becomes [1/y_hi, 1/y_lo].
    public init(linear fit: LinearFit, currentDensity: Double, fittedRange: ClosedRange<Double>) {
        model = .inverseRadiusLinear
        self.currentDensity = currentDensity
        let inverse = fit.value(at: currentDensity)
        radius = inverse > 0 ? 1 / inverse : nil
        predictionInterval95 = fit.predictionInterval95(at: currentDensity).flatMap(Self.invert)
        confidenceInterval95 = fit.confidenceInterval95(at: currentDensity).flatMap(Self.invert)
        isExtrapolation = !fittedRange.contains(currentDensity)
    }

    /// r_crit(i*) from the power law r = A·iⁿ, intervals exp of the log-scale intervals.
    public init(powerLaw fit: PowerLawFit, currentDensity: Double, fittedRange: ClosedRange<Double>) {
        model = .powerLaw
        self.currentDensity = currentDensity
        let logX = log(currentDensity)
        radius = fit.value(at: currentDensity)
        predictionInterval95 = fit.logLine.predictionInterval95(at: logX).map {
            Interval(lower: exp($0.lowerBound), upper: exp($0.upperBound))
        }
        confidenceInterval95 = fit.logLine.confidenceInterval95(at: logX).map {
            Interval(lower: exp($0.lowerBound), upper: exp($0.upperBound))
        }
        isExtrapolation = !fittedRange.contains(currentDensity)
    }

    /// [y_lo, y_hi] of 1/r as an interval of r; nil when y_hi ≤ 0.
    private static func invert(_ inverse: ClosedRange<Double>) -> Interval? {
        guard inverse.upperBound > 0 else { return nil }
        return Interval(lower: 1 / inverse.upperBound,
                        upper: inverse.lowerBound > 0 ? 1 / inverse.lowerBound : nil)
    }
}
