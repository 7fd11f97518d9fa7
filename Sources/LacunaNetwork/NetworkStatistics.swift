/// Side-number statistics of a cell network (../shared/reference/anchors.md §4.5).
///
/// Only interior cells count: a cell touching the frame or field edge has a truncated side
/// number and is left out of P(n), ⟨n⟩, μ₂, Lewis's and Desch's laws; for the Aboav–Weaire law
/// (the neighbours' mean side number m(n)) cells with a border neighbour are left out too.
public struct NetworkStatistics: Sendable, Equatable {
    /// Every cell, border cells included.
    public var cellCount: Int
    /// Cells not touching the border: the population of the statistics.
    public var interiorCellCount: Int
    /// ⟨n⟩, the mean number of sides; Euler's theorem for a large trivalent planar network
    /// gives 6 (`nil` without interior cells).
    public var meanSides: Double?
    /// μ₂ = ⟨n²⟩ − ⟨n⟩², the variance of the side number (population form).
    public var secondMoment: Double?
    /// P(n) for n = 3…9, the last entry counting 9 or more sides; cells with fewer than 3 sides
    /// count in none (they are reported in cells.csv).
    public var sideFractions: [Double]
    /// Lewis's law n₀ over interior cells.
    public var lewis: NetworkLawFit?
    /// Aboav–Weaire a over interior cells without border neighbours.
    public var aboavWeaire: NetworkLawFit?
    /// Desch's law slope (px of perimeter per side) over interior cells.
    public var desch: NetworkLawFit?

    /// The statistics of `cells`.
    public init(cells: [NetworkCell]) {
        cellCount = cells.count
        let interior = cells.filter { !$0.touchesBorder }
        interiorCellCount = interior.count
        var fractions = [Double](repeating: 0, count: 7)
        if interior.isEmpty {
            meanSides = nil
            secondMoment = nil
        } else {
            let n = Double(interior.count)
            let sides = interior.map { Double($0.sides) }
            let mean = sides.reduce(0, +) / n
            meanSides = mean
            secondMoment = sides.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            var counts = [Int](repeating: 0, count: 7)
            for cell in interior where cell.sides >= 3 { counts[min(cell.sides, 9) - 3] += 1 }
            fractions = counts.map { Double($0) / n }
        }
        sideFractions = fractions
        let sides = interior.map(\.sides)
        lewis = NetworkLaws.lewis(sides: sides, areas: interior.map { Double($0.area) })
        desch = NetworkLaws.desch(sides: sides, perimeters: interior.map(\.perimeter))
        let byLabel = Dictionary(uniqueKeysWithValues: cells.map { ($0.label, $0) })
        let deep = interior.filter { cell in
            !cell.neighbours.isEmpty && cell.neighbours.allSatisfy { byLabel[$0].map { !$0.touchesBorder } ?? false }
        }
        aboavWeaire = NetworkLaws.aboavWeaire(
            sides: deep.map(\.sides),
            neighbourMeanSides: deep.map { cell in
                Double(cell.neighbours.reduce(0) { $0 + (byLabel[$1]?.sides ?? 0) }) / Double(cell.neighbours.count)
            })
    }
}
