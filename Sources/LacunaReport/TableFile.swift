import CSV
import Foundation
import LacunaIO

/// A CSV output table read back by header name (yaslab/CSV.swift; RFC 4180, UTF-8), so the
/// report works from the files alone and tolerates columns added later.
public struct TableFile: Sendable {
    /// The file read.
    public var path: String
    /// Header names as written.
    public var columns: [String]
    /// Data rows; each has one field per column (short rows are padded with empty fields).
    public var rows: [[String]]

    public init(path: String, columns: [String], rows: [[String]]) {
        self.path = path
        self.columns = columns
        self.rows = rows.map { $0.count < columns.count ? $0 + Array(repeating: "", count: columns.count - $0.count) : $0 }
    }

    /// The table `path` holds after `table.encoded()` was written there, without reading it
    /// back: the header and the rows as `parse` returns them from that encoding (which skips
    /// rows whose fields are all empty).
    public init(path: String, written table: CSVTable) {
        self.init(path: path, columns: table.header, rows: table.rows.filter { !$0.allSatisfy(\.isEmpty) })
    }

    /// Reads `path`; `nil` when the file does not exist.
    ///
    /// - Throws: ``ReportError/unreadable(path:reason:)`` for a file that is not a CSV table.
    public static func read(_ path: String) throws(ReportError) -> TableFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try FileBytes.readText(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        return try parse(text, path: path)
    }

    /// Parses CSV text with a header row.
    public static func parse(_ text: String, path: String) throws(ReportError) -> TableFile {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .unreadable(path: path, reason: "not a CSV table (\(error))")
        }
        guard let header = reader.headerRow, !header.isEmpty, header != [""] else {
            throw .unreadable(path: path, reason: "no header row")
        }
        var rows: [[String]] = []
        while let fields = reader.next() {
            if fields.allSatisfy(\.isEmpty) { continue }
            rows.append(fields)
        }
        if let error = reader.error { throw .unreadable(path: path, reason: "malformed CSV (\(error))") }
        return TableFile(path: path, columns: header, rows: rows)
    }

    /// The position of `column`, or `nil`.
    public func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// The position of `column`.
    ///
    /// - Throws: ``ReportError/missingColumn(path:column:)``.
    public func require(_ column: String) throws(ReportError) -> Int {
        guard let i = index(of: column) else { throw .missingColumn(path: path, column: column) }
        return i
    }

    /// The non-empty field of `column` in `row`, or `nil`.
    public func field(_ column: String, in row: [String]) -> String? {
        guard let i = index(of: column), i < row.count, !row[i].isEmpty else { return nil }
        return row[i]
    }

    /// The field of `column` in `row` as a finite number, or `nil`.
    public func number(_ column: String, in row: [String]) -> Double? {
        field(column, in: row).flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
    }
}
