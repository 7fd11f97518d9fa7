import LacunaImage

/// A mask as runs: the maximal spans of equal value along each row, foreground and background
/// alternating, joined into connected components by union–find over the runs (run-based
/// labelling: Rosenfeld & Pfaltz 1966's equivalences on runs instead of pixels, as in
/// He, Chao & Suzuki 2008, "A run-based two-scan labeling algorithm", IEEE TIP 17(5):749–756).
/// Foreground runs join with `foreground` connectivity; background runs, when asked for, with
/// the dual one, so the background components are those `fillingHoles` floods. The runs are
/// found eight pixels at a time where the mask is uniform: work O(width·height / 8) to read
/// the mask, then O(runs·α).
struct MaskRuns {
    let width: Int, height: Int
    /// Whether background runs were joined into components too (`holeRuns` needs them).
    let joinsBackground: Bool
    /// First column of every run, rows in order. A run ends where the next run of its row
    /// begins, the row's last run at `width`; values alternate along a row.
    private var start: [Int32] = []
    /// The runs of row y are `rowStart[y] ..< rowStart[y + 1]`.
    private var rowStart: [Int]
    /// Whether each row's first run is foreground.
    private var firstIsForeground: [Bool]
    /// Union–find parent per run; a root is the first run (raster order) of its component.
    private var parent: [Int32] = []

    /// One pass over the mask, then the union of touching runs of each pair of rows: the
    /// foreground's, and the background's when `joiningBackground`.
    init(_ mask: Mask, foreground: Connectivity, joiningBackground: Bool = true) {
        precondition(mask.channels == 1, "mask runs need one channel, got \(mask.channels)")
        width = mask.width
        height = mask.height
        joinsBackground = joiningBackground
        rowStart = [Int](repeating: 0, count: height + 1)
        firstIsForeground = [Bool](repeating: false, count: height)
        let w = width
        mask.samples.withUnsafeBufferPointer { bools in
            bools.withMemoryRebound(to: UInt8.self) { m in
                for y in 0 ..< height {
                    rowStart[y] = start.count
                    guard w > 0 else { continue }
                    let row = UnsafeRawPointer(m.baseAddress! + y * w)
                    var value = row.load(as: UInt8.self)
                    firstIsForeground[y] = value != 0
                    start.append(0)
                    var x = 1
                    while true {
                        x = skipping(row, from: x, width: w, byte: value)
                        guard x < w else { break }
                        start.append(Int32(x))
                        value ^= 1
                        x += 1
                    }
                }
            }
        }
        rowStart[height] = start.count
        parent = [Int32](unsafeUninitializedCapacity: start.count) { p, n in
            for k in 0 ..< start.count { p[k] = Int32(k) }
            n = start.count
        }
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
    /// a column (4-connected), or a column or a corner (8-connected; `slack` 1). Background
    /// runs take the dual slack, and are skipped unless `joinsBackground`.
    private mutating func joinRows(foregroundSlack: Int) {
        let backgroundSlack = 1 - foregroundSlack
        let w = width, joinsBackground = joinsBackground
        start.withUnsafeBufferPointer { start in
            parent.withUnsafeMutableBufferPointer { parent in
                for y in stride(from: 1, to: height, by: 1) {
                    let aboveStart = rowStart[y - 1], aboveEnd = rowStart[y], rowEnd = rowStart[y + 1]
                    let aboveFirstIsForeground = firstIsForeground[y - 1]
                    var k = aboveStart
                    var value = firstIsForeground[y]
                    for current in aboveEnd ..< rowEnd {
                        defer { value.toggle() }
                        guard value || joinsBackground else { continue }
                        let first = Int(start[current])
                        let end = current + 1 < rowEnd ? Int(start[current + 1]) : w
                        let slack = value ? foregroundSlack : backgroundSlack
                        // Runs above ending before this one's reach can touch no later run either.
                        while k < aboveEnd && (k + 1 < aboveEnd ? Int(start[k + 1]) : w) + slack <= first { k += 1 }
                        // Of the runs above within reach, those with this run's value alternate.
                        var j = k
                        if (aboveFirstIsForeground == (j - aboveStart).isMultiple(of: 2)) != value { j += 1 }
                        while j < aboveEnd && Int(start[j]) < end + slack {
                            Self.join(j, current, parent)
                            j += 2
                        }
                    }
                }
            }
        }
    }

    /// The root of run `k`'s set (path halving); roots point to themselves.
    @inline(__always)
    private static func root(_ k: Int, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int {
        var k = k
        while parent[k] != Int32(k) {
            let grandparent = parent[Int(parent[k])]
            parent[k] = grandparent
            k = Int(grandparent)
        }
        return k
    }

    /// Joins the sets of runs a and b; the earlier root wins.
    @inline(__always)
    private static func join(_ a: Int, _ b: Int, _ parent: UnsafeMutableBufferPointer<Int32>) {
        let ra = root(a, parent), rb = root(b, parent)
        if ra < rb { parent[rb] = Int32(ra) } else if rb < ra { parent[ra] = Int32(rb) }
    }

    /// The root of run `k`'s component.
    mutating func find(_ k: Int) -> Int {
        parent.withUnsafeMutableBufferPointer { Self.root(k, $0) }
    }

    /// Joins the components of runs a and b; the root is the earlier run.
    mutating func union(_ a: Int, _ b: Int) {
        parent.withUnsafeMutableBufferPointer { Self.join(a, b, $0) }
    }

    /// Numbers the components of the foreground runs, and of the runs `also` marks, 1…count
    /// in raster order of their first run; `number[k]` is run k's component, 0 for the runs
    /// left out. A component's root is its first run, so it is numbered before its other runs.
    mutating func numberComponents(also: [Bool]? = nil) -> (number: [Int32], count: Int) {
        var number = [Int32](repeating: 0, count: count)
        var components: Int32 = 0
        let rowStart = rowStart, firstIsForeground = firstIsForeground
        parent.withUnsafeMutableBufferPointer { parent in
            for y in 0 ..< rowStart.count - 1 {
                var foreground = firstIsForeground[y]
                for k in rowStart[y] ..< rowStart[y + 1] {
                    defer { foreground.toggle() }
                    guard foreground || also?[k] == true else { continue }
                    let root = Self.root(k, parent)
                    if root == k {
                        components += 1
                        number[k] = components
                    } else {
                        number[k] = number[root]
                    }
                }
            }
        }
        return (number, Int(components))
    }

    /// Whether the run in row y over columns first ..< end touches the frame's edge.
    func touchesEdge(row y: Int, first: Int, end: Int) -> Bool {
        y == 0 || y == height - 1 || first == 0 || end == width
    }

    /// For every run, whether it is background enclosed by foreground: a background component
    /// that does not reach the frame's edge (a hole).
    mutating func holeRuns() -> [Bool] {
        precondition(joinsBackground, "hole runs need the background joined")
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
    let (number, components) = runs.numberComponents(also: holes)
    var sizes = [(area: Int, touchesEdge: Bool)](repeating: (0, false), count: components)
    runs.forEachRun { k, y, first, end, _ in
        guard number[k] > 0 else { return }
        let c = Int(number[k]) - 1
        sizes[c].area += end - first
        if runs.touchesEdge(row: y, first: first, end: end) { sizes[c].touchesEdge = true }
    }
    return sizes
}

/// The first column at or after `x` whose byte is not `byte` (or `width`), eight bytes at a
/// time while they all are; `byte` is 0 or 1, as a `Bool` is stored.
@inline(__always)
private func skipping(_ row: UnsafeRawPointer, from x: Int, width w: Int, byte: UInt8) -> Int {
    let word = UInt64(byte) &* 0x0101_0101_0101_0101
    var x = x
    while x + 8 <= w && row.loadUnaligned(fromByteOffset: x, as: UInt64.self) == word { x += 8 }
    while x < w && row.load(fromByteOffset: x, as: UInt8.self) == byte { x += 1 }
    return x
}
