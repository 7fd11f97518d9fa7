import LacunaImage

/// The pores of `mask` split at the maxima of its distance map whose dynamic exceeds `h` px:
/// the work behind `splittingTouchingPores`, in linear time apart from one counting sort.
///
/// 1. The pixels of each 8-connected component (one after another, so the work stays in the
///    cache) are visited from the largest squared distance down (raster order within a
///    level) and joined to their visited 8-neighbours by union–find; each set remembers its
///    highest pixel. When two sets meet at distance d, the lower maximum M dies there: its
///    dynamic is M − d (the max-tree dynamics of M. Grimaud 1992, "A new measure of contrast:
///    the dynamics", Proc. SPIE 1769; union–find as in L. Najman & M. Couprie 2006, "Building
///    the component tree in quasi-linear time", IEEE Trans. Image Process. 15(11)). It is a
///    marker when M − d > h; the highest maximum of a component always is.
/// 2. Each marker is the set of pixels within h of its maximum connected to it — the plateau of
///    the h-maxima transform HMAX_h (Soille 2003, §6.3.4), the same regions `hMaximaMarkers`
///    finds by reconstruction — filled from the maximum.
/// 3. Only components with two or more markers are flooded: a watershed on the squared
///    distance, highest first, ties first in first out (a bucket queue over the integer levels
///    in place of a heap: the order is the heap's, level then age), seeded in raster order.
/// 4. Labels are numbered in raster order of each pore's first pixel.
///
/// Steps 1–3 run on each 8-connected component alone, in its bounding box with a margin of one
/// background pixel (so neighbours need no bounds checks): its squared distances there equal
/// the frame's, because the non-component pixel nearest to a component pixel is always
/// background (a pixel of another component would have a nearer 8-neighbour
/// in this component, joining the two), and the frame's outside counts as background in both.
/// Only the component labels and the output are full frames, so the peak memory is one `Int32`
/// frame plus the largest component's box, not five frames.
///
/// With `recordingDistances`, each component left whole gets its `WholePoreDistances` entry
/// from its squared distance map.
///
/// The components are handled side by side on up to `threads` threads (each only reads the
/// component labels), and their pieces written into the labels afterwards in component order:
/// the result is the same for any number of threads.
///
/// - Parameters:
///   - h: the tolerance in px (≥ 0).
func splittingAtDistanceMaxima(_ mask: consuming Mask, h: Double, recordingDistances: Bool,
                               threads: Int = 1) -> (components: Components, distances: WholePoreDistances) {
    let w = mask.width
    var components = labelComponents(of: consume mask, connectivity: .eight)
    var distances = WholePoreDistances()
    let count = components.count
    let boxes = boundingBoxes(of: components.labels, count: count)
    let outcomes = components.labels.samples.withUnsafeBufferPointer { labels in
        parallelMap(count, threads: threads) { i in
            splitting(component: i + 1, box: boxes[i + 1], labels: labels, width: w, h: h,
                      recordingDistances: recordingDistances)
        }
    }
    // Pieces of split components get provisional labels above `count`; unsplit components keep
    // theirs. Both are renumbered in raster order at the end.
    var nextPiece = Int32(count)
    components.labels.samples.withUnsafeMutableBufferPointer { labels in
        for (i, outcome) in outcomes.enumerated() {
            if let whole = outcome.whole { distances.record(whole.entry, firstPixel: whole.firstPixel) }
            guard let pieces = outcome.pieces else { continue }
            let box = boxes[i + 1]
            let bw = box.maxX - box.minX + 1, cw = bw + 2
            pieces.labels.samples.withUnsafeBufferPointer { piece in
                for y in 0 ..< box.maxY - box.minY + 1 {
                    let row = (box.minY + y) * w + box.minX, cropRow = (y + 1) * cw + 1
                    for x in 0 ..< bw where piece[cropRow + x] > 0 { labels[row + x] = nextPiece + piece[cropRow + x] }
                }
            }
            nextPiece += Int32(pieces.count)
        }
    }
    guard nextPiece > Int32(count) else { return (components, distances) }
    renumberInRasterOrder(&components, largest: Int(nextPiece))
    return (components, distances)
}

/// What the split makes of one component: its `WholePoreDistances` entry with its first pixel
/// (raster index) when it stays whole and distances are recorded, its pieces (labelled in its
/// crop) when it splits into two or more.
private struct ComponentOutcome {
    var whole: (entry: WholePoreDistances.Entry, firstPixel: Int)?
    var pieces: Components?
}

/// Steps 1–3 for component `k` of `labels`, in its bounding box `box` with a margin of one
/// background pixel: crop pixel (x + 1, y + 1) is box pixel (x, y).
private func splitting(component k: Int, box: (minX: Int, maxX: Int, minY: Int, maxY: Int),
                       labels: UnsafeBufferPointer<Int32>, width w: Int, h: Double,
                       recordingDistances: Bool) -> ComponentOutcome {
    let bw = box.maxX - box.minX + 1, bh = box.maxY - box.minY + 1
    let cw = bw + 2
    var crop = Mask(width: cw, height: bh + 2, repeating: false)
    crop.samples.withUnsafeMutableBufferPointer { c in
        for y in 0 ..< bh {
            let row = (box.minY + y) * w + box.minX, cropRow = (y + 1) * cw + 1
            for x in 0 ..< bw { c[cropRow + x] = labels[row + x] == Int32(k) }
        }
    }
    let (split, whole) = splittingComponent(crop, h: h, recordingDistances: recordingDistances)
    var outcome = ComponentOutcome(whole: nil, pieces: nil)
    if let whole {
        // The crop's first pixel in raster order is the component's.
        let first = crop.samples.firstIndex(of: true) ?? 0
        outcome.whole = (whole, (box.minY + first / cw - 1) * w + box.minX + first % cw - 1)
    }
    if let split, split.count >= 2 { outcome.pieces = split }
    return outcome
}

/// The inclusive bounding box of each label 1…`count` (index 0 unused).
private func boundingBoxes(of labels: LabelImage, count: Int) -> [(minX: Int, maxX: Int, minY: Int, maxY: Int)] {
    let w = labels.width
    var boxes = [(minX: Int, maxX: Int, minY: Int, maxY: Int)](repeating: (.max, -1, .max, -1), count: count + 1)
    labels.samples.withUnsafeBufferPointer { l in
        for y in 0 ..< labels.height {
            var x = 0
            while x < w {
                let k = Int(l[y * w + x])
                guard k > 0 else { x += 1; continue }
                let first = x
                while x + 1 < w && l[y * w + x + 1] == Int32(k) { x += 1 }
                boxes[k].minX = min(boxes[k].minX, first)
                boxes[k].maxX = max(boxes[k].maxX, x)
                boxes[k].minY = min(boxes[k].minY, y)
                boxes[k].maxY = y
                x += 1
            }
        }
    }
    return boxes
}

/// Renumbers the labels (values 0…`largest`) 1…n in raster order of each label's first pixel,
/// in place, with their count and areas.
private func renumberInRasterOrder(_ components: inout Components, largest: Int) {
    var map = [Int32](repeating: 0, count: largest + 1)
    var areas = [0]
    components.labels.samples.withUnsafeMutableBufferPointer { l in
        for i in l.indices where l[i] != 0 {
            let old = Int(l[i])
            if map[old] == 0 {
                areas.append(0)
                map[old] = Int32(areas.count - 1)
            }
            l[i] = map[old]
            areas[Int(l[i])] += 1
        }
    }
    areas[0] = components.labels.pixelCount - areas.dropFirst().reduce(0, +)
    components.count = areas.count - 1
    components.areas = areas
}

/// Steps 1–4 on one crop: `mask` holds a single 8-connected component (or several: each is
/// handled alone) inside a margin of background at least one pixel wide, so every mask
/// pixel's 8-neighbours lie in the crop. With `recordingDistances`, a crop that stays one pore
/// also gives its `WholePoreDistances` entry. A crop whose distance map has a single regional
/// maximum (most pores) can only stay one pore, whatever h: it returns `nil` pieces without
/// steps 1–4.
private func splittingComponent(_ mask: Mask, h: Double,
                                recordingDistances: Bool) -> (Components?, WholePoreDistances.Entry?) {
    let w = mask.width, height = mask.height, n = w * height
    let distances = squaredDistanceMap(of: mask)
    let level = distances.samples
    if let single = level.withUnsafeBufferPointer({ singleRegionalMaximum($0, grid: PixelGrid(width: w)) }) {
        guard recordingDistances else { return (nil, nil) }
        return (nil, WholePoreDistances.Entry(area: single.area, deepestSquared: single.top,
                                              localThicknessSum: localThicknessSum(squaredDistances: distances)))
    }
    let order = maskPixelsByLevel(level)
    var parent = [Int32](repeating: -1, count: n)
    var peak = [Int32](repeating: 0, count: n)
    var labels = [Int32](repeating: 0, count: n)
    var count = 0
    var areas = [0]
    level.withUnsafeBufferPointer { level in
        parent.withUnsafeMutableBufferPointer { parent in
            peak.withUnsafeMutableBufferPointer { peak in
                labels.withUnsafeMutableBufferPointer { labels in
                    let grid = PixelGrid(width: w)
                    let survivors = maximaOfDynamicAbove(h, order: order, level: level, parent: parent,
                                                         peak: peak, grid: grid)
                    let markers = fillMarkers(survivors, h: h, level: level, into: labels, grid: grid)
                    // peak[root] now counts the markers of each component.
                    for p in order where parent[Int(p)] == p { peak[Int(p)] = 0 }
                    for i in order { parent[Int(i)] = findRoot(i, parent) }
                    for s in survivors { peak[Int(parent[Int(s)])] += 1 }
                    floodMarkers(in: labels, level: level, parent: parent, markerCount: peak, grid: grid)
                    // Raster numbering: a single-marker component by its root, the others by basin.
                    var basinLabel = [Int32](repeating: 0, count: markers + 1)
                    for root in order where parent[Int(root)] == root && peak[Int(root)] < 2 { peak[Int(root)] = 0 }
                    for i in 0 ..< n where level[i] > 0 {
                        let root = Int(parent[i])
                        let split = peak[root] >= 2
                        let current = split ? basinLabel[Int(labels[i])] : peak[root]
                        if current == 0 {
                            count += 1
                            areas.append(0)
                            if split { basinLabel[Int(labels[i])] = Int32(count) } else { peak[root] = Int32(-count) }
                        }
                        let label = split ? basinLabel[Int(labels[i])] : -peak[root]
                        labels[i] = label
                        areas[Int(label)] += 1
                    }
                }
            }
        }
    }
    areas[0] = n - areas.dropFirst().reduce(0, +)
    let components = Components(labels: LabelImage(width: w, height: height, samples: labels), count: count,
                                areas: areas)
    guard recordingDistances && count == 1 else { return (components, nil) }
    return (components, WholePoreDistances.Entry(area: areas[1], deepestSquared: distances.samples.max() ?? 0,
                                                 localThicknessSum: localThicknessSum(squaredDistances: distances)))
}

/// The area and the highest level of a crop's squared distance map (background 0, a margin
/// of background around the mask) when it has exactly one regional maximum, else `nil`.
/// Exact test: every regional maximum is made of pixels with no higher 8-neighbour; when all
/// such pixels lie at the highest level and are 8-connected, they are one plateau, which is
/// then the only regional maximum. (Pixels with no higher neighbour below the top, e.g. on a
/// plateau that rises elsewhere, make the test give up: the full steps decide those crops.)
private func singleRegionalMaximum(_ level: UnsafeBufferPointer<Int32>, grid: PixelGrid) -> (area: Int, top: Int32)? {
    var top: Int32 = 0, area = 0
    for v in level where v > 0 {
        area += 1
        if v > top { top = v }
    }
    guard area > 0 else { return nil }
    var tops: [Int32] = []
    for i in level.indices where level[i] > 0 {
        let v = level[i]
        var higher = false
        grid.forEachNeighbour(of: i) { j in if level[j] > v { higher = true } }
        guard !higher else { continue }
        guard v == top else { return nil }
        tops.append(Int32(i))
    }
    // The top pixels must be one 8-connected set: a flood over them from the first.
    if tops.count == 1 { return (area, top) }
    var reached = Set([tops[0]]), queue = [tops[0]]
    while let i = queue.popLast() {
        grid.forEachNeighbour(of: Int(i)) { j in
            if level[j] == top && reached.insert(Int32(j)).inserted { queue.append(Int32(j)) }
        }
    }
    return reached.count == tops.count ? (area, top) : nil
}

/// Neighbour arithmetic in a crop of `width` columns.
struct PixelGrid {
    let width: Int

    /// Calls `body` with each 8-neighbour of pixel `i`, in raster order. `i` must lie at least
    /// one pixel inside the crop (the split's crops have a background margin and visit only
    /// mask pixels), so there are no bounds to check.
    @inline(__always)
    func forEachNeighbour(of i: Int, _ body: (Int) -> Void) {
        let up = i - width, down = i + width
        body(up - 1)
        body(up)
        body(up + 1)
        body(i - 1)
        body(i + 1)
        body(down - 1)
        body(down)
        body(down + 1)
    }
}

/// The pixels with a positive level, highest level first and in raster order within a level:
/// a counting sort by level (a comparison sort when the levels are many). Pixels of separate
/// components never meet in the union–find, so one order serves any number of them.
func maskPixelsByLevel(_ level: [Int32]) -> [Int32] {
    var order: [Int32] = []
    var top = 0
    level.withUnsafeBufferPointer { level in
        for i in level.indices where level[i] > 0 {
            order.append(Int32(i))
            top = max(top, Int(level[i]))
        }
        guard top <= 4 * order.count + 1024 else {
            order.sort { level[Int($0)] != level[Int($1)] ? level[Int($0)] > level[Int($1)] : $0 < $1 }
            return
        }
        var histogram = [Int](repeating: 0, count: top + 2)
        for i in order { histogram[top - Int(level[Int(i)]) + 1] += 1 }
        for l in 1 ... top + 1 { histogram[l] += histogram[l - 1] }
        var sorted = [Int32](repeating: 0, count: order.count)
        for i in order {
            let slot = top - Int(level[Int(i)])
            sorted[histogram[slot]] = i
            histogram[slot] += 1
        }
        order = sorted
    }
    return order
}

/// The root of `i`'s set, halving the path on the way.
@inline(__always)
func findRoot(_ i: Int32, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    var x = i
    while parent[Int(x)] != x {
        let grandparent = parent[Int(parent[Int(x)])]
        parent[Int(x)] = grandparent
        x = grandparent
    }
    return x
}

/// Step 1: union–find from the highest level down; returns the maxima (one pixel each) whose
/// dynamic exceeds `h`, including each component's highest.
private func maximaOfDynamicAbove(_ h: Double, order: [Int32], level: UnsafeBufferPointer<Int32>,
                                  parent: UnsafeMutableBufferPointer<Int32>, peak: UnsafeMutableBufferPointer<Int32>,
                                  grid: PixelGrid) -> [Int32] {
    var survivors: [Int32] = []
    for p in order {
        let pi = Int(p)
        parent[pi] = p
        peak[pi] = p
        var root = p
        let here = level[pi]
        grid.forEachNeighbour(of: pi) { q in
            guard parent[q] >= 0 else { return }
            let other = findRoot(Int32(q), parent)
            guard other != root else { return }
            let a = level[Int(peak[Int(root)])], b = level[Int(peak[Int(other)])]
            let rootKeeps = a > b || (a == b && peak[Int(root)] < peak[Int(other)])
            let (keep, die) = rootKeeps ? (root, other) : (other, root)
            let top = level[Int(peak[Int(die)])]
            if top > here && Double(here).squareRoot() < Double(top).squareRoot() - h {
                survivors.append(peak[Int(die)])
            }
            parent[Int(die)] = keep
            root = keep
        }
    }
    for p in order where parent[Int(p)] == p { survivors.append(peak[Int(p)]) }
    return survivors
}

/// Step 2: marker k (from 1) is the 8-connected set of pixels within `h` of survivor k's
/// maximum that reaches it. Returns the number of markers.
private func fillMarkers(_ survivors: [Int32], h: Double, level: UnsafeBufferPointer<Int32>,
                         into labels: UnsafeMutableBufferPointer<Int32>, grid: PixelGrid) -> Int {
    var stack: [Int32] = []
    for (k, seed) in survivors.enumerated() {
        let label = Int32(k + 1)
        let floor = Double(level[Int(seed)]).squareRoot() - h
        labels[Int(seed)] = label
        stack.append(seed)
        while let i = stack.popLast() {
            grid.forEachNeighbour(of: Int(i)) { q in
                guard labels[q] == 0, level[q] > 0, Double(level[q]).squareRoot() >= floor else { return }
                labels[q] = label
                stack.append(Int32(q))
            }
        }
    }
    return survivors.count
}

/// Step 3: grows the markers of components with ≥ 2 markers (`markerCount[root]`) over their
/// component, highest level first, first in first out within a level.
private func floodMarkers(in labels: UnsafeMutableBufferPointer<Int32>, level: UnsafeBufferPointer<Int32>,
                          parent: UnsafeMutableBufferPointer<Int32>, markerCount: UnsafeMutableBufferPointer<Int32>,
                          grid: PixelGrid) {
    var queue = LevelQueue()
    for i in 0 ..< labels.count where labels[i] > 0 && markerCount[Int(parent[i])] >= 2 {
        queue.insert(Int32(i), level: Int(level[i]))
    }
    while let i = queue.popHighest() {
        let label = labels[Int(i)]
        grid.forEachNeighbour(of: Int(i)) { q in
            guard labels[q] == 0, level[q] > 0 else { return }
            labels[q] = label
            queue.insert(Int32(q), level: Int(level[q]))
        }
    }
}

/// A bucket queue over integer levels: pops the highest level first and, within a level, in
/// insertion order — the order of a heap keyed by (level, age), in O(1) per operation plus the
/// scan over empty levels.
struct LevelQueue {
    private var buckets: [[Int32]] = []
    private var read: [Int] = []
    private var top = -1

    mutating func insert(_ item: Int32, level: Int) {
        if level >= buckets.count {
            buckets.append(contentsOf: repeatElement([], count: level + 1 - buckets.count))
            read.append(contentsOf: repeatElement(0, count: level + 1 - read.count))
        }
        buckets[level].append(item)
        if level > top { top = level }
    }

    mutating func popHighest() -> Int32? {
        while top >= 0 {
            if read[top] < buckets[top].count {
                let item = buckets[top][read[top]]
                read[top] += 1
                return item
            }
            buckets[top].removeAll(keepingCapacity: true)
            read[top] = 0
            top -= 1
        }
        return nil
    }
}
