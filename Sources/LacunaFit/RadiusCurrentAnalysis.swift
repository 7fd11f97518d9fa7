import Foundation

/// The full r–i analysis over conditions (one mean radius per current density): the paper's
/// line, the models around it, how they compare, which points drive them, and bootstrap and
/// errors-in-variables alternatives when the data allow.
///
/// Models (i in mA/cm², r in µm):
/// - ``linear``: OLS 1/r = a + b·i with Student-t intervals;
/// - ``throughOrigin``: 1/r = b·i (the nucleation model's form) and the ``interceptTest``
///   (F test of a = 0);
/// - ``weightedConstantRelativeError``: WLS with w = r² (σ(1/r) ∝ 1/r, a constant relative error
///   of r); ``weightedDeltaMethod``: WLS with w = r⁴/σ_r² when every condition has a standard
///   error (delta method σ(1/r) = σ_r/r²);
/// - ``powerLaw``: r = A·iⁿ in log–log and the t test of n = −1 (``powerLawTest``);
/// - ``radiusVersusInverseCurrent``: OLS r = c + d/i;
/// - ``comparison``: AIC/AICc on the radius scale; ``influence``: leave-one-out slopes and
///   Cook's distances of the OLS line;
/// - ``orthogonal``: ODR of 1/r on i when every condition has σ_i and σ_r;
/// - ``bootstrap``: the hierarchical bootstrap when pore- or image-level samples are given.
public struct RadiusCurrentAnalysis: Sendable, Equatable {
    /// Settings beyond the data.
    public struct Options: Sendable, Equatable {
        /// Bootstrap settings; nil skips the bootstrap.
        public var bootstrap: BootstrapOptions?
        /// Constants of the physical model.
        public var physics: StrippingPhysics

        public init(bootstrap: BootstrapOptions? = BootstrapOptions(), physics: StrippingPhysics = StrippingPhysics()) {
            self.bootstrap = bootstrap
            self.physics = physics
        }
    }

    /// Fewest conditions the analysis accepts (a line with one residual degree of freedom).
    public static let minimumConditionCount = 3

    public var conditions: [ConditionEstimate]
    public var linear: LinearFit
    public var throughOrigin: ThroughOriginFit
    public var interceptTest: FTest
    public var weightedConstantRelativeError: WeightedLinearFit
    public var weightedDeltaMethod: WeightedLinearFit?
    public var powerLaw: PowerLawFit
    public var powerLawTest: TTest
    public var radiusVersusInverseCurrent: LinearFit
    public var comparison: ModelComparison
    public var influence: [PointInfluence]
    public var orthogonal: OrthogonalLinearFit?
    public var bootstrap: HierarchicalBootstrap?
    /// Why an optional part is missing, or a caution about the data; one line each.
    public var notes: [String]
    public var physics: StrippingPhysics

    /// Runs every model on `conditions`; `samples` (same order and current densities) enable
    /// the bootstrap, whose resamples run on up to `threads` threads (same result for any number).
    ///
    /// - Throws: ``FitError/tooFewPoints(count:required:)`` for fewer than 3 conditions,
    ///   ``FitError/constantPredictor`` when all current densities are equal, and
    ///   ``FitError/nonFiniteValue(index:)``/``FitError/nonPositiveValue(index:value:)`` for a
    ///   bad current density or radius (index = condition).
    public init(conditions: [ConditionEstimate], samples: [ConditionSample]? = nil,
                options: Options = Options(), threads: Int = 1) throws(FitError) {
        guard conditions.count >= Self.minimumConditionCount else {
            throw .tooFewPoints(count: conditions.count, required: Self.minimumConditionCount)
        }
        let i = conditions.map(\.currentDensity)
        let r = conditions.map(\.meanRadius)
        try FitInput.validatePairs(x: i, y: r)
        try FitInput.requirePositive(i)
        try FitInput.requirePositive(r)
        let inverse = r.map { 1 / $0 }
        self.conditions = conditions
        physics = options.physics
        var notes: [String] = []

        linear = try fitLinear(x: i, y: inverse)
        throughOrigin = try fitThroughOrigin(x: i, y: inverse)
        interceptTest = FTest(restrictedSumOfSquares: throughOrigin.sumOfSquaredResiduals,
                              restrictedDegreesOfFreedom: throughOrigin.degreesOfFreedom,
                              fullSumOfSquares: linear.sumOfSquaredResiduals,
                              fullDegreesOfFreedom: linear.degreesOfFreedom)
        weightedConstantRelativeError = try fitWeightedLinear(x: i, y: inverse, weights: r.map { $0 * $0 })
        let inverseErrors = conditions.compactMap(\.inverseRadiusStandardError)
        if inverseErrors.count == conditions.count, inverseErrors.allSatisfy({ $0.isFinite && $0 > 0 }) {
            weightedDeltaMethod = try fitWeightedLinear(x: i, y: inverse, weights: inverseErrors.map { 1 / ($0 * $0) })
        } else {
            notes.append("WLS with delta-method weights needs a positive standard error of r for every condition.")
        }
        powerLaw = try fitPowerLaw(x: i, y: r)
        powerLawTest = powerLaw.testExponent(equals: -1)
        radiusVersusInverseCurrent = try fitLinear(x: i.map { 1 / $0 }, y: r)

        let logRadiusSum = r.reduce(0) { $0 + log($1) }
        comparison = ModelComparison([
            (.inverseRadiusLinear, InformationCriterion(residuals: linear.residuals, parameterCount: 3,
                                                        logJacobian: -2 * logRadiusSum)),
            (.throughOrigin, InformationCriterion(residuals: throughOrigin.residuals, parameterCount: 2,
                                                  logJacobian: -2 * logRadiusSum)),
            (.powerLaw, InformationCriterion(residuals: powerLaw.logLine.residuals, parameterCount: 3,
                                             logJacobian: -logRadiusSum)),
            (.radiusVersusInverseCurrent, InformationCriterion(residuals: radiusVersusInverseCurrent.residuals,
                                                               parameterCount: 3, logJacobian: 0)),
        ])
        influence = try pointInfluence(x: i, y: inverse)

        let currentErrors = conditions.compactMap(\.currentDensityStandardError)
        if currentErrors.count == conditions.count, inverseErrors.count == conditions.count {
            orthogonal = try fitOrthogonalLinear(x: i, y: inverse, xStandardErrors: currentErrors,
                                                 yStandardErrors: inverseErrors)
        } else if !currentErrors.isEmpty {
            notes.append("ODR needs both a current-density and a radius standard error for every condition.")
        }

        if let bootstrapOptions = options.bootstrap, let samples {
            do {
                bootstrap = try HierarchicalBootstrap(samples: samples, options: bootstrapOptions, threads: threads)
            } catch {
                notes.append("No bootstrap: \(error.message)")
            }
        }
        if let weighted = weightedDeltaMethod, weighted.reducedChiSquared > 3 {
            notes.append("The condition means scatter about 1/r = a + b·i far more than their standard errors allow "
                + "(WLS χ²/ν = \(String(format: "%.4g", locale: nil, weighted.reducedChiSquared)) > 3): the line does "
                + "not fit within measurement error, and the bootstrap, which resamples only within conditions, "
                + "understates the uncertainty of the line; prefer the t-intervals.")
        }
        self.notes = notes + Self.cautions(linear: linear, interceptTest: interceptTest, powerLaw: powerLaw,
                                          powerLawTest: powerLawTest, comparison: comparison,
                                          influence: influence, currentDensities: i)
    }

    /// The range of fitted current densities, in mA/cm².
    public var currentDensityRange: ClosedRange<Double> {
        let values = conditions.map(\.currentDensity)
        return (values.min() ?? 0)...(values.max() ?? 0)
    }

    /// γ_eff in J/m² from the through-origin slope (the nucleation model has no intercept).
    public var effectiveSurfaceEnergy: Double {
        physics.effectiveSurfaceEnergyJoulesPerSquareMetre(slope: throughOrigin.slope)
    }

    /// r_crit at `currentDensity` (mA/cm²) from the OLS line and from the power law.
    public func criticalRadius(at currentDensity: Double) -> [CriticalRadius] {
        [CriticalRadius(linear: linear, currentDensity: currentDensity, fittedRange: currentDensityRange),
         CriticalRadius(powerLaw: powerLaw, currentDensity: currentDensity, fittedRange: currentDensityRange)]
    }

    /// Plain-language cautions that follow from the numbers.
    private static func cautions(linear: LinearFit, interceptTest: FTest, powerLaw: PowerLawFit,
                                 powerLawTest: TTest, comparison: ModelComparison,
                                 influence: [PointInfluence], currentDensities: [Double]) -> [String] {
        let f = { (value: Double) in String(format: "%.4g", locale: nil, value) }
        var notes: [String] = []
        if let ci = linear.interceptCI95, ci.contains(0) {
            notes.append("The intercept's 95 % CI [\(f(ci.lowerBound)), \(f(ci.upperBound))] µm⁻¹ includes 0 "
                + "(F test of a = 0: p = \(f(interceptTest.pValue))): the data do not distinguish "
                + "1/r = a + b·i from 1/r = b·i.")
        }
        if let ci = powerLaw.exponentCI95, ci.contains(-1) {
            notes.append("The power-law exponent n = \(f(powerLaw.exponent)) (95 % CI [\(f(ci.lowerBound)), "
                + "\(f(ci.upperBound))]) is consistent with r ∝ 1/i (t test of n = −1: p = \(f(powerLawTest.pValue))).")
        }
        if comparison.criterion == .aic {
            notes.append("AICc is undefined for the three-parameter models with \(linear.pointCount) conditions "
                + "(n − k − 1 ≤ 0); models are ranked by AIC, which favours larger models at small n.")
        }
        if comparison.isUndecided {
            notes.append("The two best models differ by less than 2 in \(comparison.criterion.rawValue.uppercased()): "
                + "the data cannot decide between them.")
        }
        for point in influence {
            guard let cooks = point.cooksDistance, cooks > 1 else { continue }
            let without = point.leaveOneOutSlope.map { "; without it the slope is \(f($0))" } ?? ""
            notes.append("The condition at i = \(f(currentDensities[point.index])) mA/cm² has Cook's distance "
                + "\(f(cooks)) (> 1): it drives the OLS line\(without).")
        }
        return notes
    }
}
