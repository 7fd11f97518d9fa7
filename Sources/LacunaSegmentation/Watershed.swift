import HeapModule
import LacunaImage

/// Marker-controlled watershed by priority flooding.
///
/// Every marker pixel (label > 0) starts a basin; pixels are then claimed in increasing order of
/// `levels`, each by the basin of the already-labelled neighbour that reached it first. Pixels of
/// equal level are taken first in, first out (each queued pixel carries an age), so plateaus are
/// split by distance from the basins, as in scikit-image's `segmentation.watershed`.
/// No watershed lines are drawn: the result tiles the mask, each pixel carrying its basin's
/// marker label.
///
/// Reference: F. Meyer (1991), "Un algorithme optimal de ligne de partage des eaux", 8e congrès
/// AFCET RFIA; S. Beucher & F. Meyer (1993), "The morphological approach to segmentation: the
/// watershed transformation", in Mathematical Morphology in Image Processing, 433–481.
///
/// - Parameters:
///   - levels: the relief, one value per pixel (e.g. a gradient or a negated distance map).
///   - markers: labels ≥ 1 seed the basins; 0 is unlabelled; same size as `levels`.
///   - mask: only pixels where the mask is true are flooded (markers outside it are ignored);
///     `nil` floods the whole image.
///   - connectivity: neighbourhood through which basins grow.
/// - Returns: labels; 0 outside the mask and in parts of the mask no marker can reach.
/// - Complexity: O(N log N) for N pixels in the mask; O(N + L) when every level in the mask is
///   an integer and they span L ≤ 2²⁰ values (grey levels), by a bucket queue that pops in the
///   heap's order (level, then age), so the result is the same; with L ≤ 256 (8-bit reliefs)
///   each pixel's label and level share one 32-bit word.
public func watershed(_ levels: Image<Float>, markers: LabelImage, mask: Mask? = nil,
                      connectivity: Connectivity = .eight) -> LabelImage {
    let w = levels.width, h = levels.height
    precondition(markers.width == w && markers.height == h, "watershed markers must match the relief's size")
    if let mask { precondition(mask.width == w && mask.height == h, "watershed mask must match the relief's size") }
    var output = LabelImage(width: w, height: h, repeating: 0)
    let inside: [Bool] = mask?.samples ?? [Bool](repeating: true, count: w * h)
    if let range = integralRange(levels.samples, inside: inside) {
        func flood<Cells: FloodCells>(_ layout: Cells.Type) {
            floodIntegralLevels(layout, levels.samples, lowest: range.lowest, levelCount: range.count,
                                markers: markers.samples, inside: inside, connectivity: connectivity, width: w,
                                height: h, into: &output.samples)
        }
        if range.count <= 256 && markers.samples.allSatisfy({ $0 < packedLabelLimit }) {
            flood(PackedCells.self)
        } else {
            flood(PairedCells.self)
        }
        return output
    }
    var heap = Heap<FloodEntry>()
    var age: UInt64 = 0
    let offsets = neighbourOffsets(connectivity)
    output.samples.withUnsafeMutableBufferPointer { out in
        levels.samples.withUnsafeBufferPointer { level in
            markers.samples.withUnsafeBufferPointer { seed in
                inside.withUnsafeBufferPointer { allowed in
                    for i in 0 ..< w * h where seed[i] > 0 && allowed[i] {
                        out[i] = seed[i]
                        heap.insert(FloodEntry(level: level[i], age: age, index: Int32(i)))
                        age += 1
                    }
                    while let entry = heap.popMin() {
                        claimNeighbours(of: Int(entry.index), width: w, height: h, offsets: offsets,
                                        allowed: allowed, labels: out) { j in
                            heap.insert(FloodEntry(level: level[j], age: age, index: Int32(j)))
                            age += 1
                        }
                    }
                }
            }
        }
    }
    return output
}

/// The pixel offsets of a neighbourhood, in a fixed order.
func neighbourOffsets(_ connectivity: Connectivity) -> [(Int, Int)] {
    switch connectivity {
    case .four: [(0, -1), (-1, 0), (1, 0), (0, 1)]
    case .eight: [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]
    }
}

/// A queued pixel: ordered by level, then by the order it was queued.
struct FloodEntry: Comparable {
    var level: Float
    var age: UInt64
    var index: Int32

    static func < (a: FloodEntry, b: FloodEntry) -> Bool {
        a.level != b.level ? a.level < b.level : a.age < b.age
    }

    static func == (a: FloodEntry, b: FloodEntry) -> Bool {
        a.level == b.level && a.age == b.age
    }
}

/// The lowest level and the number of integer levels up to the highest, when every level in
/// the mask is an integer and they span at most 2²⁰ values; else `nil`.
private func integralRange(_ levels: [Float], inside: [Bool]) -> (lowest: Float, count: Int)? {
    var lowest = Float.infinity, highest = -Float.infinity
    for (value, keep) in zip(levels, inside) where keep {
        guard value.isFinite, value == value.rounded(.down) else { return nil }
        lowest = min(lowest, value)
        highest = max(highest, value)
    }
    guard lowest <= highest, highest - lowest < Float(1 << 20) else { return nil }
    return (lowest, Int(highest - lowest) + 1)
}

/// The flood of `watershed` over integer levels, on flat buffers: each pixel's label and level
/// in a frame padded by one pixel (outside the mask and the frame marked as such), so
/// neighbours are fixed offsets with no bounds test; the queue is one bucket per level laid out
/// by a counting pass (every pixel is queued at most once, at its own level), each bucket first
/// in first out, the lowest non-empty level popped first — the heap's order (level, then age).
/// Seeded in raster order. `Cells` is how a pixel's label and level are stored.
private func floodIntegralLevels<Cells: FloodCells>(_: Cells.Type, _ levels: [Float], lowest: Float, levelCount: Int,
                                                    markers: [Int32], inside: [Bool], connectivity: Connectivity,
                                                    width w: Int, height h: Int, into out: inout [Int32]) {
    let pw = w + 2
    var cells = [Cells.Word](repeating: Cells.outside, count: Cells.wordsPerPixel * pw * (h + 2))
    var next = [Int](repeating: 0, count: levelCount + 1)
    cells.withUnsafeMutableBufferPointer { cells in
        for y in 0 ..< h {
            for x in 0 ..< w where inside[y * w + x] {
                let level = Int(levels[y * w + x] - lowest)
                Cells.setUnclaimed(cells, (y + 1) * pw + x + 1, level: level)
                next[level + 1] += 1
            }
        }
    }
    for l in 0 ..< levelCount { next[l + 1] += next[l] }
    // Bucket l holds slots[read[l] ..< next[l]]: read from the front, written at the back.
    var read = next
    var slots = [Int32](repeating: 0, count: next[levelCount])
    // The heap path's neighbour order, as offsets in the padded frame.
    let offsets = neighbourOffsets(connectivity).map { dx, dy in dy * pw + dx }
    cells.withUnsafeMutableBufferPointer { cells in
        slots.withUnsafeMutableBufferPointer { slots in
            next.withUnsafeMutableBufferPointer { write in
                read.withUnsafeMutableBufferPointer { read in
                    offsets.withUnsafeBufferPointer { offsets in
                        var current = levelCount
                        @inline(__always) func push(_ p: Int) {
                            let level = Cells.level(cells, p)
                            slots[write[level]] = Int32(p)
                            write[level] += 1
                            if level < current { current = level }
                        }
                        for y in 0 ..< h {
                            for x in 0 ..< w where markers[y * w + x] > 0 && inside[y * w + x] {
                                let p = (y + 1) * pw + x + 1
                                Cells.seed(cells, p, label: markers[y * w + x])
                                push(p)
                            }
                        }
                        while current < levelCount {
                            guard read[current] < write[current] else {
                                current += 1
                                continue
                            }
                            let p = Int(slots[read[current]])
                            read[current] += 1
                            let owner = Cells.owner(cells, p)
                            for offset in offsets where Cells.isUnclaimed(cells, p + offset) {
                                Cells.give(cells, p + offset, owner: owner)
                                push(p + offset)
                            }
                        }
                    }
                }
            }
        }
    }
    cells.withUnsafeBufferPointer { cells in
        for y in 0 ..< h {
            for x in 0 ..< w { out[y * w + x] = Cells.label(cells, (y + 1) * pw + x + 1) }
        }
    }
}

/// How `floodIntegralLevels` stores a padded pixel's label and level.
private protocol FloodCells {
    associatedtype Word: FixedWidthInteger
    static var wordsPerPixel: Int { get }
    /// Every word of a pixel outside the mask or the frame.
    static var outside: Word { get }
    static func setUnclaimed(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int, level: Int)
    /// Gives unclaimed pixel `p` the marker label `label`.
    static func seed(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int, label: Int32)
    /// Pixel `p`'s label as stored, to `give` to a neighbour without decoding it.
    static func owner(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int) -> Word
    static func give(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int, owner: Word)
    static func isUnclaimed(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int) -> Bool
    static func level(_ cells: UnsafeMutableBufferPointer<Word>, _ p: Int) -> Int
    /// The label (0 unclaimed or outside).
    static func label(_ cells: UnsafeBufferPointer<Word>, _ p: Int) -> Int32
}

/// Label and level side by side in two `Int32` words (label −1 outside, 0 unclaimed), so the
/// flood's scattered reads of a neighbour's label and level share a cache line. Any labels and
/// up to 2²⁰ levels.
private enum PairedCells: FloodCells {
    static let wordsPerPixel = 2
    static let outside: Int32 = -1
    @inline(__always) static func setUnclaimed(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int, level: Int) {
        c[2 * p] = 0
        c[2 * p + 1] = Int32(level)
    }
    @inline(__always) static func seed(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int, label: Int32) { c[2 * p] = label }
    @inline(__always) static func owner(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int) -> Int32 { c[2 * p] }
    @inline(__always) static func give(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int, owner: Int32) { c[2 * p] = owner }
    @inline(__always) static func isUnclaimed(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int) -> Bool { c[2 * p] == 0 }
    @inline(__always) static func level(_ c: UnsafeMutableBufferPointer<Int32>, _ p: Int) -> Int { Int(c[2 * p + 1]) }
    @inline(__always) static func label(_ c: UnsafeBufferPointer<Int32>, _ p: Int) -> Int32 { max(0, c[2 * p]) }
}

/// Label and level in one 32-bit word, label ≪ 8 | level, all ones outside; unclaimed while the
/// word is below 256. Half the memory traffic of `PairedCells` for at most 256 levels and labels
/// below `packedLabelLimit`.
private enum PackedCells: FloodCells {
    static let wordsPerPixel = 1
    static let outside = UInt32.max
    @inline(__always) static func setUnclaimed(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int, level: Int) {
        c[p] = UInt32(level)
    }
    @inline(__always) static func seed(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int, label: Int32) {
        c[p] |= UInt32(label) << 8
    }
    @inline(__always) static func owner(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int) -> UInt32 { c[p] & ~0xFF }
    @inline(__always) static func give(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int, owner: UInt32) { c[p] |= owner }
    @inline(__always) static func isUnclaimed(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int) -> Bool { c[p] < 256 }
    @inline(__always) static func level(_ c: UnsafeMutableBufferPointer<UInt32>, _ p: Int) -> Int { Int(c[p] & 0xFF) }
    @inline(__always) static func label(_ c: UnsafeBufferPointer<UInt32>, _ p: Int) -> Int32 {
        c[p] == .max ? 0 : Int32(c[p] >> 8)
    }
}

/// Labels below this fit `PackedCells`' 24-bit label field (all ones is "outside").
private let packedLabelLimit: Int32 = (1 << 24) - 1

/// Gives pixel `i`'s label to each of its unlabelled neighbours inside the mask, in the order
/// of `offsets`, and passes each one to `claimed` (to be queued).
@inline(__always)
private func claimNeighbours(of i: Int, width w: Int, height h: Int, offsets: [(Int, Int)],
                             allowed: UnsafeBufferPointer<Bool>, labels out: UnsafeMutableBufferPointer<Int32>,
                             _ claimed: (Int) -> Void) {
    forEachNeighbour(of: i, width: w, height: h, offsets: offsets) { j in
        guard allowed[j], out[j] == 0 else { return }
        out[j] = out[i]
        claimed(j)
    }
}
