import Foundation
import LacunaFit

/// The SVG plots of an r–i fit, over the conditions (one point per current density):
/// - `inverse_radius_vs_current_density.svg`: 1/r against i with ±1 SE error bars (delta
///   method), the OLS line 1/r = a + b·i with its 95 % confidence band, and 1/r = b·i dashed;
/// - `radius_vs_current_density_loglog.svg`: r against i on log–log axes with ±1 SE bars, the
///   power law r = A·iⁿ with its 95 % confidence band, and r = 1/(a + b·i) dashed;
/// - `residuals_inverse_radius.svg`: residuals of 1/r = a + b·i against i.
///
/// Each is plain SVG text, byte-identical for the same report.
public enum FitPlots {
    /// File name → SVG text, for the plots the report supports (none without a condition line).
    public static func render(_ report: FitReport) -> [(name: String, svg: String)] {
        guard let line = report.conditionLine, let power = report.conditionPowerLaw, !report.conditions.isEmpty else {
            return []
        }
        return [
            ("inverse_radius_vs_current_density.svg", inverseRadius(report, line: line)),
            ("radius_vs_current_density_loglog.svg", logLog(report, power: power, line: line)),
            ("residuals_inverse_radius.svg", residuals(report, line: line)),
        ]
    }

    static let pointColor = "#1f4e9c"
    static let fitColor = "#c0392b"
    static let alternativeColor = "#27864a"

    static func inverseRadius(_ report: FitReport, line: LinearFit) -> String {
        let estimates = report.conditions.map(\.estimate)
        let maxX = (estimates.map(\.currentDensity).max() ?? 1) * 1.08
        let grid = (0...80).map { maxX * Double($0) / 80 }
        let band = grid.map { line.confidenceInterval95(at: $0) }
        var values = estimates.flatMap { e in [e.inverseRadius - (e.inverseRadiusStandardError ?? 0),
                                              e.inverseRadius + (e.inverseRadiusStandardError ?? 0)] }
        values += [line.value(at: 0), line.value(at: maxX)]
        let range = paddedLinear(values + [0])
        var chart = SVGChart(title: "1/r against current density",
                             x: .init(label: "current density i (mA/cm²)", scale: .linear, range: 0...maxX),
                             y: .init(label: "1/r (µm⁻¹)", scale: .linear, range: range))
        chart.horizontalRule(at: 0)
        if band.allSatisfy({ $0 != nil }) {
            chart.band(x: grid, lower: band.map { $0?.lowerBound ?? .nan }, upper: band.map { $0?.upperBound ?? .nan },
                       color: fitColor, label: "95 % confidence band")
        }
        chart.line(grid.map { ($0, line.value(at: $0)) }, color: fitColor, label: "OLS 1/r = a + b·i")
        if let origin = report.analysis?.throughOrigin {
            chart.line([(0, 0), (maxX, origin.slope * maxX)], color: alternativeColor, dashed: true,
                       label: "1/r = b·i (through the origin)")
        }
        chart.points(estimates.map { e in
            (e.currentDensity, e.inverseRadius, e.inverseRadiusStandardError.map { e.inverseRadius - $0 },
             e.inverseRadiusStandardError.map { e.inverseRadius + $0 })
        }, color: pointColor, label: "condition means ± 1 SE")
        return chart.render()
    }

    static func logLog(_ report: FitReport, power: PowerLawFit, line: LinearFit) -> String {
        let estimates = report.conditions.map(\.estimate)
        let xs = estimates.map(\.currentDensity)
        let xRange = ((xs.min() ?? 1) / 1.3)...((xs.max() ?? 1) * 1.3)
        let grid = (0...80).map { xRange.lowerBound * pow(xRange.upperBound / xRange.lowerBound, Double($0) / 80) }
        let band = grid.map { power.logLine.confidenceInterval95(at: log($0)) }
        var ys = estimates.map(\.meanRadius)
        ys += estimates.compactMap { e in e.radiusStandardError.map { e.meanRadius + $0 } }
        ys += estimates.compactMap { e in e.radiusStandardError.map { e.meanRadius - $0 } }.filter { $0 > 0 }
        let yRange = ((ys.min() ?? 1) / 1.5)...((ys.max() ?? 1) * 1.5)
        var chart = SVGChart(title: "r against current density (log–log)",
                             x: .init(label: "current density i (mA/cm²)", scale: .logarithmic, range: xRange),
                             y: .init(label: "mean pore radius r (µm)", scale: .logarithmic, range: yRange))
        chart.legendCorner = .topRight
        if band.allSatisfy({ $0 != nil }) {
            chart.band(x: grid, lower: band.map { exp($0?.lowerBound ?? .nan) }, upper: band.map { exp($0?.upperBound ?? .nan) },
                       color: fitColor, label: "95 % confidence band")
        }
        chart.line(grid.map { ($0, power.value(at: $0)) }, color: fitColor, label: "r = A·iⁿ")
        let inverseLine = grid.compactMap { x -> (Double, Double)? in
            let inverse = line.value(at: x)
            return inverse > 0 ? (x, 1 / inverse) : nil
        }
        chart.line(inverseLine, color: alternativeColor, dashed: true, label: "r = 1/(a + b·i)")
        chart.points(estimates.map { e in
            (e.currentDensity, e.meanRadius, e.radiusStandardError.map { max(e.meanRadius - $0, yRange.lowerBound) },
             e.radiusStandardError.map { e.meanRadius + $0 })
        }, color: pointColor, label: "condition means ± 1 SE")
        return chart.render()
    }

    static func residuals(_ report: FitReport, line: LinearFit) -> String {
        let estimates = report.conditions.map(\.estimate)
        let maxX = (estimates.map(\.currentDensity).max() ?? 1) * 1.08
        let residuals = line.residuals
        let bound = max(residuals.map(abs).max() ?? 0, 1e-12)
        var chart = SVGChart(title: "Residuals of 1/r = a + b·i",
                             x: .init(label: "current density i (mA/cm²)", scale: .linear, range: 0...maxX),
                             y: .init(label: "residual of 1/r (µm⁻¹)", scale: .linear, range: paddedLinear([-bound, bound])))
        chart.horizontalRule(at: 0)
        chart.points(zip(estimates, residuals).map { ($0.currentDensity, $1, nil, nil) }, color: pointColor,
                     label: "observed − fitted")
        return chart.render()
    }

    /// The smallest range holding `values`, widened by 8 % of its span on each side.
    static func paddedLinear(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let span = high > low ? high - low : max(abs(high), 1)
        return (low - 0.08 * span)...(high + 0.08 * span)
    }
}
