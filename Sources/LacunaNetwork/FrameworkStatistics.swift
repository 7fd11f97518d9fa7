import LacunaImage
import LacunaSegmentation

/// The solid framework between the holes, measured along the cell boundaries (the skeleton by
/// influence zones, which runs along the middle of every wall), in pixel units.
public struct FrameworkStatistics: Sendable, Equatable {
    /// Wall (ligament) thickness samples in px: mean, median and standard deviation.
    public var meanThickness: Double?
    public var medianThickness: Double?
    public var thicknessSD: Double?
    /// Number of thickness samples (pixel pairs straddling a wall's midline).
    public var thicknessSamples: Int
    /// Junctions (points where three or more cells meet).
    public var junctions: Int
    /// Total length of cell boundaries in px.
    public var wallLength: Double
    /// Area of the analysed field in px.
    public var fieldArea: Int

    /// Measures the walls between the cells of `cells` grown from `pores`.
    ///
    /// - Thickness: wherever two 4-adjacent framework pixels p, q belong to different cells,
    ///   the wall's midline runs between them and its thickness is D(p) + D(q), D being the
    ///   Euclidean distance to the nearest pore pixel (centre to centre): for an axis-aligned
    ///   wall of w pixels this is exactly w. This is twice the distance map sampled along the
    ///   walls' skeleton (Hildebrand & Rüegsegger 1997 define local thickness from the same map).
    /// - Junctions: 2 × 2 pixel blocks holding three or more cell labels, 8-connected blocks
    ///   counted once (a four-way junction spans two blocks).
    /// - Wall length: Cauchy–Crofton estimate from the pixel edges between different cells,
    ///   (π/4)·edges (the mean of |cos θ| + |sin θ| over random directions is 4/π;
    ///   Serra 1982, ch. V).
    ///
    /// `toPore` is `squaredDistanceToPores(pores)` when the caller has it already.
    public init(cells: LabelImage, pores: LabelImage, field: Mask? = nil, toPore: Image<Int32>? = nil) {
        self.init(cells: cells, field: field, poreDistances: toPore ?? squaredDistanceToPores(pores))
    }

    /// The same from the squared distances to the pores alone (any integer type, `.max`: no
    /// pore), with cell labels stored either way (`Labels`): a pixel is a pore pixel exactly
    /// where its distance is 0, so the pore labels are not needed.
    public init<D: FixedWidthInteger & Sendable>(cells: Labels, field: Mask?, poreDistances distance: Image<D>) {
        switch cells {
        case let .narrow(labels): self.init(cells: labels, field: field, poreDistances: distance)
        case let .wide(labels): self.init(cells: labels, field: field, poreDistances: distance)
        }
    }

    /// The same with the cell labels as `L`.
    public init<L: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
        cells: Image<L>, field: Mask?, poreDistances distance: Image<D>
    ) {
        let w = cells.width, h = cells.height
        // The samples as a histogram of their distinct values (a few thousand, against one per
        // boundary pixel pair: ~40 MiB at 8192²); taken in increasing order with their counts,
        // it gives the sums and the median of the sorted samples, addition for addition.
        var counts: [Double: Int] = [:]
        var total = 0
        var edges = 0
        cells.samples.withUnsafeBufferPointer { c in
            distance.samples.withUnsafeBufferPointer { d in
                func visit(_ i: Int, _ j: Int) {
                    guard c[i] != 0, c[j] != 0, c[i] != c[j] else { return }
                    edges += 1
                    // Framework pixels (distance above 0) that have a pore in the frame.
                    if d[i] != 0, d[j] != 0, d[i] != .max, d[j] != .max {
                        counts[Double(d[i]).squareRoot() + Double(d[j]).squareRoot(), default: 0] += 1
                        total += 1
                    }
                }
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let i = y * w + x
                        if x + 1 < w { visit(i, i + 1) }
                        if y + 1 < h { visit(i, i + w) }
                    }
                }
            }
        }
        thicknessSamples = total
        if total == 0 {
            meanThickness = nil
            medianThickness = nil
            thicknessSD = nil
        } else {
            let sorted = counts.sorted { $0.key < $1.key }
            /// The `k`-th sample (from 0) in increasing order.
            func sample(_ k: Int) -> Double {
                var seen = 0
                for (value, count) in sorted {
                    seen += count
                    if k < seen { return value }
                }
                preconditionFailure("sample \(k) of \(total)")
            }
            let n = Double(total)
            var sum = 0.0
            for (value, count) in sorted { for _ in 0 ..< count { sum += value } }
            let mean = sum / n
            meanThickness = mean
            let mid = total / 2
            medianThickness = total.isMultiple(of: 2) ? (sample(mid - 1) + sample(mid)) / 2 : sample(mid)
            var squares = 0.0
            for (value, count) in sorted { for _ in 0 ..< count { squares += (value - mean) * (value - mean) } }
            thicknessSD = total > 1 ? (squares / (n - 1)).squareRoot() : nil
        }
        junctions = FrameworkStatistics.countJunctions(cells)
        wallLength = Double.pi / 4 * Double(edges)
        fieldArea = field.map { $0.samples.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? w * h
    }

    /// Clusters of 2 × 2 blocks with three or more distinct non-zero labels, 8-connected
    /// blocks counted once. The junction blocks are few (about two per cell), so they are
    /// listed and joined by union–find over the list rather than labelled in a full frame.
    static func countJunctions<L: FixedWidthInteger>(_ cells: Image<L>) -> Int {
        let w = cells.width, h = cells.height
        guard w > 1, h > 1 else { return 0 }
        var blocks: [Int] = []
        cells.samples.withUnsafeBufferPointer { c in
            for y in 0 ..< h - 1 {
                for x in 0 ..< w - 1 {
                    let i = y * w + x
                    let a = c[i], b = c[i + 1], d = c[i + w], e = c[i + w + 1]
                    if a == b && d == e || a == d && b == e { continue }
                    var distinct = a != 0 ? 1 : 0
                    if b != 0, b != a { distinct += 1 }
                    if d != 0, d != a, d != b { distinct += 1 }
                    if e != 0, e != a, e != b, e != d { distinct += 1 }
                    if distinct >= 3 { blocks.append(i) }
                }
            }
        }
        // Block (x, y) is keyed by its top-left pixel y·w + x; its earlier 8-neighbours are
        // the blocks at offsets −1, −w − 1, −w and −w + 1 (x ± 1 stays within a row of blocks).
        var position = [Int: Int](minimumCapacity: blocks.count)
        for (k, i) in blocks.enumerated() { position[i] = k }
        var parent = Array(blocks.indices)
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k] != k { parent[k] = parent[parent[k]]; k = parent[k] }
            return k
        }
        var clusters = blocks.count
        func join(_ k: Int, _ neighbour: Int) {
            guard let j = position[neighbour] else { return }
            let a = root(k), b = root(j)
            if a != b { parent[max(a, b)] = min(a, b); clusters -= 1 }
        }
        for (k, i) in blocks.enumerated() {
            let x = i % w
            if x > 0 { join(k, i - 1); join(k, i - w - 1) }
            join(k, i - w)
            if x + 1 < w - 1 { join(k, i - w + 1) }
        }
        return clusters
    }
}
