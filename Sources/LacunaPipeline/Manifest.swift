import CSV
import Foundation
import LacunaIO

/// Errors in a manifest or table file; each names the file, line and column.
public struct TableFileError: Error, Equatable, Sendable {
    public var path: String
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var message: String {
        if let line { return "\(path) line \(line): \(reason)" }
        return "\(path): \(reason)"
    }
}

/// A CSV file with a header row, read with yaslab/CSV.swift (RFC 4180 quoting, UTF-8 with or
/// without BOM, LF or CRLF). Header names are matched case-insensitively after trimming.
struct HeaderedCSV {
    var path: String
    var columns: [String]
    /// Data rows with their 1-based line numbers (the header is line 1).
    var rows: [(line: Int, fields: [String])]

    init(path: String) throws(TableFileError) {
        try self.init(text: HeaderedCSV.readText(path: path), path: path)
    }

    /// The UTF-8 text of the file at `path`.
    static func readText(path: String) throws(TableFileError) -> String {
        do {
            return try FileBytes.readText(atPath: path)
        } catch {
            throw TableFileError(path: path, line: nil, reason: "cannot read: \(error.reason)")
        }
    }

    /// Parses `text`, the contents of the file at `path` (named in errors).
    init(text: String, path: String) throws(TableFileError) {
        self.path = path
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text,
                                   hasHeaderRow: true, trimFields: true)
        } catch {
            throw TableFileError(path: path, line: nil, reason: "not a CSV file (\(error))")
        }
        guard let header = reader.headerRow, !header.isEmpty, header != [""] else {
            throw TableFileError(path: path, line: nil, reason: "empty file, expected a header row")
        }
        columns = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [(Int, [String])] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            rows.append((line, fields))
        }
        if let error = reader.error {
            throw TableFileError(path: path, line: line + 1, reason: "malformed CSV (\(error))")
        }
        self.rows = rows
    }

    func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    func require(_ column: String) throws(TableFileError) -> Int {
        guard let i = index(of: column) else {
            throw TableFileError(path: path, line: 1, reason: "missing column '\(column)' (have: \(columns.joined(separator: ", ")))")
        }
        return i
    }

    /// The field of `column` in `fields`, or nil when the column is absent or the field empty.
    func field(_ column: Int?, in fields: [String]) -> String? {
        guard let column, column < fields.count else { return nil }
        let value = fields[column]
        return value.isEmpty ? nil : value
    }

    /// A pixel size in µm that passes `PixelSizeCheck` (1 pm – 1 mm), or nil when the field is empty.
    func pixelSize(_ column: Int?, in row: (line: Int, fields: [String])) throws(TableFileError) -> Double? {
        guard let value = try number(column, in: row, name: "pixel_size_um", positive: true) else { return nil }
        if let problem = PixelSizeCheck.problem(value) {
            throw TableFileError(path: path, line: row.line, reason: "pixel_size_um \(problem)")
        }
        return value
    }

    /// A finite number, optionally required to be positive.
    func number(_ column: Int?, in row: (line: Int, fields: [String]), name: String,
                positive: Bool) throws(TableFileError) -> Double? {
        guard let text = field(column, in: row.fields) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw TableFileError(path: path, line: row.line, reason: "\(name) '\(text)' is not a finite number")
        }
        if positive && value <= 0 {
            throw TableFileError(path: path, line: row.line, reason: "\(name) \(text) must be positive")
        }
        return value
    }
}

/// The manifest of an `analyze` run: a CSV with an `image` column (path relative to the
/// manifest's folder) and optional `current_density` (mA/cm²), `pixel_size_um` and `condition`.
public enum Manifest {
    public static func read(path: String) throws(TableFileError) -> [ImageInput] {
        try parse(HeaderedCSV.readText(path: path), path: path)
    }

    /// Parses manifest `text` read from `path`, which names it in errors and anchors relative
    /// image paths.
    public static func parse(_ text: String, path: String) throws(TableFileError) -> [ImageInput] {
        let csv = try HeaderedCSV(text: text, path: path)
        let image = try csv.require("image")
        let density = csv.index(of: "current_density")
        let pixel = csv.index(of: "pixel_size_um")
        let condition = csv.index(of: "condition")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var inputs: [ImageInput] = []
        for row in csv.rows {
            guard let name = csv.field(image, in: row.fields) else {
                throw TableFileError(path: path, line: row.line, reason: "empty 'image' field")
            }
            let resolved = name.hasPrefix("/") ? name : folder.appendingPathComponent(name).path
            inputs.append(ImageInput(
                path: resolved, name: name,
                currentDensity: try csv.number(density, in: row, name: "current_density", positive: false),
                condition: csv.field(condition, in: row.fields),
                pixelSize: try csv.pixelSize(pixel, in: row)))
        }
        if inputs.isEmpty { throw TableFileError(path: path, line: nil, reason: "no images listed") }
        return inputs
    }
}

/// The input of `lacuna fit`: a CSV with `current_density` (mA/cm²) and `radius_um`.
public enum FitTable {
    public static func read(path: String) throws(TableFileError) -> [(currentDensity: Double, radius: Double)] {
        try parse(HeaderedCSV.readText(path: path), path: path)
    }

    /// Parses table `text` read from `path` (named in errors).
    public static func parse(_ text: String, path: String) throws(TableFileError) -> [(currentDensity: Double, radius: Double)] {
        let csv = try HeaderedCSV(text: text, path: path)
        let density = try csv.require("current_density")
        let radius = try csv.require("radius_um")
        var points: [(Double, Double)] = []
        for row in csv.rows {
            guard let i = try csv.number(density, in: row, name: "current_density", positive: true),
                  let r = try csv.number(radius, in: row, name: "radius_um", positive: true) else {
                throw TableFileError(path: path, line: row.line, reason: "current_density and radius_um are required")
            }
            points.append((i, r))
        }
        return points
    }
}
