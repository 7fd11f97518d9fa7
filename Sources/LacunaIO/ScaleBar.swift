import LacunaImage

/// Finds the burned-in scale bar in an instrument's information bar and measures its length.
///
/// Method: in every row of the bar region, runs of identical consecutive samples that differ
/// from the bar's background (the most common value of the whole region, so a bar longer than
/// half the width or a table rule does not become background) are collected. A scale bar is a long solid
/// run — the longest uniform horizontal run, as the issue describes it — but instruments print
/// the length label inside the bar (FEI: `|——— 50 µm ———|`), so non-background runs separated
/// by gaps of at most `maxGap` pixels (2 % of the width, at least 8) are chained; the label's
/// strokes, anti-aliased to other grey values, bridge the gap. A chain counts as a scale bar
/// when its longest solid run is at least `minimumLength` pixels and at least 30 % of the chain's extent (a line of text is only short
/// strokes), and it does not touch the image's left or right edge (table rules of the data bar
/// do). The bar's length is the chain's extent, end caps included when drawn in the bar's value;
/// this matches the by-hand measurements recorded in ../shared/realdata (FEI Quanta 50 µm bar:
/// 373 px incl. caps). Complexity O(region pixels · log width).
public enum ScaleBar {
    /// The scale bar found in rows `rows` of `raster`.
    public struct Measurement: Sendable, Equatable {
        /// Length in pixels, from the first to the last pixel of the bar.
        public var length: Int
        /// Row and first column of the bar.
        public var row: Int
        public var column: Int
    }

    /// The longest scale-bar-like chain in `rows`, if any.
    public static func find(in raster: Raster, rows: Range<Int>, minimumLength: Int = 20) -> Measurement? {
        switch raster.luminance() {
        case let .uint8(image): find(image, rows: rows, minimumLength: minimumLength)
        case let .uint16(image): find(image, rows: rows, minimumLength: minimumLength)
        case let .float32(image): find(image, rows: rows, minimumLength: minimumLength)
        }
    }

    private struct Run {
        var start: Int
        var end: Int
    }

    private static func find<S: Comparable & Sendable>(_ image: Image<S>, rows: Range<Int>,
                                                              minimumLength: Int) -> Measurement? {
        let w = image.width
        let maxGap = max(8, w / 50)
        let rows = rows.clamped(to: 0 ..< image.height)
        guard !rows.isEmpty else { return nil }
        let background = mostCommonValue(image.samples[rows.lowerBound * w ..< rows.upperBound * w])?.value
        var best: Measurement? = nil
        for y in rows {
            let row = image.samples[y * w ..< (y + 1) * w]
            var runs: [Run] = []
            var start = row.startIndex
            while start < row.endIndex {
                var end = start + 1
                while end < row.endIndex && row[end] == row[start] { end += 1 }
                if row[start] != background {
                    runs.append(Run(start: start - row.startIndex, end: end - row.startIndex))
                }
                start = end
            }
            var i = 0
            while i < runs.count {
                var j = i, longest = runs[i].end - runs[i].start
                while j + 1 < runs.count && runs[j + 1].start - runs[j].end <= maxGap {
                    j += 1
                    longest = max(longest, runs[j].end - runs[j].start)
                }
                let extent = runs[j].end - runs[i].start
                let touchesEdge = runs[i].start == 0 || runs[j].end == w
                if !touchesEdge && longest >= minimumLength && Double(longest) >= 0.3 * Double(extent)
                    && extent > (best?.length ?? 0) {
                    best = Measurement(length: extent, row: y, column: runs[i].start)
                }
                i = j + 1
            }
        }
        return best
    }
}
