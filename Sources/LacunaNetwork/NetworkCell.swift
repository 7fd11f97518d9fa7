/// One cell of the framework's network, in pixel units of the analysed frame.
public struct NetworkCell: Sendable, Equatable {
    /// The cell's label (1…count).
    public var label: Int
    /// The pore (label in pores.csv) the cell grew from; `nil` for cells found from ridges.
    public var pore: Int?
    /// Area in px.
    public var area: Int
    /// Perimeter in px (scikit-image's `regionprops` perimeter of the cell region).
    public var perimeter: Double
    /// Centroid in px from the frame's top-left corner (pixel centres at +0.5).
    public var centroidX: Double
    public var centroidY: Double
    /// Labels of the neighbouring cells, ascending.
    public var neighbours: [Int]
    /// The cell reaches the frame edge or the edge of the analysed field: its side count is
    /// truncated.
    public var touchesBorder: Bool
    /// Corners of the pore's outline (Douglas–Peucker), the second estimate of the polygon class;
    /// `nil` when the cell has no pore.
    public var corners: Int?

    /// Number of sides: the number of neighbouring cells.
    public var sides: Int { neighbours.count }

    public init(label: Int, pore: Int?, area: Int, perimeter: Double, centroidX: Double, centroidY: Double,
                neighbours: [Int], touchesBorder: Bool, corners: Int?) {
        self.label = label
        self.pore = pore
        self.area = area
        self.perimeter = perimeter
        self.centroidX = centroidX
        self.centroidY = centroidY
        self.neighbours = neighbours
        self.touchesBorder = touchesBorder
        self.corners = corners
    }
}
