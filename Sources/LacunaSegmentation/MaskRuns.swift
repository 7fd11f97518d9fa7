import LacunaImage

/// A mask as runs: the maximal spans of equal value along each row, foreground and background
/// alternating, joined into connected components by union–find over the runs (run-based
/// labelling: Rosenfeld & Pfaltz 1966's equivalences on runs instead of pixels, as in
/// He, Chao & Suzuki 2008, "A run-based two-scan labeling algorithm", IEEE TIP 17(5):749–756).
/// Foreground runs join with `foreground` connectivity, background runs with the dual one, so
/// the background components are those `fillingHoles` floods. Work O(width·height) to find the
/// runs, then O(runs·α).
struct MaskRuns {
    let width: Int, height: Int
    /// First column of every run, rows in order. A run ends where the next run of its row
    /// begins, the row's last run at `width`; values alternate along a row.
    private var start: [Int32] = []
    /// The runs of row y are `rowStart[y] ..< rowStart[y + 1]`.
    private var rowStart: [Int]
    /// Whether each row's first run is foreground.
    private var firstIsForeground: [Bool]
    /// Union–find parent per run; a root is the first run (raster order) of its component.
    private var parent: [Int32] = []

    /// One pass over the mask, then the union of touching runs of each pair of rows.
    init(_ mask: Mask, foreground: Connectivity) {
        precondition(mask.channels == 1, "mask runs need one channel, got \(mask.channels)")
        width = mask.width
        height = mask.height
        rowStart = [Int](repeating: 0, count: height + 1)
        firstIsForeground = [Bool](repeating: false, count: height)
        let w = width
        mask.samples.withUnsafeBufferPointer { m in
            for y in 0 ..< height {
                rowStart[y] = start.count
                guard w > 0 else { continue }
                firstIsForeground[y] = m[y * w]
                start.append(0)
                for x in 1 ..< w where m[y * w + x] != m[y * w + x - 1] { start.append(Int32(x)) }
            }
        }
        rowStart[height] = start.count
        parent = (0 ..< Int32(start.count)).map { $0 }
        joinRows(foregroundSlack: foreground == .eight ? 1 : 0)
    }

    var count: Int { start.count }

    /// Run k's columns `first ..< end`; k must be a run of row y.
    @inline(__always)
    func columns(_ k: Int, row y: Int) -> (first: Int, end: Int) {
        (Int(start[k]), k + 1 < rowStart[y + 1] ? Int(start[k + 1]) : width)
    }

    /// Whether run k of row y is foreground.
    @inline(__always)
    func isForeground(_ k: Int, row y: Int) -> Bool {
        firstIsForeground[y] == (k - rowStart[y]).isMultiple(of: 2)
    }

    /// Calls `body(k, y, first, end, foreground)` for every run in raster order.
    func forEachRun(_ body: (_ k: Int, _ y: Int, _ first: Int, _ end: Int, _ foreground: Bool) -> Void) {
        for y in 0 ..< height {
            for k in rowStart[y] ..< rowStart[y + 1] {
                let (first, end) = columns(k, row: y)
                body(k, y, first, end, isForeground(k, row: y))
            }
        }
    }

    /// Joins each run with the runs of the row above that have its value and touch it: sharing
    /// a column (4-connected), or a column or a corner (8-connected; `slack` 1).
    private mutating func joinRows(foregroundSlack: Int) {
        let backgroundSlack = 1 - foregroundSlack
        for y in stride(from: 1, to: height, by: 1) {
            var k = rowStart[y - 1]
            for current in rowStart[y] ..< rowStart[y + 1] {
                let (first, end) = columns(current, row: y)
                let value = isForeground(current, row: y)
                let slack = value ? foregroundSlack : backgroundSlack
                // Runs above ending before this one's reach can touch no later run either.
                while k < rowStart[y] && columns(k, row: y - 1).end + slack <= first { k += 1 }
                var j = k
                while j < rowStart[y] && columns(j, row: y - 1).first < end + slack {
                    if isForeground(j, row: y - 1) == value { union(j, current) }
                    j += 1
                }
            }
        }
    }

    /// The root of run `k`'s component (with path halving).
    mutating func find(_ k: Int) -> Int {
        var k = k
        while parent[k] != Int32(k) {
            let grandparent = parent[Int(parent[k])]
            parent[k] = grandparent
            k = Int(grandparent)
        }
        return k
    }

    /// Joins the components of runs a and b; the root is the earlier run.
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra < rb { parent[rb] = Int32(ra) } else if rb < ra { parent[ra] = Int32(rb) }
    }

    /// Whether the run in row y over columns first ..< end touches the frame's edge.
    func touchesEdge(row y: Int, first: Int, end: Int) -> Bool {
        y == 0 || y == height - 1 || first == 0 || end == width
    }

    /// For every run, whether it is background enclosed by foreground: a background component
    /// that does not reach the frame's edge (a hole).
    mutating func holeRuns() -> [Bool] {
        var outside = [Bool](repeating: false, count: count)
        var background: [Int32] = []
        background.reserveCapacity(count / 2 + height)
        forEachRun { k, y, first, end, foreground in
            guard !foreground else { return }
            background.append(Int32(k))
            if touchesEdge(row: y, first: first, end: end) { outside[k] = true }
        }
        for k in background where outside[Int(k)] { outside[find(Int(k))] = true }
        var holes = [Bool](repeating: false, count: count)
        for k in background { holes[Int(k)] = !outside[find(Int(k))] }
        return holes
    }
}

/// The size of each connected component of a mask after its holes are filled: the areas and
/// edge contact `labelComponents(of: fillingHoles(in: mask, foreground: connectivity),
/// connectivity:)` followed by a region measurement would give, in the same order (row-major
/// order of each component's first pixel), without building the filled mask or a label image.
/// A hole's runs join the foreground runs beside them, which merges everything the filled hole
/// connects: the ring around it and any islands inside.
public func filledComponentSizes(of mask: Mask, connectivity: Connectivity = .eight) -> [(area: Int, touchesEdge: Bool)] {
    var runs = MaskRuns(mask, foreground: connectivity)
    let holes = runs.holeRuns()
    // A hole run never reaches the row's ends, so runs k − 1 and k + 1 are the foreground beside it.
    for k in 0 ..< runs.count where holes[k] {
        runs.union(k, k - 1)
        runs.union(k, k + 1)
    }
    let roots = (0 ..< runs.count).map { runs.find($0) }
    var component = [Int32](repeating: -1, count: runs.count)
    var sizes: [(area: Int, touchesEdge: Bool)] = []
    runs.forEachRun { k, y, first, end, foreground in
        guard foreground || holes[k] else { return }
        let root = roots[k]
        if component[root] < 0 {
            component[root] = Int32(sizes.count)
            sizes.append((0, false))
        }
        let c = Int(component[root])
        sizes[c].area += end - first
        if runs.touchesEdge(row: y, first: first, end: end) { sizes[c].touchesEdge = true }
    }
    return sizes
}
