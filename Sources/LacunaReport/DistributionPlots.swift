import Foundation

/// SVG plots of distributions read back from the tables: pore radius histograms per condition
/// (number- and area-weighted side by side), the sides distribution P(n) and the Lewis plot
/// A_n/Ā against n. Plain SVG text from ``SVGChart``, byte-identical for the same data.
public enum DistributionPlots {
    static let numberColor = "#1f4e9c"
    static let areaColor = "#e07b22"
    static let cellColor = "#27864a"

    /// The radius histogram of one condition: `title` names it, `unit` is `µm` or `px`.
    public static func radiusHistogram(_ histogram: RadiusHistogram, title: String, unit: String) -> String {
        let lower = histogram.binWidth * Double(histogram.firstBin)
        let upper = histogram.binWidth * Double(histogram.firstBin + histogram.numberFractions.count)
        let tallest = max(histogram.numberFractions.max() ?? 0, histogram.areaFractions.max() ?? 0)
        var chart = SVGChart(title: title,
                             x: .init(label: "pore radius r (\(unit))", scale: .linear, range: lower...upper),
                             y: .init(label: "fraction per bin", scale: .linear, range: 0...max(tallest * 1.15, 1e-9)))
        chart.legendCorner = .topRight
        chart.bars(lowerEdges: histogram.lowerEdges, width: histogram.binWidth, heights: histogram.numberFractions,
                   color: numberColor, group: (0, 2), label: "number-weighted (n = \(histogram.poreCount))")
        chart.bars(lowerEdges: histogram.lowerEdges, width: histogram.binWidth, heights: histogram.areaFractions,
                   color: areaColor, group: (1, 2), label: "area-weighted")
        return chart.render()
    }

    /// P(n) of interior cells as bars at each n.
    public static func sidesDistribution(_ statistics: CellStatistics) -> String {
        let low = Double((statistics.classes.first?.sides ?? 3) - 1), high = Double((statistics.classes.last?.sides ?? 9) + 1)
        let tallest = statistics.classes.map(\.fraction).max() ?? 1
        var chart = SVGChart(title: "Sides distribution P(n) of interior cells",
                             x: .init(label: "number of sides n", scale: .linear, range: low...high),
                             y: .init(label: "P(n)", scale: .linear, range: 0...(tallest * 1.15)))
        chart.legendCorner = .topRight
        chart.bars(lowerEdges: statistics.classes.map { Double($0.sides) - 0.4 }, width: 0.8,
                   heights: statistics.classes.map(\.fraction), color: cellColor,
                   label: "\(statistics.cellCount) cells, mean n = \(NumberFormat.fixed(statistics.meanSides, decimals: 2))")
        return chart.render()
    }

    /// A_n/Ā against n with Lewis' law (n − 2)/4 dashed; `nil` without cell areas.
    public static func lewisPlot(_ statistics: CellStatistics) -> String? {
        let points = statistics.classes.compactMap { c in c.relativeArea.map { (Double(c.sides), $0) } }
        guard !points.isEmpty else { return nil }
        let low = (points.map(\.0).min() ?? 3) - 1, high = (points.map(\.0).max() ?? 9) + 1
        let ys = points.map(\.1) + [(low - 2) / 4, (high - 2) / 4]
        var chart = SVGChart(title: "Lewis plot: relative mean cell area against sides",
                             x: .init(label: "number of sides n", scale: .linear, range: low...high),
                             y: .init(label: "A(n) / mean area", scale: .linear, range: 0...max(1e-9, (ys.max() ?? 1) * 1.1)))
        chart.line([(low, (low - 2) / 4), (high, (high - 2) / 4)], color: "#888888", dashed: true,
                   label: "Lewis' law (n − 2)/4")
        chart.points(points.map { ($0.0, $0.1, nil, nil) }, color: cellColor, label: "interior cells")
        return chart.render()
    }
}
