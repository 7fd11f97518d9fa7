import Foundation
import LacunaFit

/// The SVG plots of `plots/` rebuilt from an output folder's tables: the three fit plots
/// (``FitPlots``, from fit.json's points and conditions.csv), a radius histogram per condition
/// (pores.csv radii with their statistics weights; µm when every pore of the condition has
/// `radius_um`, else px), and from cells.csv the sides distribution and the Lewis plot.
public enum ReportPlots {
    /// One plot: its file name in `plots/`, the SVG text and a caption.
    public struct Plot: Sendable, Equatable {
        public var name: String
        public var svg: String
        public var caption: String
    }

    /// File-name patterns this builder owns in `plots/` (removed before a rebuild so nothing stale stays).
    static func isOwned(_ name: String) -> Bool {
        name.hasPrefix("radius_histogram_") && name.hasSuffix(".svg")
            || ["sides_distribution.svg", "lewis_plot.svg"].contains(name)
            || FitPlotNames.all.contains(name)
    }

    enum FitPlotNames {
        static let all = ["inverse_radius_vs_current_density.svg", "radius_vs_current_density_loglog.svg",
                          "residuals_inverse_radius.svg"]
    }

    /// Every plot the folder's tables support, in report order.
    public static func render(_ folder: ReportFolder) -> [Plot] {
        fitPlots(folder) + histogramPlots(folder) + cellPlots(folder)
    }

    /// The fit plots, refitted without the bootstrap from fit.json's points and conditions.csv
    /// (the plots use only the condition means, their SEs and the least-squares lines).
    static func fitPlots(_ folder: ReportFolder) -> [Plot] {
        guard let report = refit(folder) else { return [] }
        let captions = [
            "inverse_radius_vs_current_density.svg": "1/r against current density: condition means ± 1 SE, OLS line with its 95 % confidence band, and the line through the origin.",
            "radius_vs_current_density_loglog.svg": "Mean radius against current density on log–log axes with the power law r = A·iⁿ and its 95 % band.",
            "residuals_inverse_radius.svg": "Residuals of the OLS line 1/r = a + b·i.",
        ]
        return FitPlots.render(report).map { Plot(name: $0.name, svg: $0.svg, caption: captions[$0.name] ?? "") }
    }

    /// The fit of the folder's tables, `nil` without fit.json or conditions.csv or when they
    /// cannot be fitted.
    static func refit(_ folder: ReportFolder) -> FitReport? {
        guard let points = folder.fit?["points"]?.array, let table = folder.conditions else { return nil }
        let fitPoints = points.compactMap { point -> FitReport.Point? in
            guard let i = point["current_density"]?.double, let r = point["radius_um"]?.double else { return nil }
            return FitReport.Point(image: point["image"]?.string, currentDensity: i, radiusMicrometres: r)
        }
        let conditions = table.rows.compactMap { row -> FitReport.Condition? in
            guard let i = table.number("current_density", in: row), let r = table.number("mean_radius_um", in: row) else {
                return nil
            }
            let source = table.field("se_source", in: row).flatMap(ConditionEstimate.StandardErrorSource.init(rawValue:))
            let estimate = ConditionEstimate(
                currentDensity: i, currentDensityStandardError: table.number("current_density_se", in: row),
                meanRadius: r, radiusStandardError: table.number("se_radius_um", in: row), standardErrorSource: source,
                imageCount: table.field("n_images", in: row).flatMap { Int($0) } ?? 1,
                poreCount: table.field("n_pores", in: row).flatMap { Int($0) })
            return FitReport.Condition(estimate: estimate, meanPorosity: table.number("mean_porosity", in: row))
        }
        // Hand-edited tables may hold anything: the plots need positive currents and radii (log axes).
        let positive = fitPoints.allSatisfy { $0.current_density > 0 && $0.radius_um > 0 }
            && conditions.allSatisfy { $0.estimate.currentDensity > 0 && $0.estimate.meanRadius > 0 }
        guard fitPoints.count >= 2, !conditions.isEmpty, positive else { return nil }
        return try? FitReport.fitting(fitPoints, conditions: conditions, samples: nil, options: .init(bootstrap: nil))
    }

    /// A condition of the run: the images.csv `current_density` text ("" for none) and its title.
    struct Condition {
        var key: String
        var title: String
        var fileName: String
    }

    /// The conditions of the folder's analysed images: ascending current density, images
    /// without one last.
    static func conditions(_ folder: ReportFolder) -> [Condition] {
        let keys = Set(folder.conditionKeys())
        let sorted = keys.filter { !$0.isEmpty }.sorted { (Double($0) ?? .infinity, $0) < (Double($1) ?? .infinity, $1) }
        var result = sorted.map { key in
            Condition(key: key, title: "i = \(key) mA/cm²", fileName: "radius_histogram_\(safe(key))mAcm2.svg")
        }
        if keys.contains("") {
            let title = keys.count == 1 ? "all images" : "images without a current density"
            result.append(Condition(key: "", title: title, fileName: keys.count == 1 ? "radius_histogram_all.svg"
                                        : "radius_histogram_no_current_density.svg"))
        }
        return result
    }

    /// `text` with every character outside [A-Za-z0-9.+-] replaced by `_`.
    static func safe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) ? $0 : "_" })
    }

    /// The radius histogram of each condition with pores in the statistics.
    static func histogramPlots(_ folder: ReportFolder) -> [Plot] {
        guard let pores = folder.pores else { return [] }
        var conditionOf: [String: String] = [:]
        let keys = folder.conditionKeys()
        for (row, key) in zip(folder.images.rows, keys) {
            let image = folder.images.field("image", in: row) ?? ""
            conditionOf[image + "\u{1F}" + (folder.images.field("page", in: row) ?? "1")] = key
        }
        var byCondition: [String: [[String]]] = [:]
        for row in pores.rows {
            let id = (pores.field("image", in: row) ?? "") + "\u{1F}" + (pores.field("page", in: row) ?? "1")
            if let key = conditionOf[id] { byCondition[key, default: []].append(row) }
        }
        return conditions(folder).compactMap { condition in
            let rows = byCondition[condition.key] ?? []
            let calibrated = !rows.isEmpty && rows.allSatisfy { pores.number("radius_um", in: $0) != nil }
            let radius = calibrated ? "radius_um" : "radius_px", area = calibrated ? "area_um2" : "area_px"
            let unit = calibrated ? "µm" : "px"
            guard let histogram = RadiusHistogram(
                radii: rows.map { pores.number(radius, in: $0) ?? .nan },
                weights: rows.map { pores.number("statistics_weight", in: $0) ?? 0 },
                areas: rows.map { pores.number(area, in: $0) ?? .nan }) else { return nil }
            let svg = DistributionPlots.radiusHistogram(histogram, title: "Pore radius, \(condition.title)", unit: unit)
            return Plot(name: condition.fileName, svg: svg,
                        caption: "Pore radii, \(condition.title): \(histogram.poreCount) pores, bins of "
                            + "\(NumberFormat.significant(histogram.binWidth)) \(unit); blue the fraction of pores, "
                            + "orange the fraction of pore area in each bin.")
        }
    }

    /// P(n) and the Lewis plot, when cells.csv has interior cells.
    static func cellPlots(_ folder: ReportFolder) -> [Plot] {
        guard let table = folder.cells, let statistics = CellStatistics(cells: CellStatistics.cells(from: table)) else {
            return []
        }
        var plots = [Plot(name: "sides_distribution.svg", svg: DistributionPlots.sidesDistribution(statistics),
                          caption: "Fraction of interior cells with n sides (cells touching the frame edge left out).")]
        if let lewis = DistributionPlots.lewisPlot(statistics) {
            plots.append(Plot(name: "lewis_plot.svg", svg: lewis,
                              caption: "Mean area of n-sided cells over the mean cell area; dashed: Lewis' law (n − 2)/4."))
        }
        return plots
    }
}
