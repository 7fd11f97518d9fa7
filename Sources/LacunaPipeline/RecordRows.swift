import LacunaReport

/// What one analysed page puts into the outputs, kept per input in the result cache: its
/// images.csv row, its pores.csv rows (the exact strings `ResultTables` makes) and what it gives
/// the fit. Tables and fit are always assembled from these, for fresh and reused inputs alike,
/// so a resumed or merged run writes the bytes of an uninterrupted one — and the cache needs
/// no knowledge of the measurement types, whatever fields they gain.
struct RecordRows: Codable, Equatable, Sendable {
    var image: String
    var page: Int
    /// The one-line reason, for a page that failed.
    var error: String?
    var imageRow: [String]
    var poreRows: [[String]]
    var cellRows: [[String]]
    var fit: FitInputs.Contribution?

    init(_ record: ImageRecord) {
        image = record.image
        page = record.page
        if case let .failed(reason) = record.outcome { error = reason }
        imageRow = ResultTables.images([record]).rows.first ?? []
        poreRows = ResultTables.pores([record]).rows
        cellRows = ResultTables.cells([record]).rows
        fit = FitInputs.Contribution(record)
    }

    /// Whether the rows fit the current table layout (an entry from another build may not).
    var matchesColumns: Bool {
        imageRow.count == ResultTables.imageColumns.count
            && poreRows.allSatisfy { $0.count == ResultTables.poreColumns.count }
            && cellRows.allSatisfy { $0.count == ResultTables.cellColumns.count }
    }

    /// images.csv, pores.csv and cells.csv of `rows`, in order.
    static func tables(_ rows: [RecordRows]) -> (images: CSVTable, pores: CSVTable, cells: CSVTable) {
        var images = CSVTable(header: ResultTables.imageColumns)
        var pores = CSVTable(header: ResultTables.poreColumns)
        var cells = CSVTable(header: ResultTables.cellColumns)
        for row in rows {
            images.append(row.imageRow)
            for pore in row.poreRows { pores.append(pore) }
            for cell in row.cellRows { cells.append(cell) }
        }
        return (images, pores, cells)
    }
}
