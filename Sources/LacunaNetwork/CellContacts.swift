import LacunaImage

/// A pair of cells sharing a boundary.
public struct CellContact: Sendable, Equatable, Hashable {
    /// The smaller label of the pair.
    public var first: Int32
    /// The larger label of the pair.
    public var second: Int32
    /// Boundary length as the number of pixel edges between the two cells (horizontal and
    /// vertical steps, each 1 px; a boundary line of length L at angle θ has about
    /// L·(|cos θ| + |sin θ|) of them).
    public var edges: Int
}

/// Every pair of labels that touch across a pixel edge, with the length of their shared boundary.
///
/// Two pixels side by side (4-neighbours) with different non-zero labels contribute one edge to
/// their pair. So that one-pixel separating lines (label 0, as drawn by watershed-line
/// algorithms and skeletons) do not hide contacts, a 0 pixel with different non-zero labels on
/// either side contributes one edge to that pair too: the comparison is shifted by two pixels,
/// as in MorphoLibJ's region adjacency graph (Legland et al. 2016, Bioinformatics 32:3532).
/// Corner-only contacts (two cells meeting at a single point, as at a four-way junction) are
/// not contacts.
/// - Returns: contacts sorted by (first, second).
/// - Complexity: O(width·height) time, O(number of contacts) memory.
/// Labels are `Int32` (`LabelImage`) or 16 bits (`Labels`), never negative.
public func cellContacts<L: FixedWidthInteger & Sendable>(of labels: Image<L>) -> [CellContact] {
    let w = labels.width, h = labels.height
    var edges: [UInt64: Int] = [:]
    func add(_ a: L, _ b: L) {
        guard a != 0, b != 0, a != b else { return }
        let (low, high) = a < b ? (a, b) : (b, a)
        edges[UInt64(UInt32(truncatingIfNeeded: low)) << 32 | UInt64(UInt32(truncatingIfNeeded: high)), default: 0] += 1
    }
    labels.samples.withUnsafeBufferPointer { l in
        for y in 0 ..< h {
            let row = y * w
            for x in 0 ..< w {
                let a = l[row + x]
                guard a != 0 else { continue }
                if x + 1 < w {
                    let b = l[row + x + 1]
                    if b != 0 { add(a, b) } else if x + 2 < w { add(a, l[row + x + 2]) }
                }
                if y + 1 < h {
                    let b = l[row + w + x]
                    if b != 0 { add(a, b) } else if y + 2 < h { add(a, l[row + 2 * w + x]) }
                }
            }
        }
    }
    return edges.map { key, count in
        CellContact(first: Int32(truncatingIfNeeded: key >> 32), second: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF),
                    edges: count)
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
}
