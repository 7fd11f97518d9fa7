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
/// equivalence table with path halving as in Wu, Otoo & Suzuki 2009, "Optimizing two-pass
/// connected-component labeling algorithms"). Final labels are renumbered in row-major order of
/// each component's first pixel, so the numbering does not depend on the algorithm.
/// Complexity O(width·height·α). The mask is not modified.
public func labelComponents(of mask: Mask, connectivity: Connectivity = .eight) -> Components {
    precondition(mask.channels == 1, "labelComponents needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    var provisional = [Int32](repeating: 0, count: w * h)
    var parent: [Int32] = [0]
    func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return x
    }
    func union(_ a: Int32, _ b: Int32) -> Int32 {
        let ra = find(a), rb = find(b)
        if ra == rb { return ra }
        let (low, high) = ra < rb ? (ra, rb) : (rb, ra)
        parent[Int(high)] = low
        return low
    }
    mask.samples.withUnsafeBufferPointer { m in
        for y in 0 ..< h {
            let row = y * w
            for x in 0 ..< w where m[row + x] {
                var label: Int32 = 0
                func merge(_ neighbour: Int32) {
                    if neighbour == 0 { return }
                    label = label == 0 ? find(neighbour) : union(label, neighbour)
                }
                if x > 0 { merge(provisional[row + x - 1]) }
                if y > 0 {
                    merge(provisional[row - w + x])
                    if connectivity == .eight {
                        if x > 0 { merge(provisional[row - w + x - 1]) }
                        if x + 1 < w { merge(provisional[row - w + x + 1]) }
                    }
                }
                if label == 0 {
                    label = Int32(parent.count)
                    parent.append(label)
                }
                provisional[row + x] = label
            }
        }
    }
    // Renumber roots in order of first appearance (row-major).
    var final = [Int32](repeating: 0, count: parent.count)
    var areas = [0]
    var next: Int32 = 0
    for i in 0 ..< provisional.count {
        let p = provisional[i]
        if p == 0 { continue }
        let root = find(p)
        if final[Int(root)] == 0 {
            next += 1
            final[Int(root)] = next
            areas.append(0)
        }
        let label = final[Int(root)]
        provisional[i] = label
        areas[Int(label)] += 1
    }
    areas[0] = w * h - areas.dropFirst().reduce(0, +)
    return Components(labels: LabelImage(width: w, height: h, channels: 1, samples: provisional),
                      count: Int(next), areas: areas)
}

/// Keeps the components whose area is at least `minimumArea` pixels and renumbers them
/// 1…n in their previous order.
public func removingSmallComponents(_ components: Components, minimumArea: Int) -> Components {
    var map = [Int32](repeating: 0, count: components.count + 1)
    var areas = [0]
    for label in stride(from: 1, through: components.count, by: 1) {
        if components.areas[label] >= minimumArea {
            areas.append(components.areas[label])
            map[label] = Int32(areas.count - 1)
        }
    }
    let labels = components.labels.map { map[Int($0)] }
    let kept = areas.count - 1
    areas[0] = labels.pixelCount - areas.dropFirst().reduce(0, +)
    return Components(labels: labels, count: kept, areas: areas)
}
