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
/// Two raster passes with union–find over provisional labels (Rosenfeld & Pfaltz 1966; the
/// equivalence table with path halving and, for 8-connectivity, the decision tree that looks
/// at one neighbour when it can, as in Wu, Otoo & Suzuki 2009, "Optimizing two-pass
/// connected-component labeling algorithms"). Final labels are renumbered in row-major order of
/// each component's first pixel, so the numbering does not depend on the algorithm.
/// Complexity O(width·height·α). The mask is not modified.
public func labelComponents(of mask: Mask, connectivity: Connectivity = .eight) -> Components {
    precondition(mask.channels == 1, "labelComponents needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    var provisional = [Int32](repeating: 0, count: w * h)
    // A new provisional label needs a pixel with no labelled earlier neighbour: at most one per
    // 2 × 2 block (8-connected) or every other pixel of a row (4-connected), plus label 0.
    let bound = connectivity == .eight ? ((w + 1) / 2) * ((h + 1) / 2) : h * ((w + 1) / 2)
    var parent = [Int32](repeating: 0, count: bound + 1)
    var count: Int32 = 0
    var areas = [0]
    mask.samples.withUnsafeBufferPointer { m in
        provisional.withUnsafeMutableBufferPointer { p in
            parent.withUnsafeMutableBufferPointer { parent in
                var labels: Int32 = 0
                for y in 0 ..< h {
                    let row = y * w
                    for x in 0 ..< w where m[row + x] {
                        var label: Int32 = 0
                        let left = x > 0 ? p[row + x - 1] : 0
                        if connectivity == .eight && y > 0 && left != 0 {
                            // Inside a run: the left pixel already met the upper left and the
                            // upper neighbour; only the upper right is new, and it joins
                            // another tree only across a gap above.
                            label = left
                            if x + 1 < w && p[row - w + x] == 0 && p[row - w + x + 1] != 0 {
                                label = merged(left, p[row - w + x + 1], parent)
                            }
                        } else if connectivity == .eight && y > 0 {
                            // Wu, Otoo & Suzuki's decision tree: the neighbour above touches
                            // the other three, so it alone decides when it is set; the upper
                            // left touches the left one; only up-right may join two trees.
                            let up = p[row - w + x]
                            let upLeft = x > 0 ? p[row - w + x - 1] : 0
                            let upRight = x + 1 < w ? p[row - w + x + 1] : 0
                            if up != 0 {
                                label = up
                            } else if upRight != 0 {
                                label = merged(upRight, upLeft != 0 ? upLeft : left, parent)
                            } else {
                                label = upLeft != 0 ? upLeft : left
                            }
                        } else {
                            label = left
                            if y > 0 { label = merged(label, p[row - w + x], parent) }
                        }
                        if label == 0 {
                            labels += 1
                            label = labels
                            parent[Int(label)] = label
                        }
                        p[row + x] = label
                    }
                }
                // Renumber roots in order of first appearance (row-major), reusing `parent`:
                // a root's entry becomes −(final label).
                // Neighbouring pixels mostly share a provisional label: the last one's final
                // label is reused without a walk.
                var lastProvisional: Int32 = 0, lastFinal: Int32 = 0
                for i in 0 ..< w * h where p[i] != 0 {
                    if p[i] == lastProvisional {
                        p[i] = lastFinal
                        areas[Int(lastFinal)] += 1
                        continue
                    }
                    lastProvisional = p[i]
                    let root = Int(equivalenceRoot(p[i], parent))
                    var label = parent[root]
                    if label >= 0 {
                        count += 1
                        areas.append(0)
                        label = -count
                        parent[root] = label
                    }
                    lastFinal = -label
                    p[i] = lastFinal
                    areas[Int(lastFinal)] += 1
                }
            }
        }
    }
    areas[0] = w * h - areas.dropFirst().reduce(0, +)
    return Components(labels: LabelImage(width: w, height: h, channels: 1, samples: provisional),
                      count: Int(count), areas: areas)
}

/// The root of provisional label `x` (path halving). Roots point to themselves; once the
/// final renumbering starts, a root holds −(its final label), which also ends the walk.
@inline(__always)
private func equivalenceRoot(_ x: Int32, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    var x = x
    while true {
        let up = parent[Int(x)]
        if up == x || up < 0 { return x }
        let grand = parent[Int(up)]
        if grand < 0 { return up }
        parent[Int(x)] = grand
        x = grand
    }
}

/// `label` joined with the neighbour's provisional label (0: none); the smaller root wins.
@inline(__always)
private func merged(_ label: Int32, _ neighbour: Int32, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    if neighbour == 0 { return label }
    let b = equivalenceRoot(neighbour, parent)
    if label == 0 { return b }
    let a = equivalenceRoot(label, parent)
    if a == b { return a }
    let (low, high) = a < b ? (a, b) : (b, a)
    parent[Int(high)] = low
    return low
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
