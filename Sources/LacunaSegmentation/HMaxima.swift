import HeapModule
import LacunaImage

/// The maxima of `image` whose dynamic (height above the highest saddle that leads to a higher
/// maximum) exceeds `h` (the highest maximum always counts), as labelled marker regions: the regional maxima of the h-maxima
/// transform HMAX_h(f) = R_f^δ(f − h), the reconstruction by dilation of f − h under f
/// (P. Soille, Morphological Image Analysis, 2nd ed. 2003, §6.3.4). Each marker is the plateau
/// of HMAX_h at its top, i.e. the pixels within `h` of the maximum that connect to it.
///
/// Only pixels inside `mask` (all when `nil`) take part. Reconstruction by a priority queue,
/// highest first (L. Vincent 1993, "Morphological grayscale reconstruction in image analysis",
/// IEEE Trans. Image Process. 2(2):176–201); plateaus found by flood fill.
/// Complexity O(N log N). The input is not modified.
///
/// - Returns: markers numbered 1…count in row-major order of their first pixel, and count.
public func hMaximaMarkers(of image: Image<Float>, h: Float, mask: Mask? = nil,
                           connectivity: Connectivity = .eight) -> (markers: LabelImage, count: Int) {
    precondition(h >= 0 && h.isFinite, "h must be finite and ≥ 0, got \(h)")
    let w = image.width, n = image.pixelCount
    if let mask { precondition(mask.width == w && mask.height == image.height, "mask must match the image") }
    let inside: [Bool] = mask?.samples ?? [Bool](repeating: true, count: n)
    let offsets = neighbourOffsets(connectivity)
    var rec = [Float](repeating: -.infinity, count: n)
    var markers = [Int32](repeating: 0, count: n)
    var count: Int32 = 0
    image.samples.withUnsafeBufferPointer { f in
        inside.withUnsafeBufferPointer { allowed in
            // Reconstruction: every pixel starts at f − h; values spread downhill, capped by f.
            var heap = Heap<FloodEntry>()
            var age: UInt64 = 0
            for i in 0 ..< n where allowed[i] {
                rec[i] = f[i] - h
                heap.insert(FloodEntry(level: -rec[i], age: age, index: Int32(i)))
                age += 1
            }
            while let entry = heap.popMin() {
                let i = Int(entry.index)
                if -entry.level < rec[i] { continue }
                forEachNeighbour(of: i, width: w, height: image.height, offsets: offsets) { j in
                    guard allowed[j] else { return }
                    let v = min(rec[i], f[j])
                    if v > rec[j] {
                        rec[j] = v
                        heap.insert(FloodEntry(level: -v, age: age, index: Int32(j)))
                        age += 1
                    }
                }
            }
            // Regional maxima of the reconstruction: plateaus with no higher neighbour.
            var visited = [Bool](repeating: false, count: n)
            var plateau: [Int] = []
            var stack: [Int] = []
            for start in 0 ..< n where allowed[start] && !visited[start] {
                let value = rec[start]
                var isMaximum = true
                plateau.removeAll(keepingCapacity: true)
                stack.append(start)
                visited[start] = true
                while let i = stack.popLast() {
                    plateau.append(i)
                    forEachNeighbour(of: i, width: w, height: image.height, offsets: offsets) { j in
                        guard allowed[j] else { return }
                        if rec[j] > value { isMaximum = false }
                        if rec[j] == value && !visited[j] {
                            visited[j] = true
                            stack.append(j)
                        }
                    }
                }
                if isMaximum {
                    count += 1
                    for i in plateau { markers[i] = count }
                }
            }
        }
    }
    let numbered = renumberedInRasterOrder(LabelImage(width: w, height: image.height, samples: markers))
    return (numbered.labels, numbered.count)
}

/// Calls `body` with the index of each neighbour of pixel `i` inside the frame.
@inline(__always)
func forEachNeighbour(of i: Int, width w: Int, height h: Int, offsets: [(Int, Int)], _ body: (Int) -> Void) {
    let x = i % w, y = i / w
    for (dx, dy) in offsets {
        let nx = x + dx, ny = y + dy
        if nx >= 0 && ny >= 0 && nx < w && ny < h { body(ny * w + nx) }
    }
}

/// Labels renumbered 1…count in row-major order of each label's first pixel (0 stays 0),
/// with the pixel count of each label.
public func renumberedInRasterOrder(_ labels: LabelImage) -> Components {
    let largest = Int(labels.samples.max() ?? 0)
    precondition(labels.samples.allSatisfy { $0 >= 0 }, "labels must be ≥ 0")
    var map = [Int32](repeating: 0, count: largest + 1)
    var areas = [0]
    var out = labels.samples
    out.withUnsafeMutableBufferPointer { l in
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
    areas[0] = out.count - areas.dropFirst().reduce(0, +)
    return Components(labels: LabelImage(width: labels.width, height: labels.height, samples: out),
                      count: areas.count - 1, areas: areas)
}
