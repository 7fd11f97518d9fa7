import Foundation
import LacunaFit

/// The output of `lacuna design`: the critical pore radius r_crit(i*) at a design current
/// density, from the linear model 1/r = a + b·i and the power law r = A·iⁿ fitted to the
/// conditions, each with its 95 % prediction interval, plus the driving force there.
///
/// JSON (sorted keys): `current_density`, `source`, `n_conditions`, `fitted_range_mA_per_cm2`,
/// `models` [{`model`, `r_crit_um`, `prediction_interval_95_um`, `confidence_interval_95_um`,
/// `conservative_radius_um`, `extrapolation`}], `overpotential_V`, `driving_force_MPa`,
/// `offsetting_stack_pressure_MPa`, `stack_pressure_MPa`, `largest_suppressed_current_density`,
/// `areal_capacity_mAh_per_cm2`, `stripped_thickness_um`, `series_resistance_ohm_cm2`,
/// `molar_volume_m3_per_mol`. An interval's upper end is `null`
/// when unbounded.
public struct DesignReport: Sendable {
    /// The paper's four conditions (1, 2, 5, 10 mA/cm²; 4.1, 2.4, 0.9, 0.4 µm), used without
    /// `--fit`.
    public static let paperConditions = zip([1.0, 2, 5, 10], [4.1, 2.4, 0.9, 0.4]).map {
        ConditionEstimate(currentDensity: $0, meanRadius: $1)
    }

    public var currentDensity: Double
    /// Where the conditions came from (a path, or the paper).
    public var source: String
    public var analysis: RadiusCurrentAnalysis
    public var predictions: [CriticalRadius]
    /// A stack pressure in MPa to evaluate, when given.
    public var stackPressure: Double?
    /// An areal capacity in mAh/cm² whose stripped Li thickness to report, when given.
    public var arealCapacity: Double?

    /// The design rule at `currentDensity` (mA/cm²) from `conditions`.
    public init(currentDensity: Double, conditions: [ConditionEstimate], source: String,
                physics: StrippingPhysics = StrippingPhysics(), stackPressure: Double? = nil,
                arealCapacity: Double? = nil) throws(FitError) {
        analysis = try RadiusCurrentAnalysis(conditions: conditions,
                                             options: .init(bootstrap: nil, physics: physics))
        self.currentDensity = currentDensity
        self.source = source
        self.stackPressure = stackPressure
        self.arealCapacity = arealCapacity
        predictions = analysis.criticalRadius(at: currentDensity)
    }

    var physics: StrippingPhysics { analysis.physics }

    /// Sorted-key JSON, pretty-printed, ending with a newline.
    public func json() -> Data {
        func interval(_ value: CriticalRadius.Interval?) -> JSONValue {
            guard let value else { return .null }
            return .array([.finite(value.lower), .finite(value.upper)])
        }
        let range = analysis.currentDensityRange
        let document: JSONValue = .object([
            "current_density": .finite(currentDensity),
            "source": .string(source),
            "n_conditions": .int(analysis.conditions.count),
            "fitted_range_mA_per_cm2": .interval(range),
            "models": .array(predictions.map { prediction in
                .object([
                    "model": .string(prediction.model.rawValue),
                    "r_crit_um": .finite(prediction.radius),
                    "prediction_interval_95_um": interval(prediction.predictionInterval95),
                    "confidence_interval_95_um": interval(prediction.confidenceInterval95),
                    "conservative_radius_um": .finite(prediction.conservativeRadius),
                    "extrapolation": .bool(prediction.isExtrapolation),
                ])
            }),
            "overpotential_V": .finite(physics.overpotentialVolts(currentDensity: currentDensity)),
            "driving_force_MPa": .finite(physics.drivingForceMegapascals(currentDensity: currentDensity)),
            "offsetting_stack_pressure_MPa": .finite(physics.offsettingStackPressureMegapascals(currentDensity: currentDensity)),
            "stack_pressure_MPa": .finite(stackPressure),
            "largest_suppressed_current_density": .finite(stackPressure.map {
                physics.largestSuppressedCurrentDensity(stackPressureMegapascals: $0)
            }),
            "areal_capacity_mAh_per_cm2": .finite(arealCapacity),
            "stripped_thickness_um": .finite(arealCapacity.map(physics.strippedThicknessMicrometres)),
            "series_resistance_ohm_cm2": .finite(physics.seriesResistanceOhmSquareCentimetres),
            "molar_volume_m3_per_mol": .finite(physics.molarVolumeCubicMetresPerMole),
        ])
        return FitReport.encode(document)
    }

    /// Lines for people.
    public func summary() -> String {
        let f = { (v: Double?) in v.flatMap { $0.isFinite ? NumberFormat.significant($0, digits: 4) : nil } ?? "n/a" }
        let range = analysis.currentDensityRange
        var lines = ["Design rule at i* = \(f(currentDensity)) mA/cm² (fit of \(analysis.conditions.count) conditions, "
            + "\(f(range.lowerBound))–\(f(range.upperBound)) mA/cm², from \(source)):"]
        for prediction in predictions {
            let name = prediction.model == .inverseRadiusLinear ? "1/r = a + b·i" : "r = A·iⁿ     "
            let interval = prediction.predictionInterval95.map { "[\(f($0.lower)), \($0.upper.map { f($0) } ?? "unbounded")] µm" }
                ?? "n/a"
            let radius = prediction.radius.map { "\(f($0)) µm" } ?? "none (the line predicts 1/r ≤ 0)"
            lines.append("  \(name)  r_crit = \(radius), 95% prediction interval \(interval)")
        }
        if let linear = predictions.first, let safe = linear.conservativeRadius {
            lines.append("  A framework for \(f(currentDensity)) mA/cm² needs pores smaller than r_crit to stop 2-D void "
                + "growth; with 95 % confidence of covering a repeat experiment (1/r = a + b·i): smaller than \(f(safe)) µm.")
        }
        if predictions.contains(where: \.isExtrapolation) {
            lines.append("  warning: \(f(currentDensity)) mA/cm² lies outside the fitted range: this is an extrapolation.")
        }
        lines.append("  Overpotential η = \(f(physics.overpotentialVolts(currentDensity: currentDensity))) V "
            + "(R_s = \(f(physics.seriesResistanceOhmSquareCentimetres)) Ω·cm²); driving force ΔG_v = "
            + "\(f(physics.drivingForceMegapascals(currentDensity: currentDensity))) MPa, the stack pressure that would offset it.")
        if let stackPressure {
            lines.append("  A stack pressure of \(f(stackPressure)) MPa offsets the driving force up to "
                + "\(f(physics.largestSuppressedCurrentDensity(stackPressureMegapascals: stackPressure))) mA/cm².")
        }
        if let arealCapacity {
            lines.append("  Stripping \(f(arealCapacity)) mAh/cm² removes \(f(physics.strippedThicknessMicrometres(arealCapacity: arealCapacity))) µm of Li "
                + "(ρ = \(f(physics.lithiumDensityGramsPerCubicCentimetre)) g/cm³, M = \(f(physics.lithiumMolarMassGramsPerMole)) g/mol).")
        }
        return lines.joined(separator: "\n")
    }
}
