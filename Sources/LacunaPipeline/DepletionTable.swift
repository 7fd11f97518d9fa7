/// The input of `lacuna fit --model depletion`: a CSV with `current_density` (mA/cm², > 0) and
/// `depletion_time_h` (h, > 0), at least three rows and two current densities.
public struct DepletionTable: Sendable {
    public var path: String
    /// (line, current density in mA/cm², depletion time in h), in file order.
    public var rows: [(line: Int, currentDensity: Double, hours: Double)]

    public static func read(path: String) throws(TableFileError) -> DepletionTable {
        let csv = try HeaderedCSV(path: path)
        let density = try csv.require("current_density")
        let time = try csv.require("depletion_time_h")
        var rows: [(line: Int, currentDensity: Double, hours: Double)] = []
        var shape: [RadiusTable.Row] = []
        for row in csv.rows {
            guard let i = try csv.number(density, in: row, name: "current_density", positive: true) else {
                throw TableFileError(path: path, line: row.line, reason: "current_density is empty")
            }
            guard let t = try csv.number(time, in: row, name: "depletion_time_h", positive: true) else {
                throw TableFileError(path: path, line: row.line, reason: "depletion_time_h is empty")
            }
            rows.append((row.line, i, t))
            shape.append(RadiusTable.Row(line: row.line, currentDensity: i, radius: t))
        }
        try RadiusTable.checkShape(shape, path: path)
        return DepletionTable(path: path, rows: rows)
    }
}
