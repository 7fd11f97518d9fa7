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
/// neighbours in breadth-first order. O(N), without sorting: each pixel is resolved after the neighbours that precede it (`labelFramework`).
///
/// - Parameters:
///   - pores: pore labels (0 = framework); every labelled pore seeds one cell of the same label.
///   - field: pixels that belong to the analysed field (`nil`: the whole image). Cells do not
///     grow outside it and pixels outside get label 0.
/// - Returns: cell labels, equal to the pore label of each cell's pore; 0 outside the field.
///   - toPore: `squaredDistanceMap(of: pores.map { $0 == 0 }, outsideIsBackground: false)`
///     when the caller has it already; computed otherwise.
public func influenceZones(of pores: LabelImage, field: Mask? = nil, toPore: Image<Int32>? = nil) -> LabelImage {
    influenceZones(of: pores, field: field, poreDistances: toPore ?? squaredDistanceToPores(pores))
}

/// `influenceZones` with the squared distances to the pores given in any integer type (`Int32`
/// from `squaredDistanceToPores`, or `UInt16` from `narrowSquaredDistanceToPores`), `.max` where there
/// is no pore.
public func influenceZones<D: FixedWidthInteger & Sendable>(of pores: LabelImage, field: Mask?,
                                                             poreDistances squared: Image<D>) -> LabelImage {
    influenceZones(of: pores, field: field, poreDistances: squared, as: Int32.self)
}

/// `influenceZones` with the cell labels stored as `L`: `UInt16` when the pores are fewer than
/// 65 535 (`Labels.narrow`, half the memory of `Int32`). Every pore label must be below
/// `L.max`.
public func influenceZones<P: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable,
                           L: FixedWidthInteger & Sendable>(
    of pores: Image<P>, field: Mask?, poreDistances squared: Image<D>, as _: L.Type
) -> Image<L> {
    let w = pores.width, h = pores.height
    let inside = field?.samples
    var out = Image<L>(width: w, height: h, repeating: 0)
    out.samples.withUnsafeMutableBufferPointer { labels in
        pores.samples.withUnsafeBufferPointer { p in
            withFieldTest(inside) { inside in
                for i in 0 ..< w * h where inside[i] && p[i] != 0 {
                    precondition(p[i] > 0 && Int(p[i]) < Int(L.max),
                                 "pore label \(p[i]) does not fit the cell labels")
                    labels[i] = L(truncatingIfNeeded: p[i])
                }
            }
        }
    }
    growZones(&out, field: field, poreDistances: squared)
    return out
}

/// `influenceZones` in place: `labels` holds the pore labels (`P`, every label below `P.max`)
/// on entry and their influence zones on return, so the cells take no frame of their own
/// (128 MiB at 8192² in 16 bits). Pore pixels outside `field` are cleared first, which is where
/// `influenceZones` starts too.
public func growInfluenceZones<P: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
    _ labels: inout Image<P>, field: Mask?, poreDistances squared: Image<D>
) {
    let inside = field?.samples
    labels.samples.withUnsafeMutableBufferPointer { labels in
        withFieldTest(inside) { inside in
            for i in labels.indices where labels[i] != 0 {
                precondition(labels[i] > 0 && labels[i] < P.max, "pore label \(labels[i]) does not fit the cell labels")
                if !inside[i] { labels[i] = 0 }
            }
        }
    }
    growZones(&labels, field: field, poreDistances: squared)
}

/// Grows the pore labels already in `labels` (0 elsewhere and outside the field) into their
/// zones (`labelFramework`, then `floodRemaining` for the pixels it could not reach).
private func growZones<L: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
    _ out: inout Image<L>, field: Mask?, poreDistances squared: Image<D>
) {
    let inside = field?.samples
    var pending = false
    let w = out.width
    out.samples.withUnsafeMutableBufferPointer { labels in
        squared.samples.withUnsafeBufferPointer { d in
            withFieldTest(inside) { inside in
                pending = labelFramework(labels, d: d, inside: inside, width: w)
            }
        }
    }
    if pending {
        out.samples.withUnsafeMutableBufferPointer { labels in
            for i in labels.indices where labels[i] == L.max { labels[i] = 0 }
        }
        floodRemaining(&out, inside: inside)
    }
}

/// Labels the framework pixels of the field with a finite distance as if they were visited in
/// increasing (squared distance, index) order, each taking the label of its labelled
/// 4-neighbour nearest to a pore (up, left, right, down on ties) — without sorting them: a
/// pixel's label depends only on its neighbours that come before it in that order, so each
/// is resolved after those, depth first with an explicit stack. `L.max` marks pixels no
/// earlier neighbour labels; returns whether there are any. The pores in the field are the
/// labelled pixels on entry, so an unlabelled pixel of the field is a framework pixel.
private func labelFramework<D: FixedWidthInteger, L: FixedWidthInteger>(
    _ labels: UnsafeMutableBufferPointer<L>, d: UnsafeBufferPointer<D>, inside: FieldTest, width w: Int
) -> Bool {
    let h = labels.count / max(w, 1)
    var pending = false
    var stack: [Int] = []
    stack.reserveCapacity(4096)  // chains are about as long as a wall is wide; one allocation
    for start in labels.indices where labels[start] == 0 && inside[start] && d[start] != .max {
        stack.append(start)
        while let i = stack.last {
            if labels[i] != 0 { stack.removeLast(); continue }
            let x = i % w, y = i / w, here = d[i]
            // The 4-neighbours in the frame (up, left, right, down), −1 where there is none.
            // (Plain loops over them rather than nested functions capturing `stack`, `best` and
            // `nearest`: those captures had every access checked for exclusivity at run time.)
            let up = y > 0 ? i - w : -1, left = x > 0 ? i - 1 : -1
            let right = x + 1 < w ? i + 1 : -1, down = y + 1 < h ? i + w : -1
            // Neighbours earlier in the order that are not resolved yet go first.
            let depth = stack.count
            for k in 0 ..< 4 {
                let n = k == 0 ? up : k == 1 ? left : k == 2 ? right : down
                guard n >= 0 else { continue }
                if labels[n] == 0, inside[n], d[n] != .max, d[n] < here || (d[n] == here && n < i) {
                    stack.append(n)
                }
            }
            guard stack.count == depth else { continue }
            var best: L = 0, nearest = D.max
            for k in 0 ..< 4 {
                let n = k == 0 ? up : k == 1 ? left : k == 2 ? right : down
                guard n >= 0 else { continue }
                if labels[n] != 0, labels[n] != L.max, d[n] < here || (d[n] == here && n < i), d[n] < nearest {
                    best = labels[n]
                    nearest = d[n]
                }
            }
            if best != 0 { labels[i] = best } else { labels[i] = L.max; pending = true }
            stack.removeLast()
        }
    }
    return pending
}

/// The exact squared distance of every pixel to the nearest pore pixel (0 on pores,
/// `Int32.max` when there is no pore), on up to `threads` threads.
public func squaredDistanceToPores<P: FixedWidthInteger & Sendable>(_ pores: Image<P>, threads: Int = 1) -> Image<Int32> {
    squaredDistanceMap(toLabelsOf: pores, threads: threads)
}

/// `squaredDistanceToPores` made directly in 16 bits (`UInt16.max` where there is no pore), or
/// `nil` when some pixel is 256 px or more from every pore (`narrowSquaredDistanceMap`).
public func narrowSquaredDistanceToPores<P: FixedWidthInteger & Sendable>(_ pores: Image<P>,
                                                                          threads: Int = 1) -> Image<UInt16>? {
    narrowSquaredDistanceMap(toLabelsOf: pores, threads: threads)
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
func floodRemaining<L: FixedWidthInteger>(_ labels: inout Image<L>, inside: [Bool]?) {
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
    cellsOpenToUnseenPores(cells, count: count, field: field, poreDistances: toPore ?? squaredDistanceToPores(pores))
}

/// `cellsOpenToUnseenPores` with the squared distances to the pores in any integer type
/// (`.max`: no pore).
public func cellsOpenToUnseenPores<L: FixedWidthInteger & Sendable, D: FixedWidthInteger & Sendable>(
    _ cells: Image<L>, count: Int, field: Mask?, poreDistances toPore: Image<D>
) -> [Bool] {
    let w = cells.width, h = cells.height
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
