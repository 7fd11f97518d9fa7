import LacunaImage
import LacunaMeasure
import LacunaNetwork

/// cells.csv and the cell-network columns of images.csv (docs/cli.md). µm columns are empty
/// when the image has no calibration; `_px` columns always hold the pixel values.
extension ResultTables {
    /// Columns of cells.csv, in order.
    public static let cellColumns = [
        "image", "cell", "pore", "sides", "corners", "area_um2", "perimeter_um", "centroid_x_um", "centroid_y_um",
        "neighbours", "touches_border", "area_px", "perimeter_px", "centroid_x_px", "centroid_y_px", "page",
    ]

    /// Appended to images.csv: how the cells were found and the network's statistics.
    public static let networkColumns = [
        "cell_method", "cell_method_reason", "cell_count", "interior_cell_count", "mean_sides", "mu2_sides",
        "fraction_sides_3", "fraction_sides_4", "fraction_sides_5", "fraction_sides_6", "fraction_sides_7",
        "fraction_sides_8", "fraction_sides_9", "euler_deviation", "corner_agreement",
        "lewis_slope", "lewis_slope_ci_low", "lewis_slope_ci_high", "lewis_n0", "lewis_n0_ci_low", "lewis_n0_ci_high",
        "aboav_weaire_a", "aboav_weaire_a_ci_low", "aboav_weaire_a_ci_high", "aboav_weaire_cells",
        "desch_slope_px", "desch_slope_ci_low_px", "desch_slope_ci_high_px", "desch_slope_um",
        "wall_thickness_mean_px", "wall_thickness_median_px", "wall_thickness_sd_px",
        "wall_thickness_mean_um", "wall_thickness_median_um", "wall_thickness_sd_um",
        "junctions", "junctions_per_um2", "wall_length_per_area_per_um", "wall_length_per_area_per_px",
    ]

    /// cells.csv: every cell of every analysed image, images in input order, cells in label order.
    /// Each image's rows are formatted by up to `threads` threads (the same bytes for any number).
    public static func cells(_ records: [ImageRecord], threads: Int = 1) -> CSVTable {
        var table = CSVTable(header: cellColumns)
        for record in records {
            guard let m = record.measurement, let network = record.network else { continue }
            let size = m.calibration.pixelSize
            let f = { (x: Double?) in NumberFormat.significant(x) }
            let rows = parallelMap(network.cells.count, threads: threads) { (k: Int) -> [String] in
                let cell = network.cells[k]
                let x = cell.centroidX + Double(m.originX), y = cell.centroidY + Double(m.originY)
                let row: [String] = [
                    record.image, String(cell.label), cell.pore.map(String.init) ?? "", String(cell.sides),
                    cell.corners.map(String.init) ?? "",
                    f(size.map { Double(cell.area) * $0.area }), f(size.map { cell.perimeter * $0.isotropicLength }),
                    f(size.map { x * $0.x }), f(size.map { y * $0.y }),
                    cell.neighbours.map(String.init).joined(separator: " "), cell.touchesBorder ? "true" : "false",
                    String(cell.area), f(cell.perimeter), f(x), f(y), String(record.page),
                ]
                return row
            }
            for row in rows { table.append(row) }
        }
        return table
    }

    /// The network columns of one images.csv row (all empty without a network).
    static func networkFields(_ record: ImageRecord) -> [String] {
        guard let m = record.measurement, let n = record.network else {
            return Array(repeating: "", count: networkColumns.count)
        }
        let f = { (x: Double?) in NumberFormat.significant(x) }
        let s = n.statistics, w = n.framework
        let length = m.calibration.pixelSize?.isotropicLength
        let um = { (px: Double?) in px.flatMap { p in length.map { p * $0 } } }
        let fieldUM2 = m.calibration.pixelSize.map { Double(w.fieldArea) * $0.area }
        let interior = n.cells.filter { !$0.touchesBorder && $0.corners != nil }
        let agreement = interior.isEmpty ? nil
            : Double(interior.filter { $0.corners == $0.sides }.count) / Double(interior.count)
        let lewisSlope = s.lewis?.line
        return [
            n.method.rawValue, n.reason, String(s.cellCount), String(s.interiorCellCount),
            f(s.meanSides), f(s.secondMoment),
        ] + s.sideFractions.map { NumberFormat.fixed($0, decimals: 6) } + [
            f(s.meanSides.map { $0 - 6 }), f(agreement),
            f(lewisSlope?.slope), f(lewisSlope?.slopeCI95?.lowerBound), f(lewisSlope?.slopeCI95?.upperBound),
            f(s.lewis?.value), f(s.lewis?.ci95?.lowerBound), f(s.lewis?.ci95?.upperBound),
            f(s.aboavWeaire?.value), f(s.aboavWeaire?.ci95?.lowerBound), f(s.aboavWeaire?.ci95?.upperBound),
            s.aboavWeaire.map { String($0.line.pointCount) } ?? "",
            f(s.desch?.value), f(s.desch?.ci95?.lowerBound), f(s.desch?.ci95?.upperBound), f(um(s.desch?.value)),
            f(w.meanThickness), f(w.medianThickness), f(w.thicknessSD),
            f(um(w.meanThickness)), f(um(w.medianThickness)), f(um(w.thicknessSD)),
            String(w.junctions), f(fieldUM2.map { Double(w.junctions) / $0 }),
            f(fieldUM2.flatMap { a in um(w.wallLength).map { $0 / a } }),
            f(w.fieldArea > 0 ? w.wallLength / Double(w.fieldArea) : nil),
        ]
    }
}
