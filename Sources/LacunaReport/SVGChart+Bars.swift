/// Bars for histograms and discrete distributions.
extension SVGChart {
    /// Bars from 0 up to `heights[k]` over [`lowerEdges[k]`, `lowerEdges[k]` + `width`). With
    /// `group` = (s, of: S) the bin is split into S equal slots and these bars fill slot s, so
    /// several series sit side by side.
    mutating func bars(lowerEdges: [Double], width: Double, heights: [Double], color: String,
                       group: (index: Int, of: Int) = (0, 1), label: String? = nil) {
        precondition(lowerEdges.count == heights.count, "\(lowerEdges.count) edges, \(heights.count) heights")
        precondition(group.of >= 1 && (0 ..< group.of).contains(group.index), "bad group \(group)")
        let slot = width / Double(group.of)
        for (edge, height) in zip(lowerEdges, heights) where height.isFinite && height > 0 {
            let x0 = pixelX(edge + slot * Double(group.index)), x1 = pixelX(edge + slot * Double(group.index + 1))
            let yTop = pixelY(height), yBase = pixelY(max(0, y.range.lowerBound))
            body.append("<rect x=\"\(Self.format(x0))\" y=\"\(Self.format(yTop))\" width=\"\(Self.format(x1 - x0))\" "
                + "height=\"\(Self.format(yBase - yTop))\" fill=\"\(color)\" fill-opacity=\"0.85\" stroke=\"#ffffff\" "
                + "stroke-width=\"0.5\" clip-path=\"url(#plot-area)\"/>")
        }
        if let label {
            legend.append((label, "<rect x=\"0\" y=\"-6\" width=\"24\" height=\"12\" fill=\"\(color)\" fill-opacity=\"0.85\"/>"))
        }
    }
}
