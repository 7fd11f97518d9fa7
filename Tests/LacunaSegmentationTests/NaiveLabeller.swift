import LacunaImage
import LacunaSegmentation

/// A deliberately simple reference labeller: scan in row-major order and flood-fill
/// (breadth-first) from every unlabelled foreground pixel. Components are therefore numbered
/// in row-major order of their first pixel, the convention `labelComponents` promises.
/// O(width·height) but with none of union–find's bookkeeping to get wrong.
enum NaiveLabeller {
    struct Result: Equatable {
        var labels: [Int32]
        var count: Int
        var areas: [Int]
    }

    static func label(_ mask: Mask, connectivity: Connectivity) -> Result {
        let w = mask.width, h = mask.height
        var labels = [Int32](repeating: 0, count: w * h)
        var areas = [w * h - mask.samples.filter { $0 }.count]
        let offsets: [(Int, Int)] = switch connectivity {
        case .four: [(1, 0), (-1, 0), (0, 1), (0, -1)]
        case .eight: [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)]
        }
        var next: Int32 = 0
        for start in 0 ..< w * h where mask.samples[start] && labels[start] == 0 {
            next += 1
            labels[start] = next
            var queue = [start]
            var head = 0
            while head < queue.count {
                let i = queue[head]
                head += 1
                let x = i % w, y = i / w
                for (dx, dy) in offsets {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                    let j = ny * w + nx
                    if mask.samples[j] && labels[j] == 0 {
                        labels[j] = next
                        queue.append(j)
                    }
                }
            }
            areas.append(queue.count)
        }
        return Result(labels: labels, count: Int(next), areas: areas)
    }
}
