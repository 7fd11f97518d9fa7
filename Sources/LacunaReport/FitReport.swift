import Foundation
import LacunaFit

/// fit.json and the output of `lacuna fit --json`: OLS of 1/r on i and the power law r = A·iⁿ
/// over the points (images or table rows), and the per-condition analysis of issue 6
/// (``RadiusCurrentAnalysis``: models, comparison, influence, bootstrap, physics).
///
/// Units: current density i in mA/cm², radius r in µm, so `slope` is in µm⁻¹ per mA/cm²,
/// `intercept` in µm⁻¹ and `prefactor_um` in µm (at i = 1 mA/cm²). Intervals are 95 % Student-t
/// intervals with n − 2 degrees of freedom; `null` when n = 2. Keys are sorted; numbers that
/// are undefined (NaN) are `null`. The added sections are described in docs/fitting.md.
public struct FitReport: Encodable, Sendable {
    struct Linear: Encodable, Sendable {
        var slope: Double
        var intercept: Double
        var r_squared: Double?
        var slope_ci95: [Double]?
        var intercept_ci95: [Double]?
        var slope_se: Double?
        var intercept_se: Double?
        var n_points: Int
        var x: String = "current_density_mA_per_cm2"
        var y: String = "inverse_radius_per_um"

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(slope.isFinite ? slope : nil, forKey: .slope)
            try c.encode(intercept.isFinite ? intercept : nil, forKey: .intercept)
            try c.encode(r_squared, forKey: .r_squared)
            try c.encode(slope_ci95, forKey: .slope_ci95)
            try c.encode(intercept_ci95, forKey: .intercept_ci95)
            try c.encode(slope_se, forKey: .slope_se)
            try c.encode(intercept_se, forKey: .intercept_se)
            try c.encode(n_points, forKey: .n_points)
            try c.encode(x, forKey: .x)
            try c.encode(y, forKey: .y)
        }
        enum Key: CodingKey { case slope, intercept, r_squared, slope_ci95, intercept_ci95, slope_se, intercept_se, n_points, x, y }
    }

    struct Power: Encodable, Sendable {
        var exponent: Double
        var prefactor_um: Double
        var exponent_ci95: [Double]?
        var prefactor_ci95_um: [Double]?
        var r_squared_log: Double?
        var n_points: Int

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(exponent.isFinite ? exponent : nil, forKey: .exponent)
            try c.encode(prefactor_um.isFinite ? prefactor_um : nil, forKey: .prefactor_um)
            try c.encode(exponent_ci95, forKey: .exponent_ci95)
            try c.encode(prefactor_ci95_um, forKey: .prefactor_ci95_um)
            try c.encode(r_squared_log, forKey: .r_squared_log)
            try c.encode(n_points, forKey: .n_points)
        }
        enum Key: CodingKey { case exponent, prefactor_um, exponent_ci95, prefactor_ci95_um, r_squared_log, n_points }
    }

    /// One (i, r) point that entered the fit.
    public struct Point: Encodable, Sendable, Equatable {
        public var image: String?
        public var current_density: Double
        public var radius_um: Double
        public init(image: String?, currentDensity: Double, radiusMicrometres: Double) {
            self.image = image
            self.current_density = currentDensity
            self.radius_um = radiusMicrometres
        }
    }

    /// One condition (current density) of the per-condition analysis.
    public struct Condition: Sendable, Equatable {
        /// Mean radius, its standard error and counts.
        public var estimate: ConditionEstimate
        /// Mean porosity of the condition's images (0…1), when known.
        public var meanPorosity: Double?

        public init(estimate: ConditionEstimate, meanPorosity: Double? = nil) {
            self.estimate = estimate
            self.meanPorosity = meanPorosity
        }
    }

    var inverse_radius_linear: Linear
    var power_law: Power
    var points: [Point]
    /// The conditions, in ascending current density.
    public private(set) var conditions: [Condition] = []
    /// The models over the conditions; nil with fewer than three conditions.
    public private(set) var analysis: RadiusCurrentAnalysis?
    /// The bootstrap when there are only two conditions (with three or more it is the analysis').
    private var twoConditionBootstrap: HierarchicalBootstrap?
    /// OLS of 1/r on i over the conditions (from two conditions on; drawn in the plots).
    public private(set) var conditionLine: LinearFit?
    /// r = A·iⁿ over the conditions (from two conditions on).
    public private(set) var conditionPowerLaw: PowerLawFit?
    /// Constants of the physical model.
    public private(set) var physics = StrippingPhysics()
    /// Why parts are missing and what the data cannot decide, one line each.
    public private(set) var notes: [String] = []

    /// The hierarchical bootstrap, when it ran.
    public var bootstrap: HierarchicalBootstrap? { analysis?.bootstrap ?? twoConditionBootstrap }

    /// The report of `fit` over `points`, without the per-condition analysis.
    public init(_ fit: RadiusCurrentFit, points: [Point]) {
        let l = fit.inverseRadiusLinear
        inverse_radius_linear = Linear(
            slope: l.slope, intercept: l.intercept, r_squared: l.rSquared.isFinite ? l.rSquared : nil,
            slope_ci95: l.slopeCI95.map { [$0.lowerBound, $0.upperBound] },
            intercept_ci95: l.interceptCI95.map { [$0.lowerBound, $0.upperBound] },
            slope_se: l.slopeStandardError.isFinite ? l.slopeStandardError : nil,
            intercept_se: l.interceptStandardError.isFinite ? l.interceptStandardError : nil,
            n_points: l.pointCount)
        let p = fit.powerLaw
        power_law = Power(
            exponent: p.exponent, prefactor_um: p.prefactor,
            exponent_ci95: p.exponentCI95.map { [$0.lowerBound, $0.upperBound] },
            prefactor_ci95_um: p.prefactorCI95.map { [$0.lowerBound, $0.upperBound] },
            r_squared_log: p.rSquared.isFinite ? p.rSquared : nil, n_points: p.pointCount)
        self.points = points
    }

    /// Fits `points` and builds the report; the conditions are the points grouped by current
    /// density, each point one image (its radius a per-image mean).
    public static func fitting(_ points: [Point], options: RadiusCurrentAnalysis.Options = .init())
        throws(FitError) -> FitReport {
        let samples = Self.group(points)
        var conditions: [Condition] = []
        for (index, sample) in samples.enumerated() {
            do {
                conditions.append(Condition(estimate: try sample.estimate()))
            } catch .emptyCondition {
                throw .emptyCondition(index: index)
            }
        }
        return try fitting(points, conditions: conditions, samples: samples, options: options)
    }

    /// Fits `points` (the first-release models) and `conditions` (the per-condition analysis);
    /// `samples`, aligned with `conditions`, enable the hierarchical bootstrap, whose resamples
    /// run on up to `threads` threads (the same result for any number).
    ///
    /// - Throws: The errors of ``RadiusCurrentFit`` on the points and of
    ///   ``RadiusCurrentAnalysis`` on the conditions.
    public static func fitting(_ points: [Point], conditions: [Condition], samples: [ConditionSample]?,
                               options: RadiusCurrentAnalysis.Options = .init(), threads: Int = 1)
        throws(FitError) -> FitReport {
        let fit = try RadiusCurrentFit(currentDensity: points.map(\.current_density),
                                       radiusMicrometres: points.map(\.radius_um))
        var report = FitReport(fit, points: points)
        let order = conditions.indices.sorted { conditions[$0].estimate.currentDensity < conditions[$1].estimate.currentDensity }
        report.conditions = order.map { conditions[$0] }
        let sortedSamples = samples.map { list in order.map { list[$0] } }
        report.physics = options.physics
        let estimates = report.conditions.map(\.estimate)
        let x = estimates.map(\.currentDensity)
        let radii = estimates.map(\.meanRadius)
        if Set(x).count >= 2 {
            report.conditionLine = try fitLinear(x: x, y: radii.map { 1 / $0 })
            report.conditionPowerLaw = try fitPowerLaw(x: x, y: radii)
        }
        if estimates.count >= RadiusCurrentAnalysis.minimumConditionCount {
            let analysis = try RadiusCurrentAnalysis(conditions: estimates, samples: sortedSamples, options: options,
                                                    threads: threads)
            report.analysis = analysis
            report.notes = analysis.notes
        } else {
            report.notes.append("The models over conditions need at least \(RadiusCurrentAnalysis.minimumConditionCount) "
                + "current densities (have \(estimates.count)).")
            if let bootstrapOptions = options.bootstrap, let sortedSamples, Set(x).count >= 2 {
                do {
                    report.twoConditionBootstrap = try HierarchicalBootstrap(samples: sortedSamples, options: bootstrapOptions,
                                                                             threads: threads)
                } catch {
                    report.notes.append("No bootstrap: \(error.message)")
                }
            }
        }
        return report
    }

    /// Points grouped by current density (ascending), one single-value image per point.
    static func group(_ points: [Point]) -> [ConditionSample] {
        var groups: [Double: [[Double]]] = [:]
        for point in points { groups[point.current_density, default: []].append([point.radius_um]) }
        return groups.keys.sorted().map { ConditionSample(currentDensity: $0, images: groups[$0] ?? []) }
    }

    enum CodingKeys: String, CodingKey {
        case inverse_radius_linear, power_law, points, conditions, models, model_comparison, influence,
             bootstrap, physics, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inverse_radius_linear, forKey: .inverse_radius_linear)
        try container.encode(power_law, forKey: .power_law)
        try container.encode(points, forKey: .points)
        try container.encode(conditionsJSON, forKey: .conditions)
        try container.encode(modelsJSON, forKey: .models)
        try container.encode(comparisonJSON, forKey: .model_comparison)
        try container.encode(influenceJSON, forKey: .influence)
        try container.encode(bootstrapJSON, forKey: .bootstrap)
        try container.encode(physicsJSON, forKey: .physics)
        try container.encode(notes, forKey: .notes)
    }

    /// `value` as sorted-key, pretty-printed JSON ending with a newline.
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            preconditionFailure("encoding JSON failed: \(error)")
        }
    }

    /// Sorted-key JSON, pretty-printed, ending with a newline.
    public func json(pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            preconditionFailure("encoding the fit report failed: \(error)")
        }
    }
}

extension FitReport {
    /// Lines for people: the first-release models over the points, then the per-condition
    /// models, comparison, influence, bootstrap and the notes.
    public func summary() -> String {
        let f = { (v: Double?) in v.flatMap { $0.isFinite ? NumberFormat.significant($0, digits: 5) : nil } ?? "n/a" }
        let ci = { (r: [Double]?) in r.map { "[\(f($0[0])), \(f($0[1]))]" } ?? "n/a (2 points)" }
        let range = { (r: ClosedRange<Double>?) in r.map { "[\(f($0.lowerBound)), \(f($0.upperBound))]" } ?? "n/a" }
        let l = inverse_radius_linear, p = power_law
        var lines = ["""
        1/r = a + b·i   (OLS, n = \(l.n_points); i in mA/cm², r in µm)
          slope b     = \(f(l.slope)) µm⁻¹ per mA/cm²   95% CI \(ci(l.slope_ci95))
          intercept a = \(f(l.intercept)) µm⁻¹              95% CI \(ci(l.intercept_ci95))
          R²          = \(f(l.r_squared))
        r = A·iⁿ        (log–log OLS)
          exponent n  = \(f(p.exponent))   95% CI \(ci(p.exponent_ci95))
          prefactor A = \(f(p.prefactor_um)) µm
        """]
        if let a = analysis {
            let origin = a.throughOrigin, wls = a.weightedConstantRelativeError
            lines.append("""
            Per condition (n = \(a.conditions.count) current densities):
              1/r = a + b·i      b = \(f(a.linear.slope)) \(range(a.linear.slopeCI95)), a = \(f(a.linear.intercept)) \(range(a.linear.interceptCI95)), p(b = 0) = \(f(a.linear.slopePValue))
              1/r = b·i          b = \(f(origin.slope)) \(range(origin.slopeCI95)); F test of a = 0: p = \(f(a.interceptTest.pValue))
              WLS w = r²         b = \(f(wls.slope)) \(range(wls.slopeCI95)), a = \(f(wls.intercept))
            """)
            if let delta = a.weightedDeltaMethod {
                lines.append("  WLS w = r⁴/σ_r²    b = \(f(delta.slope)) \(range(delta.slopeCI95)), a = \(f(delta.intercept)), χ²/ν = \(f(delta.reducedChiSquared))")
            }
            lines.append("  r = A·iⁿ           n = \(f(a.powerLaw.exponent)) \(range(a.powerLaw.exponentCI95)), A = \(f(a.powerLaw.prefactor)) µm; t test of n = −1: p = \(f(a.powerLawTest.pValue))")
            lines.append("  r = c + d/i        d = \(f(a.radiusVersusInverseCurrent.slope)) µm·mA/cm², c = \(f(a.radiusVersusInverseCurrent.intercept)) µm")
            if let odr = a.orthogonal {
                lines.append("  ODR 1/r = a + b·i  b = \(f(odr.slope)) \(range(odr.slopeCI95)), a = \(f(odr.intercept))")
            }
            let ranked = a.comparison.entries.sorted { $0.delta < $1.delta }
            lines.append("  \(a.comparison.criterion.rawValue.uppercased()) on the radius scale: " + ranked.map {
                "\($0.model.rawValue) Δ = \(f($0.delta)) (weight \(f($0.weight)))"
            }.joined(separator: ", "))
            lines.append("  leave-one-out slopes: " + a.influence.map {
                "\(f(a.conditions[$0.index].currentDensity)) → \(f($0.leaveOneOutSlope)) (Cook's D \(f($0.cooksDistance)))"
            }.joined(separator: ", "))
            lines.append("  γ_eff = \(f(a.effectiveSurfaceEnergy)) J/m² (model quantity, from the through-origin slope)")
        }
        if let b = bootstrap {
            lines.append("  bootstrap (\(b.options.resamples) resamples, seed \(b.options.seed)): slope percentile \(range(b.slope.percentile)), BCa \(range(b.slope.bca)); exponent BCa \(range(b.exponent.bca))")
        }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
