import LacunaImage

/// Connected components of a mask.
public struct Components: Sendable, Equatable {
    /// 0 for background; components numbered 1…`count` in row-major order of their first pixel.
    public var labels: LabelImage
    /// Number of components.
    public var count: Int
    /// Pixel count of each component; index 0 is the background count.
    public var areas: [Int]
}

/// Labels the connected components of `mask`.
///
/// Run-based two-scan labelling (He, Chao & Suzuki 2008, "A run-based two-scan labeling
/// algorithm", IEEE Trans. Image Process. 17(5):749–756): the foreground runs of each row are
/// found eight pixels at a time where the mask is uniform, each run is joined by union–find to
/// the runs of the row above it touches (sharing a column, or a corner with 8-connectivity;
/// the root of a set is its first run in raster order), and the runs are written out with
/// their component's label. Labels follow the row-major order of each component's first
/// pixel, which is its first run's start, so the numbering does not depend on the algorithm.
/// Complexity O(width·height / 8 + runs·α) to read the mask, plus writing the labels.
/// The mask is not modified.
public func labelComponents(of mask: Mask, connectivity: Connectivity = .eight) -> Components {
    precondition(mask.channels == 1, "labelComponents needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    let runs = ForegroundRuns(mask)
    let slack = connectivity == .eight ? 1 : 0
    // parent[k]: union–find over runs; after the second scan, −(final label) for each root.
    var parent = [Int32](unsafeUninitializedCapacity: runs.count) { p, n in
        for k in 0 ..< runs.count { p[k] = Int32(k) }
        n = runs.count
    }
    var areas = [0]
    var labels = [Int32](repeating: 0, count: w * h)
    runs.first.withUnsafeBufferPointer { first in
        runs.end.withUnsafeBufferPointer { end in
            parent.withUnsafeMutableBufferPointer { parent in
                for y in stride(from: 1, to: h, by: 1) {
                    var above = runs.rowStart[y - 1]
                    let aboveEnd = runs.rowStart[y]
                    for k in runs.rowStart[y] ..< runs.rowStart[y + 1] {
                        let lo = Int(first[k]) - slack, hi = Int(end[k]) + slack
                        // Runs above that end before this one's reach touch no later run.
                        while above < aboveEnd && Int(end[above]) <= lo { above += 1 }
                        var j = above
                        while j < aboveEnd && Int(first[j]) < hi {
                            joinRuns(j, k, parent)
                            j += 1
                        }
                        // The last run above reached may also touch the next run of this row.
                        if j > above { above = j - 1 }
                    }
                }
                labels.withUnsafeMutableBufferPointer { out in
                    var count: Int32 = 0
                    for y in 0 ..< h {
                        let row = out.baseAddress! + y * w
                        for k in runs.rowStart[y] ..< runs.rowStart[y + 1] {
                            let root = Int(runRoot(Int32(k), parent))
                            var label = -parent[root]
                            if root == k {
                                count += 1
                                label = count
                                parent[k] = -count
                                areas.append(0)
                            }
                            let a = Int(first[k]), b = Int(end[k])
                            (row + a).update(repeating: label, count: b - a)
                            areas[Int(label)] += b - a
                        }
                    }
                }
            }
        }
    }
    areas[0] = w * h - areas.dropFirst().reduce(0, +)
    return Components(labels: LabelImage(width: w, height: h, channels: 1, samples: labels),
                      count: areas.count - 1, areas: areas)
}

/// The foreground runs of a mask, row by row: run k covers columns `first[k] ..< end[k]`;
/// the runs of row y are `rowStart[y] ..< rowStart[y + 1]`.
private struct ForegroundRuns {
    var first: [Int32] = []
    var end: [Int32] = []
    var rowStart: [Int]

    var count: Int { first.count }

    init(_ mask: Mask) {
        let w = mask.width, h = mask.height
        rowStart = [Int](repeating: 0, count: h + 1)
        mask.samples.withUnsafeBufferPointer { bools in
            bools.withMemoryRebound(to: UInt8.self) { m in
                for y in 0 ..< h {
                    rowStart[y] = first.count
                    let row = UnsafeRawPointer(m.baseAddress! + y * w)
                    var x = 0
                    while x < w {
                        x = skipping(row, from: x, width: w, byte: 0, word: 0)
                        guard x < w else { break }
                        first.append(Int32(x))
                        x = skipping(row, from: x + 1, width: w, byte: 1, word: 0x0101_0101_0101_0101)
                        end.append(Int32(x))
                    }
                }
            }
        }
        rowStart[h] = first.count
    }
}

/// The first column at or after `x` whose byte is not `byte` (or `width`), eight bytes at a
/// time while they all are (`word` is `byte` repeated).
@inline(__always)
private func skipping(_ row: UnsafeRawPointer, from x: Int, width w: Int, byte: UInt8, word: UInt64) -> Int {
    var x = x
    while x + 8 <= w && row.loadUnaligned(fromByteOffset: x, as: UInt64.self) == word { x += 8 }
    while x < w && row.load(fromByteOffset: x, as: UInt8.self) == byte { x += 1 }
    return x
}

/// The root of run `k`'s set (path halving); roots point to themselves.
@inline(__always)
private func runRoot(_ k: Int32, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    var k = k
    while true {
        let up = parent[Int(k)]
        if up == k || up < 0 { return k }
        let grand = parent[Int(up)]
        if grand < 0 { return up }
        parent[Int(k)] = grand
        k = grand
    }
}

/// Joins the sets of runs a and b; the earlier root wins.
@inline(__always)
private func joinRuns(_ a: Int, _ b: Int, _ parent: UnsafeMutableBufferPointer<Int32>) {
    let ra = runRoot(Int32(a), parent), rb = runRoot(Int32(b), parent)
    if ra < rb { parent[Int(rb)] = ra } else if rb < ra { parent[Int(ra)] = rb }
}

/// Keeps the components whose area is at least `minimumArea` pixels and renumbers them
/// 1…n in their previous order.
public func removingSmallComponents(_ components: Components, minimumArea: Int) -> Components {
    var kept = components
    removeSmallComponents(&kept, minimumArea: minimumArea)
    return kept
}

/// `removingSmallComponents` in place: when the caller holds the only reference to the label
/// image, it is renumbered without a copy (a full frame of `Int32` saved at the peak).
public func removeSmallComponents(_ components: inout Components, minimumArea: Int) {
    var map = [Int32](repeating: 0, count: components.count + 1)
    var areas = [0]
    for label in stride(from: 1, through: components.count, by: 1) {
        if components.areas[label] >= minimumArea {
            areas.append(components.areas[label])
            map[label] = Int32(areas.count - 1)
        }
    }
    if areas.count - 1 < components.count {
        components.labels.samples.withUnsafeMutableBufferPointer { l in
            for i in l.indices where l[i] != 0 { l[i] = map[Int(l[i])] }
        }
    }
    components.count = areas.count - 1
    areas[0] = components.labels.pixelCount - areas.dropFirst().reduce(0, +)
    components.areas = areas
}
