import Foundation

/// The outputs of an `analyze` (or `merge`) folder as the report reads them back: the tables,
/// fit.json and run.json. Only images.csv is required; every other file may be absent.
public struct ReportFolder: Sendable {
    /// The folder.
    public var path: String
    public var images: TableFile
    public var pores: TableFile?
    /// cells.csv, when the run wrote one.
    public var cells: TableFile?
    public var conditions: TableFile?
    /// fit.json, parsed.
    var fit: [String: JSONValue]?
    /// run.json, parsed.
    var run: [String: JSONValue]?

    /// Reads the folder's files; images.csv, pores.csv and cells.csv are taken from `written`
    /// instead when the caller has just written them from those tables (parsing back 36 MB of
    /// tables took 1.7 s of a 32-image batch's serial tail).
    ///
    /// - Throws: ``ReportError`` when images.csv is missing or a present file cannot be read.
    public init(path: String, written: WrittenTables? = nil) throws(ReportError) {
        self.path = path
        let file = { (name: String) in (path as NSString).appendingPathComponent(name) }
        let images: TableFile
        if let written {
            images = TableFile(path: file("images.csv"), written: written.images)
        } else {
            guard let read = try TableFile.read(file("images.csv")) else { throw .missingFile(path: file("images.csv")) }
            images = read
        }
        _ = try images.require("image")
        _ = try images.require("status")
        self.images = images
        if let written {
            pores = TableFile(path: file("pores.csv"), written: written.pores)
            cells = TableFile(path: file("cells.csv"), written: written.cells)
        } else {
            pores = try TableFile.read(file("pores.csv"))
            cells = try TableFile.read(file("cells.csv"))
        }
        conditions = try TableFile.read(file("conditions.csv"))
        fit = try Self.readJSON(file("fit.json"))
        run = try Self.readJSON(file("run.json"))
    }

    /// A JSON object file, `nil` when absent.
    static func readJSON(_ path: String) throws(ReportError) -> [String: JSONValue]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard case let .object(object)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .unreadable(path: path, reason: "not a JSON object")
        }
        return object
    }

    /// The condition key of each images.csv row: its `current_density` field ("" when none).
    public func conditionKeys() -> [String] {
        images.rows.map { images.field("current_density", in: $0) ?? "" }
    }
}

/// images.csv, pores.csv and cells.csv as a run has just written them (`CSVTable.encoded()`).
public struct WrittenTables: Sendable {
    public var images: CSVTable
    public var pores: CSVTable
    public var cells: CSVTable

    public init(images: CSVTable, pores: CSVTable, cells: CSVTable) {
        self.images = images
        self.pores = pores
        self.cells = cells
    }
}
