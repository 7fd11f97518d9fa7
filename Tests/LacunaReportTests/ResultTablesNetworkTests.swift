import LacunaImage
import LacunaNetwork
import LacunaReport
import Testing

extension ResultTablesTests {
    @Test("cells.csv: µm by hand from a 0.5 µm pixel, positions shifted by the region's origin")
    func cellRows() throws {
        var m = Self.measurement(calibration: Calibration(pixelSize: PixelSize(square: 0.5), source: .fei))
        m.originX = 100
        m.originY = 10
        let cells = [
            NetworkCell(label: 1, pore: 1, area: 100, perimeter: 36, centroidX: 5, centroidY: 5, neighbours: [2],
                        touchesBorder: false, corners: 4),
            NetworkCell(label: 2, pore: nil, area: 40, perimeter: 26, centroidX: 20, centroidY: 3, neighbours: [1],
                        touchesBorder: true, corners: nil),
        ]
        // Two 10-px-wide pores with a 4-px wall between them: thickness 4 on each of 10 rows.
        var pores = LabelImage(width: 24, height: 10, repeating: 0)
        for y in 0 ..< 10 { for x in 0 ..< 10 { pores.samples[y * 24 + x] = 1; pores.samples[y * 24 + x + 14] = 2 } }
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        let network = NetworkSummary(method: .pores, reason: "pores", cells: cells,
                                     statistics: NetworkStatistics(cells: cells), framework: framework)
        let record = ImageRecord(image: "a", currentDensity: nil, outcome: .measured(m), network: network)
        let rows = String(decoding: ResultTables.cells([record]).encoded(), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 3)
        // 100 px · 0.25 µm² = 25 µm²; 36 px · 0.5 = 18 µm; (5 + 100, 5 + 10) px → (52.5, 7.5) µm.
        #expect(rows[1] == "a,1,1,1,4,25,18,52.5,7.5,2,false,100,36,105,15,1")
        #expect(rows[2] == "a,2,,1,,10,13,60,6.5,1,true,40,26,120,13,1")
        for threads in [2, 3] {
            #expect(ResultTables.cells([record], threads: threads).encoded() == ResultTables.cells([record]).encoded())
            #expect(ResultTables.pores([record], threads: threads).encoded() == ResultTables.pores([record]).encoded())
        }
        let header = ResultTables.imageColumns
        let image = String(decoding: ResultTables.images([record]).encoded(), as: UTF8.self).split(separator: "\n")[1]
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let field = { (name: String) in image[header.firstIndex(of: name) ?? 0] }
        #expect(field("cell_method") == "pores")
        #expect(field("cell_count") == "2" && field("interior_cell_count") == "1")
        #expect(field("mean_sides") == "1" && field("euler_deviation") == "-5")
        #expect(field("corner_agreement") == "0")
        // Wall 4 px (mean, median, SD 0) → 2 µm; no junction; Crofton length π/4 · 10 edges over
        // 240 px: 0.0327249 px⁻¹, and in µm (π/4 · 10 · 0.5) / (240 · 0.25) = 0.0654498 µm⁻¹.
        #expect(field("wall_thickness_median_px") == "4" && field("wall_thickness_median_um") == "2")
        #expect(field("wall_thickness_sd_px") == "0")
        #expect(field("junctions") == "0")
        #expect(field("wall_length_per_area_per_px") == "0.0327249")
        #expect(field("wall_length_per_area_per_um") == "0.0654498")
    }
}
