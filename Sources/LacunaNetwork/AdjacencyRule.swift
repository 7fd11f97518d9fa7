/// When two cells that touch count as neighbours (sides of each other).
///
/// A contact counts when its shared boundary has at least `minimumEdges` pixel edges and at
/// least `minimumFraction` of the smaller cell's equivalent diameter 2√(A/π). On the pixel grid
/// a four-way junction of two ideal triple points a fraction of a pixel apart leaves contacts of
/// one or two edges that the truth would call a point, and image noise adds such slivers at
/// every junction; the rule drops them (docs/methods.md measures its effect).
public struct AdjacencyRule: Sendable, Equatable, Codable {
    /// Shortest shared boundary in pixel edges (default 2).
    public var minimumEdges: Int
    /// Shortest shared boundary relative to the smaller cell's equivalent diameter (default 0).
    public var minimumFraction: Double

    public init(minimumEdges: Int = 2, minimumFraction: Double = 0) {
        self.minimumEdges = minimumEdges
        self.minimumFraction = minimumFraction
    }

    /// The default minimum contact for cells found by `method`, measured on synthetic networks
    /// (docs/methods.md): 2 edges for influence zones, whose straight boundaries split four-way
    /// junctions into one-edge contacts; 1 edge for ridge cells, whose boundaries follow the
    /// noisy ridge crests so that real short sides often share only one edge.
    public static func defaultEdges(for method: CellMethod) -> Int {
        method == .ridges ? 1 : 2
    }

    /// Whether a contact of `edges` pixel edges between cells of `areaA` and `areaB` px counts.
    public func accepts(edges: Int, areaA: Int, areaB: Int) -> Bool {
        guard edges >= minimumEdges else { return false }
        guard minimumFraction > 0 else { return true }
        let diameter = 2 * (Double(min(areaA, areaB)) / Double.pi).squareRoot()
        return Double(edges) >= minimumFraction * diameter
    }
}
