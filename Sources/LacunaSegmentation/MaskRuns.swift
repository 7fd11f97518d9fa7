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
    /// Run k covers columns `start[k]` ..< `end[k]` of row `row[k]`; runs are in raster order.
    private(set) var start: [Int32] = [], end: [Int32] = [], row: [Int32] = []
    private(set) var isForeground: [Bool] = []
    /// Union–find parent per run; a root is the first run (raster order) of its component.
    private var parent: [Int32] = []

    init(_ mask: Mask, foreground: Connectivity) {
        precondition(mask.channels == 1, "mask runs need one channel, got \(mask.channels)")
        width = mask.width
        height = mask.height
        let w = width
        mask.samples.withUnsafeBufferPointer { m in
            // Count the runs first, so each array is allocated once at its size.
            var runs = 0
            for y in 0 ..< height where w > 0 {
                runs += 1
                for x in 1 ..< w where m[y * w + x] != m[y * w + x - 1] { runs += 1 }
            }
            start.reserveCapacity(runs)
            end.reserveCapacity(runs)
            row.reserveCapacity(runs)
            isForeground.reserveCapacity(runs)
            for y in 0 ..< height {
                var x = 0
                while x < w {
                    let value = m[y * w + x]
                    var next = x + 1
                    while next < w && m[y * w + next] == value { next += 1 }
                    start.append(Int32(x))
                    end.append(Int32(next))
                    row.append(Int32(y))
                    isForeground.append(value)
                    x = next
                }
            }
        }
        parent = (0 ..< Int32(start.count)).map { $0 }
        joinRows(foregroundSlack: foreground == .eight ? 1 : 0)
    }

    var count: Int { start.count }

    /// Joins each run with the runs of the row above that have its value and touch it: sharing
    /// a column (4-connected), or a column or a corner (8-connected; `slack` 1).
    private mutating func joinRows(foregroundSlack: Int32) {
        let backgroundSlack: Int32 = 1 - foregroundSlack
        var above = 0, current = 0
        while current < count && row[current] == 0 { current += 1 }
        for _ in 1 ..< max(1, height) {
            let rowStart = current
            var k = above
            while current < count && row[current] == row[rowStart] {
                let slack = isForeground[current] ? foregroundSlack : backgroundSlack
                // Runs above ending before this one's reach can touch no later run either.
                while k < rowStart && end[k] + slack <= start[current] { k += 1 }
                var j = k
                while j < rowStart && start[j] < end[current] + slack {
                    if isForeground[j] == isForeground[current] { union(j, current) }
                    j += 1
                }
                current += 1
            }
            above = rowStart
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

    /// Whether run k touches the frame's edge.
    func touchesEdge(_ k: Int) -> Bool {
        row[k] == 0 || Int(row[k]) == height - 1 || start[k] == 0 || Int(end[k]) == width
    }

    /// For every run, whether it is background enclosed by foreground: a background component
    /// that does not reach the frame's edge (a hole).
    mutating func holeRuns() -> [Bool] {
        var outside = [Bool](repeating: false, count: count)
        for k in 0 ..< count where !isForeground[k] && touchesEdge(k) { outside[find(k)] = true }
        return (0 ..< count).map { !isForeground[$0] && !outside[find($0)] }
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
    var component = [Int32](repeating: -1, count: runs.count)
    var sizes: [(area: Int, touchesEdge: Bool)] = []
    for k in 0 ..< runs.count where runs.isForeground[k] || holes[k] {
        let root = runs.find(k)
        if component[root] < 0 {
            component[root] = Int32(sizes.count)
            sizes.append((0, false))
        }
        let c = Int(component[root])
        sizes[c].area += Int(runs.end[k] - runs.start[k])
        if runs.touchesEdge(k) { sizes[c].touchesEdge = true }
    }
    return sizes
}
