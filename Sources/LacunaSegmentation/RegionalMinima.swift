import HeapModule
import LacunaImage

/// Markers for a watershed: the regional minima of `relief` that are at least `h` deep.
///
/// Computes the h-minima transform, the reconstruction by erosion of relief + h over the relief
/// (Soille 2003, *Morphological Image Analysis*, 2nd ed., §6.3.4), then labels its regional
/// minima: connected plateaus with no lower neighbour. A minimum survives when the lowest pass
/// out of its basin lies at least `h` above it, so noise shallower than `h` adds no markers.
/// The reconstruction runs as a minimax path search with a priority queue (each pixel's value is
/// the lowest over all paths of the highest level met, starting from any pixel q at relief(q) + h).
///
/// - Parameters:
///   - relief: levels (e.g. a ridge strength); NaN is treated as +∞.
///   - h: minimum depth (≥ 0) in the relief's units.
///   - connectivity: neighbourhood of plateaus and paths (default 8).
/// - Returns: markers numbered 1…count in row-major order of their first pixel, and the count.
/// - Complexity: O(N log N) for N pixels.
public func regionalMinima(of relief: Image<Float>, depth h: Float,
                           connectivity: Connectivity = .eight) -> (markers: LabelImage, count: Int) {
    let w = relief.width, h2 = relief.height, n = w * h2
    let f = relief.samples.map { $0.isNaN ? Float.infinity : $0 }
    var rec = f.map { $0 + max(0, h) }
    var heap = Heap<FloodEntry>()
    var age: UInt64 = 0
    for i in 0 ..< n {
        heap.insert(FloodEntry(level: rec[i], age: age, index: Int32(i)))
        age += 1
    }
    let offsets = neighbourOffsets(connectivity)
    while let entry = heap.popMin() {
        let i = Int(entry.index)
        guard entry.level == rec[i] else { continue }
        let x = i % w, y = i / w
        for (dx, dy) in offsets {
            let nx = x + dx, ny = y + dy
            guard nx >= 0, ny >= 0, nx < w, ny < h2 else { continue }
            let j = ny * w + nx
            let candidate = max(entry.level, f[j])
            if candidate < rec[j] {
                rec[j] = candidate
                heap.insert(FloodEntry(level: candidate, age: age, index: Int32(j)))
                age += 1
            }
        }
    }
    return plateauMinima(rec, width: w, height: h2, offsets: offsets)
}

/// Labels the connected plateaus of `values` that have no lower neighbour.
func plateauMinima(_ values: [Float], width w: Int, height h: Int,
                   offsets: [(Int, Int)]) -> (markers: LabelImage, count: Int) {
    var markers = LabelImage(width: w, height: h, repeating: 0)
    var visited = [Bool](repeating: false, count: w * h)
    var plateau: [Int] = []
    var stack: [Int] = []
    var count: Int32 = 0
    for start in 0 ..< w * h where !visited[start] {
        let level = values[start]
        plateau.removeAll(keepingCapacity: true)
        stack.append(start)
        visited[start] = true
        var isMinimum = true
        while let i = stack.popLast() {
            plateau.append(i)
            let x = i % w, y = i / w
            for (dx, dy) in offsets {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                let j = ny * w + nx
                if values[j] < level { isMinimum = false }
                else if values[j] == level, !visited[j] {
                    visited[j] = true
                    stack.append(j)
                }
            }
        }
        if isMinimum {
            count += 1
            for i in plateau { markers.samples[i] = count }
        }
    }
    return (markers, Int(count))
}
