import LacunaImage
import LacunaMeasure

/// The cells of a framework, their neighbours and the per-cell measurements.
public struct CellNetwork: Sendable {
    /// Cell labels over the frame (0 outside the analysed field), in 16 bits when they fit.
    public var cellLabels: Labels
    /// The cell labels as `Int32` (a copy when they are stored in 16 bits).
    public var labels: LabelImage { cellLabels.labelImage }
    /// One entry per label 1…count, in label order; cells with no pixels are left out.
    public var cells: [NetworkCell]
    /// The adjacency rule the neighbour lists follow.
    public var rule: AdjacencyRule

    /// Measures the cells of `labels`.
    /// - Parameters:
    ///   - labels: cell labels 1…`count`, 0 for pixels outside the analysed field.
    ///   - count: the largest label.
    ///   - field: the analysed field (`nil`: the whole frame); cells touching its edge, like
    ///     cells touching the frame edge, are border cells.
    ///   - rule: which contacts make neighbours.
    ///   - pores: the pore labels when cell k grew from pore k (pores mode): each cell then
    ///     records its pore and the corner count of the pore's outline, and cells open to pores
    ///     hidden beyond the edge (`cellsOpenToUnseenPores`) are border cells too.
    ///   - cornerTolerance: Douglas–Peucker tolerance in px for a pore of equivalent radius r
    ///     (default `CellNetwork.cornerTolerance`).
    ///   - toPore: `squaredDistanceToPores(pores)` when the caller has it already.
    public init(labels: LabelImage, count: Int, field: Mask? = nil, rule: AdjacencyRule = AdjacencyRule(),
                pores: LabelImage? = nil, cornerTolerance: (Double) -> Double = CellNetwork.cornerTolerance(radius:),
                toPore: Image<Int32>? = nil) {
        self.init(cells: .wide(labels), count: count, field: field, rule: rule, pores: pores,
                  cornerTolerance: cornerTolerance,
                  poreDistances: pores == nil ? nil : toPore ?? squaredDistanceToPores(pores!))
    }

    /// The same with the squared distances to the pores (required when `pores` is given) in any
    /// integer type (`.max`: no pore), and `poreRegions` = `measureRegions(of: pores, count:
    /// count)` when the caller has measured them already. The pores' corners are found on up to
    /// `threads` threads (the same result for any number).
    public init<P: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
        cells: Labels, count: Int, field: Mask?, rule: AdjacencyRule, pores: Image<P>?,
        cornerTolerance: (Double) -> Double = CellNetwork.cornerTolerance(radius:), poreDistances: Image<D>?,
        poreRegions: [RegionProperties]? = nil, threads: Int = 1
    ) {
        let poreRegions = pores.map { poreRegions ?? measureRegions(of: $0, count: count) }
        let corners = pores.map { CellNetwork.poreCorners(of: $0, regions: poreRegions!, cornerTolerance: cornerTolerance,
                                                          threads: threads) }
        self.init(cells: cells, count: count, field: field, rule: rule, poreRegions: poreRegions, corners: corners,
                  poreDistances: poreDistances)
    }

    /// The same when the pores are known only by what the cells need of them: their regions
    /// (`measureRegions`) and their outlines' corner counts (`poreCorners`), both `nil` when the
    /// cells did not grow from pores. Lets the pore labels become the cells in place
    /// (`growInfluenceZones`).
    public init<D: FixedWidthInteger & Sendable>(cells: Labels, count: Int, field: Mask?, rule: AdjacencyRule,
                                                 poreRegions: [RegionProperties]?, corners: [Int?]?,
                                                 poreDistances: Image<D>?) {
        cellLabels = cells
        self.rule = rule
        switch cells {
        case let .narrow(labels):
            self.cells = CellNetwork.measure(labels, count: count, field: field, rule: rule, poreRegions: poreRegions,
                                             corners: corners, poreDistances: poreDistances)
        case let .wide(labels):
            self.cells = CellNetwork.measure(labels, count: count, field: field, rule: rule, poreRegions: poreRegions,
                                             corners: corners, poreDistances: poreDistances)
        }
    }

    /// The corner count of each pore's outline (`polygonCorners`, by label − 1; `nil` for a
    /// label with no pixels), on up to `threads` threads (the same result for any number).
    public static func poreCorners<P: FixedWidthInteger & Sendable>(
        of pores: Image<P>, regions: [RegionProperties],
        cornerTolerance: (Double) -> Double = CellNetwork.cornerTolerance(radius:), threads: Int = 1
    ) -> [Int?] {
        parallelMap(regions.count, threads: threads) { k in
            let p = regions[k]
            guard p.area > 0 else { return nil }
            return polygonCorners(of: p, in: pores, tolerance: cornerTolerance(p.equivalentRadius))
        }
    }

    /// The cells of `labels` (`init(cells:…)`'s parameters).
    private static func measure<L: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
        _ labels: Image<L>, count: Int, field: Mask?, rule: AdjacencyRule, poreRegions: [RegionProperties]?,
        corners: [Int?]?, poreDistances: Image<D>?
    ) -> [NetworkCell] {
        let regions = measureRegions(of: labels, count: count)
        var neighbours = [[Int]](repeating: [], count: count + 1)
        for contact in cellContacts(of: labels) {
            let a = Int(contact.first), b = Int(contact.second)
            if rule.accepts(edges: contact.edges, areaA: regions[a - 1].area, areaB: regions[b - 1].area) {
                neighbours[a].append(b)
                neighbours[b].append(a)
            }
        }
        let atFieldEdge = CellNetwork.labelsAtFieldEdge(labels, field: field, count: count)
        let open = poreDistances.map { cellsOpenToUnseenPores(labels, count: count, field: field, poreDistances: $0) }
        return regions.filter { $0.area > 0 }.map { region in
            let pore = poreRegions.map { $0[region.label - 1] }
            return NetworkCell(
                label: region.label, pore: pore.flatMap { $0.area > 0 ? $0.label : nil }, area: region.area,
                perimeter: region.perimeter, centroidX: region.centroidX, centroidY: region.centroidY,
                neighbours: neighbours[region.label].sorted(),
                touchesBorder: region.touchesBorder || atFieldEdge[region.label] || open?[region.label] == true,
                corners: pore == nil ? nil : corners?[region.label - 1] ?? nil)
        }
    }

    /// The default corner tolerance: 1.5 px (above the 0.7 px staircase of digitised edges),
    /// growing as 0.08·r for large pores so rounded corners do not split.
    public static func cornerTolerance(radius: Double) -> Double {
        max(1.5, 0.08 * radius)
    }

    /// For each label, whether the cell has a 4-neighbour outside the analysed field.
    static func labelsAtFieldEdge<L: FixedWidthInteger>(_ labels: Image<L>, field: Mask?, count: Int) -> [Bool] {
        var touches = [Bool](repeating: false, count: count + 1)
        guard let field else { return touches }
        let w = labels.width, h = labels.height
        labels.samples.withUnsafeBufferPointer { l in
            field.samples.withUnsafeBufferPointer { f in
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let i = y * w + x
                        let label = Int(l[i])
                        guard label > 0, !touches[label] else { continue }
                        if (x > 0 && !f[i - 1]) || (x + 1 < w && !f[i + 1]) || (y > 0 && !f[i - w])
                            || (y + 1 < h && !f[i + w]) {
                            touches[label] = true
                        }
                    }
                }
            }
        }
        return touches
    }
}
