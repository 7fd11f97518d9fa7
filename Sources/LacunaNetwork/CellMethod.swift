/// How the cells of the framework are found (`--cells`).
public enum CellMethod: String, Sendable, Codable, CaseIterable {
    /// No cell analysis.
    case none
    /// Influence zones of the segmented pores: thick walls around dark holes.
    case pores
    /// Marker watershed of the ridge strength: thin bright walls around grey interiors.
    case ridges
    /// `pores`, unless the walls it finds are thin (`CellMethodChoice`), then `ridges`.
    case auto
}

/// The rule `--cells auto` follows.
///
/// A thin wall is what breaks under a global threshold: blur spreads a wall of w px over about
/// w + 2σ px and lowers its peak, so walls of a few pixels merge neighbouring holes into one.
/// `auto` therefore picks `ridges` when the median wall thickness of the pores-mode network is
/// below `thinWall` px or below `thinFraction` of the median cell's equivalent diameter.
///
/// Limitation: the wall thickness is measured between thresholded pores, so it is only right
/// when the pores are the cells' interiors. With grey, shaded interiors (foams, the thin-ridge
/// look) the threshold keeps only the darker part of each interior and the walls look thick:
/// `auto` keeps `pores` there, and `--cells ridges` must be asked for (docs/methods.md).
public enum CellMethodChoice {
    /// Walls thinner than this many px count as thin (default 4).
    public static let thinWall = 4.0
    /// Walls thinner than this fraction of the cell diameter count as thin (default 0.08).
    public static let thinFraction = 0.08

    /// The method to use and a one-line reason.
    public static func choose(medianWall: Double?, medianCellArea: Double?) -> (CellMethod, String) {
        guard let wall = medianWall, let area = medianCellArea, area > 0 else {
            return (.pores, "auto: pores (no wall measured)")
        }
        let diameter = 2 * (area / Double.pi).squareRoot()
        let ratio = wall / diameter
        let text = "median wall \(format(wall)) px = \(format(ratio)) of the cell diameter"
        if wall < thinWall || ratio < thinFraction { return (.ridges, "auto: ridges (\(text), thin)") }
        return (.pores, "auto: pores (\(text))")
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return "\(scaled)"
    }
}
