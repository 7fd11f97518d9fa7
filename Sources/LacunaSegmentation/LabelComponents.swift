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
/// algorithm", IEEE Trans. Image Process. 17(5):749–756) on the mask's runs (`MaskRuns`, the
/// background left unjoined): each foreground run is joined by union–find to the runs of the
/// row above it touches (sharing a column, or a corner with 8-connectivity; the root of a set
/// is its first run in raster order), and the runs are written out with their component's
/// label. Labels follow the row-major order of each component's first pixel, which is its
/// first run's start, so the numbering does not depend on the algorithm. Complexity
/// O(width·height / 8 + runs·α) to read the mask, plus writing the labels. The mask is not
/// modified; when the caller hands it over (`consume`), it is let go once read.
public func labelComponents(of mask: consuming Mask, connectivity: Connectivity = .eight) -> Components {
    precondition(mask.channels == 1, "labelComponents needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    var runs = MaskRuns(copy mask, foreground: connectivity, joiningBackground: false)
    _ = consume mask // read into its runs: a mask handed over goes before the label frame is made
    let (number, count) = runs.numberComponents()
    var areas = [Int](repeating: 0, count: count + 1)
    var labels = [Int32](repeating: 0, count: w * h)
    labels.withUnsafeMutableBufferPointer { out in
        areas.withUnsafeMutableBufferPointer { areas in
            runs.forEachRun { k, y, first, end, foreground in
                guard foreground else { return }
                let label = number[k]
                (out.baseAddress! + y * w + first).update(repeating: label, count: end - first)
                areas[Int(label)] += end - first
            }
        }
    }
    areas[0] = w * h - areas.dropFirst().reduce(0, +)
    return Components(labels: LabelImage(width: w, height: h, channels: 1, samples: labels),
                      count: count, areas: areas)
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
