import Foundation
import LacunaFit

/// fit.json and the output of `lacuna fit --json`: OLS of 1/r on i and the power law r = A·iⁿ.
///
/// Units: current density i in mA/cm², radius r in µm, so `slope` is in µm⁻¹ per mA/cm²,
/// `intercept` in µm⁻¹ and `prefactor_um` in µm (at i = 1 mA/cm²). Intervals are 95 % Student-t
/// intervals with n − 2 degrees of freedom; `null` when n = 2. Keys are sorted.
public struct FitReport: Encodable, Sendable {
    struct Linear: Encodable, Sendable {
        var slope: Double
        var intercept: Double
        var r_squared: Double
        var slope_ci95: [Double]?
        var intercept_ci95: [Double]?
        var slope_se: Double?
        var intercept_se: Double?
        var n_points: Int
        var x: String = "current_density_mA_per_cm2"
        var y: String = "inverse_radius_per_um"

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(slope, forKey: .slope)
            try c.encode(intercept, forKey: .intercept)
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
        var r_squared_log: Double
        var n_points: Int

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(exponent, forKey: .exponent)
            try c.encode(prefactor_um, forKey: .prefactor_um)
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

    var inverse_radius_linear: Linear
    var power_law: Power
    var points: [Point]

    /// The report of `fit` over `points`.
    public init(_ fit: RadiusCurrentFit, points: [Point]) {
        let l = fit.inverseRadiusLinear
        inverse_radius_linear = Linear(
            slope: l.slope, intercept: l.intercept, r_squared: l.rSquared,
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
            r_squared_log: p.rSquared, n_points: p.pointCount)
        self.points = points
    }

    /// Fits `points` and builds the report.
    public static func fitting(_ points: [Point]) throws(FitError) -> FitReport {
        let fit = try RadiusCurrentFit(currentDensity: points.map(\.current_density),
                                       radiusMicrometres: points.map(\.radius_um))
        return FitReport(fit, points: points)
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
    /// A few lines for people: both models with their 95 % intervals.
    public func summary() -> String {
        let f = { (v: Double) in NumberFormat.significant(v, digits: 5) }
        let ci = { (r: [Double]?) in r.map { "[\(f($0[0])), \(f($0[1]))]" } ?? "n/a (2 points)" }
        let l = inverse_radius_linear, p = power_law
        return """
        1/r = a + b·i   (OLS, n = \(l.n_points); i in mA/cm², r in µm)
          slope b     = \(f(l.slope)) µm⁻¹ per mA/cm²   95% CI \(ci(l.slope_ci95))
          intercept a = \(f(l.intercept)) µm⁻¹              95% CI \(ci(l.intercept_ci95))
          R²          = \(f(l.r_squared))
        r = A·iⁿ        (log–log OLS)
          exponent n  = \(f(p.exponent))   95% CI \(ci(p.exponent_ci95))
          prefactor A = \(f(p.prefactor_um)) µm
        """
    }
}
