import Foundation
import LacunaFit
import LacunaReport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("SVG plots of the fit")
struct FitPlotsTests {
    static let currentDensities = [1.0, 2, 5, 10]
    static let radii = [4.1, 2.4, 0.9, 0.4]

    static func report() throws -> FitReport {
        let points = zip(currentDensities, radii).map { FitReport.Point(image: nil, currentDensity: $0, radiusMicrometres: $1) }
        let conditions = zip(zip(currentDensities, radii), [0.35, 0.2, 0.09, 0.05]).map {
            FitReport.Condition(estimate: ConditionEstimate(currentDensity: $0.0, meanRadius: $0.1, radiusStandardError: $1))
        }
        return try FitReport.fitting(points, conditions: conditions, samples: nil, options: .init(bootstrap: nil))
    }

    /// The (cx, cy) of every `<circle>`, the legend swatch included.
    static func circles(_ svg: String) -> [(Double, Double)] {
        let pattern = /<circle cx="([-0-9.]+)" cy="([-0-9.]+)"/
        return svg.matches(of: pattern).compactMap { match in
            guard let x = Double(match.1), let y = Double(match.2) else { return nil }
            return (x, y)
        }
    }

    @Test("three plots with stable names and bytes")
    func names() throws {
        let plots = FitPlots.render(try Self.report())
        #expect(plots.map(\.name) == ["inverse_radius_vs_current_density.svg", "radius_vs_current_density_loglog.svg",
                                      "residuals_inverse_radius.svg"])
        #expect(plots.map(\.svg) == FitPlots.render(try Self.report()).map(\.svg))
        for plot in plots {
            #expect(plot.svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(plot.svg.hasSuffix("</svg>\n"))
            #expect(!plot.svg.contains("nan") && !plot.svg.contains("inf"))
        }
    }

    #if canImport(FoundationXML)
    @Test("every plot is well-formed XML")
    func wellFormed() throws {
        for plot in FitPlots.render(try Self.report()) {
            let parser = XMLParser(data: Data(plot.svg.utf8))
            #expect(parser.parse(), "\(plot.name): \(String(describing: parser.parserError))")
        }
    }
    #endif

    @Test("1/r plot: points on a linear axis, x at 84 + 532·i/(1.08·10) px, y linear in 1/r")
    func inverseRadiusGeometry() throws {
        let svg = try #require(FitPlots.render(try Self.report()).first).svg
        // The last circle is the legend swatch; the first four are the conditions.
        let points = Array(Self.circles(svg).prefix(4))
        #expect(points.count == 4)
        for (point, i) in zip(points, Self.currentDensities) {
            // Plot area 84…616 px wide (640 − 84 − 24) over 0…10.8 mA/cm²; printed to 0.01 px.
            #expect(abs(point.0 - (84 + 532 * i / 10.8)) < 0.006)
        }
        // Equal pixel steps per µm⁻¹: (y₁ − y₄)/(1/r₄ − 1/r₁) = (y₂ − y₃)/(1/r₃ − 1/r₂).
        let inverse = Self.radii.map { 1 / $0 }
        let scaleA = (points[0].1 - points[3].1) / (inverse[3] - inverse[0])
        let scaleB = (points[1].1 - points[2].1) / (inverse[2] - inverse[1])
        #expect(scaleA > 0 && abs(scaleA - scaleB) < 0.02)
        #expect(svg.contains("<polygon"))  // the confidence band (two residual degrees of freedom)
        #expect(svg.contains("1/r = b·i (through the origin)"))
    }

    @Test("log–log plot: pixel distances proportional to ln i")
    func logLogGeometry() throws {
        let svg = FitPlots.render(try Self.report())[1].svg
        let points = Array(Self.circles(svg).prefix(4))
        let ratio = (points[3].0 - points[0].0) / (points[1].0 - points[0].0)
        #expect(abs(ratio - log(10) / log(2)) < 1e-3)
        let yRatio = (points[3].1 - points[0].1) / (points[1].1 - points[0].1)
        #expect(abs(yRatio - log(0.4 / 4.1) / log(2.4 / 4.1)) < 1e-3)
    }

    @Test("residual plot: residuals of the OLS line around a zero rule")
    func residualGeometry() throws {
        let report = try Self.report()
        let svg = FitPlots.render(report)[2].svg
        let points = Array(Self.circles(svg).prefix(4))
        let residuals = try #require(report.conditionLine).residuals
        // (y₀ − y₂)/(r₂ − r₀) = (y₁ − y₃)/(r₃ − r₁): one px-per-µm⁻¹ scale.
        let a = (points[0].1 - points[2].1) / (residuals[2] - residuals[0])
        let b = (points[1].1 - points[3].1) / (residuals[3] - residuals[1])
        #expect(abs(a - b) / abs(a) < 1e-3)
        #expect(svg.contains("stroke-dasharray=\"3 3\""))
    }

    @Test("text is XML-escaped")
    func escaping() throws {
        for plot in FitPlots.render(try Self.report()) {
            #expect(!plot.svg.contains(" & "))
        }
    }
}
