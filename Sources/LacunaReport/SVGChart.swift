import Foundation

/// A minimal SVG 1.1 x–y chart written as text: axes with ticks on linear or logarithmic
/// scales, polylines, shaded bands, points with error bars, a legend. Coordinates are printed
/// with two decimals and elements in the order they were added, so the same data always give
/// the same bytes.
struct SVGChart {
    enum Scale {
        case linear
        case logarithmic
    }

    struct Axis {
        var label: String
        var scale: Scale
        var range: ClosedRange<Double>
    }

    /// Which upper corner of the plot area holds the legend.
    enum LegendCorner {
        case topLeft
        case topRight
    }

    let width = 640.0
    let height = 440.0
    let left = 84.0
    let right = 24.0
    let top = 40.0
    let bottom = 60.0
    var title: String
    var x: Axis
    var y: Axis
    var legendCorner = LegendCorner.topLeft
    /// Elements in drawing order (extensions in other files add kinds of marks).
    var body: [String] = []
    var legend: [(label: String, swatch: String)] = []

    init(title: String, x: Axis, y: Axis) {
        precondition(x.range.upperBound > x.range.lowerBound && y.range.upperBound > y.range.lowerBound,
                     "empty axis range \(x.range), \(y.range)")
        precondition((x.scale == .linear || x.range.lowerBound > 0) && (y.scale == .linear || y.range.lowerBound > 0),
                     "a logarithmic axis needs a positive range")
        self.title = title
        self.x = x
        self.y = y
    }

    /// Horizontal pixel position of data value `value`.
    func pixelX(_ value: Double) -> Double {
        left + (width - left - right) * fraction(value, on: x)
    }

    /// Vertical pixel position of data value `value` (SVG y grows downwards).
    func pixelY(_ value: Double) -> Double {
        height - bottom - (height - top - bottom) * fraction(value, on: y)
    }

    private func fraction(_ value: Double, on axis: Axis) -> Double {
        switch axis.scale {
        case .linear:
            return (value - axis.range.lowerBound) / (axis.range.upperBound - axis.range.lowerBound)
        case .logarithmic:
            return log10(value / axis.range.lowerBound) / log10(axis.range.upperBound / axis.range.lowerBound)
        }
    }

    /// A line through data points (non-finite points are skipped).
    mutating func line(_ points: [(Double, Double)], color: String, dashed: Bool = false, label: String? = nil) {
        let coordinates = points.filter { $0.0.isFinite && $0.1.isFinite }
            .map { "\(Self.format(pixelX($0.0))),\(Self.format(pixelY($0.1)))" }
        guard coordinates.count >= 2 else { return }
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        body.append("<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" "
            + "stroke-width=\"2\"\(dash) clip-path=\"url(#plot-area)\"/>")
        if let label {
            legend.append((label, "<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>"))
        }
    }

    /// A shaded band between `lower` and `upper` over the same x values.
    mutating func band(x values: [Double], lower: [Double], upper: [Double], color: String, label: String? = nil) {
        let top = zip(values, upper).map { (Double($0), Double($1)) }
        let bottom = zip(values, lower).map { (Double($0), Double($1)) }.reversed()
        let coordinates = (top + bottom).filter { $0.0.isFinite && $0.1.isFinite }
            .map { "\(Self.format(pixelX($0.0))),\(Self.format(pixelY($0.1)))" }
        guard coordinates.count >= 3 else { return }
        body.append("<polygon points=\"\(coordinates.joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.2\" "
            + "stroke=\"none\" clip-path=\"url(#plot-area)\"/>")
        if let label {
            legend.append((label, "<rect x=\"0\" y=\"-6\" width=\"24\" height=\"12\" fill=\"\(color)\" fill-opacity=\"0.2\"/>"))
        }
    }

    /// Points with optional vertical error bars from `low` to `high`.
    mutating func points(_ points: [(x: Double, y: Double, low: Double?, high: Double?)], color: String,
                         label: String? = nil) {
        for point in points where point.x.isFinite && point.y.isFinite {
            let px = Self.format(pixelX(point.x))
            if let low = point.low, let high = point.high, low.isFinite, high.isFinite {
                let capLeft = Self.format(pixelX(point.x) - 5), capRight = Self.format(pixelX(point.x) + 5)
                let yLow = Self.format(pixelY(low)), yHigh = Self.format(pixelY(high))
                body.append("<path d=\"M\(px),\(yLow) V\(yHigh) M\(capLeft),\(yLow) H\(capRight) "
                    + "M\(capLeft),\(yHigh) H\(capRight)\" stroke=\"\(color)\" stroke-width=\"1.5\" fill=\"none\" "
                    + "clip-path=\"url(#plot-area)\"/>")
            }
            body.append("<circle cx=\"\(px)\" cy=\"\(Self.format(pixelY(point.y)))\" r=\"4.5\" fill=\"\(color)\"/>")
        }
        if let label {
            legend.append((label, "<circle cx=\"12\" cy=\"0\" r=\"4.5\" fill=\"\(color)\"/>"))
        }
    }

    /// A horizontal reference line at data value `value`.
    mutating func horizontalRule(at value: Double) {
        let py = Self.format(pixelY(value))
        body.append("<line x1=\"\(Self.format(left))\" y1=\"\(py)\" x2=\"\(Self.format(width - right))\" "
            + "y2=\"\(py)\" stroke=\"#888888\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>")
    }

    /// The complete SVG document, ending with a newline.
    func render() -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.format(width))\" height=\"\(Self.format(height))\" "
                + "viewBox=\"0 0 \(Self.format(width)) \(Self.format(height))\" font-family=\"Helvetica, Arial, sans-serif\" "
                + "font-size=\"12\">",
            "<title>\(Self.escape(title))</title>",
            "<defs><clipPath id=\"plot-area\"><rect x=\"\(Self.format(left))\" y=\"\(Self.format(top))\" "
                + "width=\"\(Self.format(plotWidth))\" height=\"\(Self.format(plotHeight))\"/></clipPath></defs>",
            "<rect x=\"0\" y=\"0\" width=\"\(Self.format(width))\" height=\"\(Self.format(height))\" fill=\"#ffffff\"/>",
            "<text x=\"\(Self.format(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">\(Self.escape(title))</text>",
        ]
        lines += axisLines()
        lines += body
        lines += legendLines()
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func axisLines() -> [String] {
        let x0 = Self.format(left)
        let y0 = Self.format(height - bottom), y1 = Self.format(top)
        var lines = ["<rect x=\"\(x0)\" y=\"\(y1)\" width=\"\(Self.format(width - left - right))\" "
            + "height=\"\(Self.format(height - top - bottom))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>"]
        for tick in Self.ticks(for: x) {
            let px = Self.format(pixelX(tick))
            lines.append("<line x1=\"\(px)\" y1=\"\(y0)\" x2=\"\(px)\" y2=\"\(Self.format(height - bottom + 5))\" stroke=\"#000000\"/>")
            lines.append("<text x=\"\(px)\" y=\"\(Self.format(height - bottom + 19))\" text-anchor=\"middle\">"
                + "\(NumberFormat.significant(tick, digits: 4))</text>")
        }
        for tick in Self.ticks(for: y) {
            let py = Self.format(pixelY(tick))
            lines.append("<line x1=\"\(Self.format(left - 5))\" y1=\"\(py)\" x2=\"\(x0)\" y2=\"\(py)\" stroke=\"#000000\"/>")
            lines.append("<text x=\"\(Self.format(left - 8))\" y=\"\(Self.format(pixelY(tick) + 4))\" text-anchor=\"end\">"
                + "\(NumberFormat.significant(tick, digits: 4))</text>")
        }
        lines.append("<text x=\"\(Self.format(left + (width - left - right) / 2))\" y=\"\(Self.format(height - 16))\" "
            + "text-anchor=\"middle\">\(Self.escape(x.label))</text>")
        let middle = Self.format(top + (height - top - bottom) / 2)
        lines.append("<text x=\"20\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 20 \(middle))\">"
            + "\(Self.escape(y.label))</text>")
        return lines
    }

    private func legendLines() -> [String] {
        guard !legend.isEmpty else { return [] }
        let boxWidth = 236.0
        let x0 = legendCorner == .topLeft ? left + 8 : width - right - 8 - boxWidth
        var lines = ["<rect x=\"\(Self.format(x0))\" y=\"\(Self.format(top + 6))\" width=\"\(Self.format(boxWidth))\" "
            + "height=\"\(Self.format(18 * Double(legend.count) + 6))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>"]
        for (index, entry) in legend.enumerated() {
            let y = top + 18 + 18 * Double(index)
            lines.append("<g transform=\"translate(\(Self.format(x0 + 6)),\(Self.format(y)))\">\(entry.swatch)"
                + "<text x=\"32\" y=\"4\">\(Self.escape(entry.label))</text></g>")
        }
        return lines
    }

    /// Tick values: "nice" steps (1, 2, 2.5 or 5 × 10ᵏ, five to eight ticks) on a linear axis; powers of
    /// ten, and 2 and 5 times them when the range spans less than two decades, on a log axis.
    static func ticks(for axis: Axis) -> [Double] {
        let low = axis.range.lowerBound, high = axis.range.upperBound
        switch axis.scale {
        case .linear:
            let raw = (high - low) / 7
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
            var values: [Double] = []
            var k = (low / step).rounded(.up)
            while k * step <= high * (1 + 1e-12) {
                values.append(k * step == 0 ? 0 : k * step)
                k += 1
            }
            return values
        case .logarithmic:
            let first = Int(log10(low).rounded(.down)), last = Int(log10(high).rounded(.up))
            let multiples: [Double] = log10(high / low) < 2 ? [1, 2, 5] : [1]
            var values: [Double] = []
            for exponent in first...last {
                for multiple in multiples {
                    let value = multiple * pow(10, Double(exponent))
                    if value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12) { values.append(value) }
                }
            }
            return values
        }
    }

    /// Two decimals, C locale, no negative zero.
    static func format(_ value: Double) -> String {
        NumberFormat.fixed(value, decimals: 2)
    }

    /// Text with XML's special characters escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
