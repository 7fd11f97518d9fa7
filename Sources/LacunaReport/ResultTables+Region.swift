import LacunaMeasure

/// images.csv columns of the analysed region, the boundary method (issue 4) and the
/// measurement set (`--measure`, issue 8).
extension ResultTables {
    /// Appended to images.csv after the distribution columns.
    static let regionColumns = ["analysed_area_px", "analysed_area_um2", "analysed_region", "boundary_method",
                                 "measure"]

    static func regionFields(_ m: ImageMeasurement) -> [String] {
        [
            NumberFormat.significant(m.analysedArea),
            NumberFormat.significant(m.calibration.pixelSize.map { m.analysedArea * $0.area }),
            m.analysedRegionSource, m.boundaryMethod.rawValue, m.measurementSet.rawValue,
        ]
    }
}
