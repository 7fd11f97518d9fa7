import LacunaFit
import LacunaReport

/// The input of `lacuna fit`: a CSV with `current_density` (mA/cm², > 0) and `radius_um`
/// (µm, > 0), and optionally `radius_se_um` (µm, > 0), `n` (pores behind the mean, ≥ 1) and
/// `current_density_se` (mA/cm², ≥ 0).
///
/// Rows with the same current density are the images (replicates) of one condition: the
/// condition's radius is their mean and its SE comes from their spread, its `n` is their sum
/// and its `current_density_se` their mean; a condition of one row takes that row's values.
/// Every problem names the file and line.
public struct RadiusTable: Sendable {
    /// One data row.
    public struct Row: Sendable, Equatable {
        /// 1-based line in the file (the header is line 1).
        public var line: Int
        public var currentDensity: Double
        public var radius: Double
        public var radiusStandardError: Double?
        public var count: Int?
        public var currentDensityStandardError: Double?
    }

    /// Fewest rows accepted: a line with one residual degree of freedom.
    public static let minimumRowCount = 3
    /// The largest pore count `n` a row may give (far beyond any image, far below `Int.max`).
    public static let maximumPoreCount = 1e12

    public var path: String
    public var rows: [Row]

    /// Reads and checks the table.
    ///
    /// - Throws: `TableFileError` naming the line: a missing column, an empty, non-numeric or
    ///   out-of-range field, fewer than three rows, or a single current density in every row.
    public static func read(path: String) throws(TableFileError) -> RadiusTable {
        try parse(HeaderedCSV.readText(path: path), path: path)
    }

    /// Parses and checks table `text` read from `path` (named in errors), as `read(path:)` does.
    public static func parse(_ text: String, path: String) throws(TableFileError) -> RadiusTable {
        let csv = try HeaderedCSV(text: text, path: path)
        let density = try csv.require("current_density")
        let radius = try csv.require("radius_um")
        let radiusError = csv.index(of: "radius_se_um")
        let count = csv.index(of: "n")
        let densityError = csv.index(of: "current_density_se")
        var rows: [Row] = []
        for row in csv.rows {
            guard let i = try csv.number(density, in: row, name: "current_density", positive: true) else {
                throw TableFileError(path: path, line: row.line, reason: "current_density is empty")
            }
            guard let r = try csv.number(radius, in: row, name: "radius_um", positive: true) else {
                throw TableFileError(path: path, line: row.line, reason: "radius_um is empty")
            }
            let se = try csv.number(radiusError, in: row, name: "radius_se_um", positive: true)
            let n = try csv.number(count, in: row, name: "n", positive: true)
            if let n, n != n.rounded() {
                throw TableFileError(path: path, line: row.line, reason: "n \(NumberFormat.significant(n)) must be a whole number of pores")
            }
            // Counts are summed per condition as Int: a bound keeps the sum from overflowing (fuzzing found the trap).
            if let n, n > RadiusTable.maximumPoreCount {
                throw TableFileError(path: path, line: row.line,
                                     reason: "n \(NumberFormat.significant(n)) is more than \(NumberFormat.significant(RadiusTable.maximumPoreCount)) pores")
            }
            let iError = try csv.number(densityError, in: row, name: "current_density_se", positive: false)
            if let iError, iError < 0 {
                throw TableFileError(path: path, line: row.line, reason: "current_density_se \(NumberFormat.significant(iError)) must not be negative")
            }
            rows.append(Row(line: row.line, currentDensity: i, radius: r, radiusStandardError: se,
                            count: n.map { Int($0) }, currentDensityStandardError: iError))
        }
        try checkShape(rows, path: path)
        return RadiusTable(path: path, rows: rows)
    }

    /// The table-level checks: enough rows, more than one current density.
    static func checkShape(_ rows: [Row], path: String) throws(TableFileError) {
        guard rows.count >= minimumRowCount else {
            let lines = rows.isEmpty ? "no data rows" : "\(rows.count) data row\(rows.count == 1 ? "" : "s") (\(lineSpan(rows)))"
            throw TableFileError(path: path, line: rows.last?.line,
                                 reason: "\(lines); the fit needs at least \(minimumRowCount)")
        }
        let first = rows[0].currentDensity
        if rows.allSatisfy({ $0.currentDensity == first }) {
            throw TableFileError(path: path, line: rows.last?.line,
                                 reason: "every row (\(lineSpan(rows))) has current_density \(NumberFormat.significant(first)); "
                                    + "the fit needs at least two different current densities")
        }
    }

    static func lineSpan(_ rows: [Row]) -> String {
        guard let first = rows.first?.line, let last = rows.last?.line else { return "" }
        return first == last ? "line \(first)" : "lines \(first)–\(last)"
    }

    /// The rows as fit points, in file order.
    public var points: [FitReport.Point] {
        rows.map { FitReport.Point(image: nil, currentDensity: $0.currentDensity, radiusMicrometres: $0.radius) }
    }

    /// The conditions (ascending current density) and, aligned with them, the rows as
    /// single-value images for the bootstrap.
    public func conditions() throws(FitError) -> (conditions: [FitReport.Condition], samples: [ConditionSample]) {
        var groups: [Double: [Row]] = [:]
        for row in rows { groups[row.currentDensity, default: []].append(row) }
        var conditions: [FitReport.Condition] = []
        var samples: [ConditionSample] = []
        for density in groups.keys.sorted() {
            let group = groups[density] ?? []
            let densityErrors = group.compactMap(\.currentDensityStandardError)
            let densityError = densityErrors.count == group.count
                ? densityErrors.reduce(0, +) / Double(densityErrors.count) : nil
            let counts = group.compactMap(\.count)
            let poreCount = counts.count == group.count ? counts.reduce(0, +) : nil
            let sample = ConditionSample(currentDensity: density, currentDensityStandardError: densityError,
                                         images: group.map { [$0.radius] })
            var estimate: ConditionEstimate
            if group.count == 1 {
                estimate = ConditionEstimate(
                    currentDensity: density, currentDensityStandardError: densityError, meanRadius: group[0].radius,
                    radiusStandardError: group[0].radiusStandardError, imageCount: 1, poreCount: poreCount)
            } else {
                estimate = try sample.estimate()
                estimate.poreCount = poreCount
            }
            conditions.append(FitReport.Condition(estimate: estimate))
            samples.append(sample)
        }
        return (conditions, samples)
    }
}
