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

    /// The rows of `record`, the pore and cell rows formatted by up to `threads` threads.
    init(_ record: ImageRecord, threads: Int = 1) {
        image = record.image
        page = record.page
        if case let .failed(reason) = record.outcome { error = reason }
        imageRow = ResultTables.images([record]).rows.first ?? []
        poreRows = ResultTables.pores([record], threads: threads).rows
        cellRows = ResultTables.cells([record], threads: threads).rows
        fit = FitInputs.Contribution(record)
    }

    /// In the cache each row is one JSON string, its fields joined by U+001F (the unit
    /// separator): Foundation's JSONDecoder took ~0.4 s to decode the 260 000 field strings of
    /// a 17-MP image one by one. A field holding U+001F itself would split; the store's
    /// round-trip check (`tableRowsSurviveJoining`) then refuses the entry
    /// (`ResultCache.store`), so such an input is recomputed on `--resume`, never misread.
    enum CodingKeys: String, CodingKey {
        case image, page, error, imageRow, poreRows, cellRows, fit
    }

    static let fieldSeparator: Character = "\u{1F}"

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        image = try container.decode(String.self, forKey: .image)
        page = try container.decode(Int.self, forKey: .page)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        let split = { (row: String) in row.split(separator: RecordRows.fieldSeparator, omittingEmptySubsequences: false).map(String.init) }
        imageRow = split(try container.decode(String.self, forKey: .imageRow))
        poreRows = try container.decode([String].self, forKey: .poreRows).map(split)
        cellRows = try container.decode([String].self, forKey: .cellRows).map(split)
        fit = try container.decodeIfPresent(FitInputs.Contribution.self, forKey: .fit)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let join = { (row: [String]) in row.joined(separator: String(RecordRows.fieldSeparator)) }
        try container.encode(image, forKey: .image)
        try container.encode(page, forKey: .page)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encode(join(imageRow), forKey: .imageRow)
        try container.encode(poreRows.map(join), forKey: .poreRows)
        try container.encode(cellRows.map(join), forKey: .cellRows)
        try container.encodeIfPresent(fit, forKey: .fit)
    }

    /// Whether the pore and cell rows come back unchanged from the cache's joined form: every
    /// row has a field and no field holds the separator. (An empty row would come back as one
    /// empty field.)
    var tableRowsSurviveJoining: Bool {
        func survives(_ row: [String]) -> Bool {
            !row.isEmpty && !row.contains { $0.utf8.contains(0x1F) }
        }
        return poreRows.allSatisfy(survives) && cellRows.allSatisfy(survives)
    }

    /// Whether the rows fit the current table layout (an entry from another build may not).
    var matchesColumns: Bool {
        imageRow.count == ResultTables.imageColumns.count
            && poreRows.allSatisfy { $0.count == ResultTables.poreColumns.count }
            && cellRows.allSatisfy { $0.count == ResultTables.cellColumns.count }
    }

    /// images.csv, pores.csv and cells.csv of `rows`, in order.
    static func tables(_ rows: [RecordRows]) -> WrittenTables {
        var images = CSVTable(header: ResultTables.imageColumns)
        var pores = CSVTable(header: ResultTables.poreColumns)
        var cells = CSVTable(header: ResultTables.cellColumns)
        for row in rows {
            images.append(row.imageRow)
            for pore in row.poreRows { pores.append(pore) }
            for cell in row.cellRows { cells.append(cell) }
        }
        return WrittenTables(images: images, pores: pores, cells: cells)
    }
}
