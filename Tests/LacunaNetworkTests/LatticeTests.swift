import LacunaImage
import LacunaNetwork
import LacunaSegmentation
import Testing

@Suite("Cells of regular lattices: every interior cell has the lattice's side number")
struct LatticeTests {
    /// Pore labels of disks of radius `r` centred on `centres`, numbered in order.
    static func disks(width: Int, height: Int, radius r: Double, centres: [(Double, Double)]) -> LabelImage {
        var labels = LabelImage(width: width, height: height, repeating: 0)
        for (k, (cx, cy)) in centres.enumerated() {
            for y in 0 ..< height {
                for x in 0 ..< width {
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    if dx * dx + dy * dy <= r * r { labels.samples[y * width + x] = Int32(k + 1) }
                }
            }
        }
        return labels
    }

    static func network(_ pores: LabelImage, count: Int) -> CellNetwork {
        CellNetwork(labels: influenceZones(of: pores), count: count, pores: pores)
    }

    @Test("Hexagonal lattice (spacing 26 px, holes r = 9): six sides")
    func hexagonal() {
        var centres: [(Double, Double)] = []
        let spacing = 26.0, rowStep = spacing * 3.0.squareRoot() / 2
        // The frame is a window on an unbounded lattice: holes centred beyond the edge are cut.
        for row in -1 ..< 11 {
            for column in -1 ..< 11 {
                centres.append((12 + Double(column) * spacing + (row.isMultiple(of: 2) ? 0 : spacing / 2),
                                12 + Double(row) * rowStep))
            }
        }
        let pores = Self.disks(width: 270, height: 215, radius: 9, centres: centres)
        let network = Self.network(pores, count: centres.count)
        let interior = network.cells.filter { !$0.touchesBorder }
        #expect(interior.count >= 40)
        for cell in interior { #expect(cell.sides == 6, "cell \(cell.label) at (\(cell.centroidX), \(cell.centroidY))") }
        let statistics = NetworkStatistics(cells: network.cells)
        #expect(statistics.meanSides == 6)
        #expect(statistics.secondMoment == 0)
        #expect(statistics.sideFractions == [0, 0, 0, 1, 0, 0, 0])
    }

    @Test("Square lattice (spacing 20 px): four sides; diagonal cells meet at a point only")
    func square() {
        var centres: [(Double, Double)] = []
        for row in 0 ..< 8 { for column in 0 ..< 8 { centres.append((10 + 20 * Double(column), 10 + 20 * Double(row))) } }
        let pores = Self.disks(width: 160, height: 160, radius: 6, centres: centres)
        let network = Self.network(pores, count: centres.count)
        let interior = network.cells.filter { !$0.touchesBorder }
        #expect(interior.count == 36)
        for cell in interior {
            #expect(cell.sides == 4)
            #expect(cell.area == 400)
        }
    }

    @Test("One hole: one cell filling the frame, a border cell without neighbours")
    func singleHole() {
        let pores = Self.disks(width: 40, height: 30, radius: 5, centres: [(20, 15)])
        let network = Self.network(pores, count: 1)
        #expect(network.cells.count == 1)
        #expect(network.cells[0].area == 1200)
        #expect(network.cells[0].touchesBorder)
        #expect(network.cells[0].sides == 0)
        #expect(network.cells[0].pore == 1)
        let statistics = NetworkStatistics(cells: network.cells)
        #expect(statistics.cellCount == 1)
        #expect(statistics.interiorCellCount == 0)
        #expect(statistics.meanSides == nil)
    }

    @Test("A field mask: cells stop at its edge and cells reaching it are border cells")
    func field() {
        var centres: [(Double, Double)] = []
        for row in 0 ..< 8 { for column in 0 ..< 8 { centres.append((10 + 20 * Double(column), 10 + 20 * Double(row))) } }
        let pores = Self.disks(width: 160, height: 160, radius: 6, centres: centres)
        // Field: the left half (x < 80).
        let field = Mask(width: 160, height: 160, samples: (0 ..< 160 * 160).map { $0 % 160 < 80 })
        let cells = influenceZones(of: pores, field: field)
        #expect((0 ..< 160 * 160).allSatisfy { field.samples[$0] || cells.samples[$0] == 0 })
        let network = CellNetwork(labels: cells, count: centres.count, field: field, pores: pores)
        // Columns 0 and 3 of the left half touch the frame or the field's edge; rows 0 and 7 the frame.
        let interior = network.cells.filter { !$0.touchesBorder }
        #expect(interior.count == 12)
        #expect(network.cells.count == 32)
    }
}
