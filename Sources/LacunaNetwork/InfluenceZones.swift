import LacunaImage
import LacunaSegmentation

/// The influence zone of every pore: each pixel of the field goes to the pore it is closest to,
/// so the cells tile the field and their boundaries run along the middle of the walls
/// (the skeleton by influence zones, SKIZ; Serra 1982, *Image Analysis and Mathematical
/// Morphology*, ch. XI; MorphoLibJ's "Region Influence Zones").
///
/// Method: the flooding of a marker watershed of the walls' exact Euclidean distance map
/// (Felzenszwalb & Huttenlocher 2012) seeded by the pores, with the levels' order known in
/// advance: framework pixels are visited in increasing squared distance to the nearest pore
/// (exact integers, Meijster et al. 2000; ties in row-major order) and each takes the label of its labelled
/// 4-neighbour nearest to a pore, so a pixel joins the pore nearest to it up to ties on the
/// discrete grid (±1 px along the boundaries). Pixels no smaller-distance neighbour reaches
/// (possible only where the field mask cuts the walls) are then flooded from their labelled
/// neighbours in breadth-first order. O(N): a counting sort over the squared distances.
///
/// - Parameters:
///   - pores: pore labels (0 = framework); every labelled pore seeds one cell of the same label.
///   - field: pixels that belong to the analysed field (`nil`: the whole image). Cells do not
///     grow outside it and pixels outside get label 0.
/// - Returns: cell labels, equal to the pore label of each cell's pore; 0 outside the field.
///   - toPore: `squaredDistanceMap(of: pores.map { $0 == 0 }, outsideIsBackground: false)`
///     when the caller has it already; computed otherwise.
public func influenceZones(of pores: LabelImage, field: Mask? = nil, toPore: Image<Int32>? = nil) -> LabelImage {
    let w = pores.width, h = pores.height
    let squared = toPore ?? squaredDistanceToPores(pores)
    let inside = field?.samples
    var out = LabelImage(width: w, height: h, repeating: 0)
    var pending: [Int] = []
    out.samples.withUnsafeMutableBufferPointer { labels in
        squared.samples.withUnsafeBufferPointer { d in
            pores.samples.withUnsafeBufferPointer { p in
                withFieldTest(inside) { inside in
                    for i in 0 ..< w * h where inside[i] && p[i] != 0 { labels[i] = p[i] }
                    for i in framework(byIncreasing: d, pores: p, inside: inside) {
                        let i = Int(i)
                        let x = i % w, y = i / w
                        var best: Int32 = 0, nearest = Int32.max
                        if y > 0, labels[i - w] != 0, d[i - w] < nearest { best = labels[i - w]; nearest = d[i - w] }
                        if x > 0, labels[i - 1] != 0, d[i - 1] < nearest { best = labels[i - 1]; nearest = d[i - 1] }
                        if x + 1 < w, labels[i + 1] != 0, d[i + 1] < nearest { best = labels[i + 1]; nearest = d[i + 1] }
                        if y + 1 < h, labels[i + w] != 0, d[i + w] < nearest { best = labels[i + w]; nearest = d[i + w] }
                        if best != 0 { labels[i] = best } else { pending.append(i) }
                    }
                }
            }
        }
    }
    if !pending.isEmpty { floodRemaining(&out, inside: inside) }
    return out
}

/// The exact squared distance of every pixel to the nearest pore pixel (0 on pores,
/// `Int32.max` when there is no pore).
public func squaredDistanceToPores(_ pores: LabelImage) -> Image<Int32> {
    squaredDistanceMap(of: pores.map { $0 == 0 }, outsideIsBackground: false)
}

/// The framework pixels of the field with a finite distance, in increasing squared distance,
/// row-major within a distance: a counting sort over the distances (a sort when they are
/// many more than the pixels).
private func framework(byIncreasing d: UnsafeBufferPointer<Int32>, pores: UnsafeBufferPointer<Int32>,
                       inside: FieldTest) -> [Int32] {
    var top = 0
    var count = 0
    for i in d.indices where inside[i] && pores[i] == 0 && d[i] != .max {
        top = max(top, Int(d[i]))
        count += 1
    }
    guard top <= 4 * count + 1024 else {
        var keys: [UInt64] = []
        for i in d.indices where inside[i] && pores[i] == 0 && d[i] != .max { keys.append(UInt64(d[i]) << 32 | UInt64(i)) }
        keys.sort()
        return keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
    }
    var start = [Int](repeating: 0, count: top + 2)
    for i in d.indices where inside[i] && pores[i] == 0 && d[i] != .max { start[Int(d[i]) + 1] += 1 }
    for l in 1 ..< start.count { start[l] += start[l - 1] }
    var order = [Int32](repeating: 0, count: count)
    order.withUnsafeMutableBufferPointer { order in
        for i in d.indices where inside[i] && pores[i] == 0 && d[i] != .max {
            order[start[Int(d[i])]] = Int32(i)
            start[Int(d[i])] += 1
        }
    }
    return order
}

/// Whether pixel i is in the analysed field: all pixels when there is no field mask (no
/// frame of `true` allocated for that case).
struct FieldTest {
    let samples: UnsafeBufferPointer<Bool>?

    @inline(__always)
    subscript(_ i: Int) -> Bool { samples.map { $0[i] } ?? true }
}

/// Calls `body` with the field test of `samples` (`nil`: the whole frame).
func withFieldTest<R>(_ samples: [Bool]?, _ body: (FieldTest) -> R) -> R {
    guard let samples else { return body(FieldTest(samples: nil)) }
    return samples.withUnsafeBufferPointer { body(FieldTest(samples: $0)) }
}

/// Gives every unlabelled field pixel connected (4-neighbours) to a labelled one the label that
/// reaches it first in a breadth-first flood from all labelled pixels.
func floodRemaining(_ labels: inout LabelImage, inside: [Bool]?) {
    let w = labels.width, h = labels.height
    var queue: [Int] = []
    for i in 0 ..< w * h where labels.samples[i] != 0 { queue.append(i) }
    var head = 0
    while head < queue.count {
        let i = queue[head]
        head += 1
        let x = i % w, y = i / w
        // Up, left, right, down: the order the labels spread in.
        func claim(_ j: Int) {
            guard inside?[j] ?? true, labels.samples[j] == 0 else { return }
            labels.samples[j] = labels.samples[i]
            queue.append(j)
        }
        if y > 0 { claim(i - w) }
        if x > 0 { claim(i - 1) }
        if x + 1 < w { claim(i + 1) }
        if y + 1 < h { claim(i + w) }
    }
}

/// For each cell label 1…`count`, whether pores outside the frame or the field could change
/// the cell: some pixel of it lies farther from the nearest pore than from the frame's (or the
/// field's) edge, so a pore hidden just beyond that edge could claim it. Such cells are border
/// cells, like cells touching the edge: their side counts may be truncated even when their
/// pixels do not reach the edge ("minus sampling" guard zone for tessellations; Baddeley 1999,
/// in Stochastic Geometry: Likelihood and Computation, ch. 2).
///
/// `toPore` is `squaredDistanceToPores(pores)` when the caller has it already.
public func cellsOpenToUnseenPores(_ cells: LabelImage, pores: LabelImage, count: Int, field: Mask? = nil,
                                   toPore: Image<Int32>? = nil) -> [Bool] {
    let w = cells.width, h = cells.height
    let toPore = toPore ?? squaredDistanceToPores(pores)
    let toFieldEdge = field.map { squaredEuclideanDistanceTransform(of: $0, outsideIsBackground: true) }
    var open = [Bool](repeating: false, count: count + 1)
    cells.samples.withUnsafeBufferPointer { c in
        toPore.samples.withUnsafeBufferPointer { d in
            for y in 0 ..< h {
                let edgeY = min(y + 1, h - y)
                for x in 0 ..< w {
                    let i = y * w + x
                    let label = Int(c[i])
                    guard label > 0, !open[label] else { continue }
                    let edge = min(x + 1, w - x, edgeY)
                    var edgeSquared = Double(edge * edge)
                    if let toFieldEdge { edgeSquared = min(edgeSquared, toFieldEdge.samples[i]) }
                    if d[i] == .max || Double(d[i]) > edgeSquared { open[label] = true }
                }
            }
        }
    }
    return open
}
