/// Topology of the cells of the framework, from cells.csv: the sides distribution P(n) and
/// Lewis' law. Cells touching the frame edge are left out: their sides are cut by the frame.
///
/// Lewis' law (F. T. Lewis, Anat. Rec. 38, 1928) says the mean area of n-sided cells grows
/// linearly with n; in the normalised form A_n / Ā = (n − 2)/4 (n₀ = 2, the space-filling
/// form quoted by Chiu, Materials Characterization 34, 1995) it passes through 1 at n = 6.
public struct CellStatistics: Sendable, Equatable {
    /// One cell as cells.csv gives it.
    public struct Cell: Sendable, Equatable {
        public var sides: Int
        /// Area in µm² (or px² for uncalibrated images); `nil` when unknown.
        public var area: Double?
        public var touchesBorder: Bool

        public init(sides: Int, area: Double?, touchesBorder: Bool) {
            self.sides = sides
            self.area = area
            self.touchesBorder = touchesBorder
        }
    }

    /// One row of the sides distribution and Lewis plot.
    public struct SideClass: Sendable, Equatable {
        /// Number of sides n.
        public var sides: Int
        /// Cells with n sides.
        public var count: Int
        /// P(n): count ÷ all interior cells.
        public var fraction: Double
        /// A_n / Ā: mean area of n-sided cells over the mean area of all interior cells with an
        /// area; `nil` when no n-sided cell has one.
        public var relativeArea: Double?
    }

    /// Interior cells counted.
    public var cellCount: Int
    /// Per number of sides, ascending.
    public var classes: [SideClass]
    /// Mean number of sides over interior cells (6 for any trivalent tiling, by Euler's formula).
    public var meanSides: Double

    /// The statistics of `cells`; `nil` when no interior cell has at least 3 sides.
    public init?(cells: [Cell]) {
        let interior = cells.filter { !$0.touchesBorder && $0.sides >= 3 }
        guard !interior.isEmpty else { return nil }
        let areas = interior.compactMap(\.area)
        let meanArea = areas.isEmpty ? nil : areas.reduce(0, +) / Double(areas.count)
        var byN: [Int: [Cell]] = [:]
        for cell in interior { byN[cell.sides, default: []].append(cell) }
        classes = byN.keys.sorted().map { n in
            let group = byN[n] ?? []
            let groupAreas = group.compactMap(\.area)
            let relative: Double? = if let meanArea, meanArea > 0, !groupAreas.isEmpty {
                groupAreas.reduce(0, +) / Double(groupAreas.count) / meanArea
            } else {
                nil
            }
            return SideClass(sides: n, count: group.count, fraction: Double(group.count) / Double(interior.count),
                             relativeArea: relative)
        }
        cellCount = interior.count
        meanSides = Double(interior.map(\.sides).reduce(0, +)) / Double(interior.count)
    }

    /// The cells of a cells.csv table (columns `sides`, `area_um2`, `touches_border`; rows
    /// without a whole number of sides are skipped).
    public static func cells(from table: TableFile) -> [Cell] {
        table.rows.compactMap { row in
            guard let sides = table.field("sides", in: row).flatMap({ Int($0) }) else { return nil }
            return Cell(sides: sides, area: table.number("area_um2", in: row),
                        touchesBorder: table.field("touches_border", in: row) == "true")
        }
    }
}
