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

    /// Reads the folder's files.
    ///
    /// - Throws: ``ReportError`` when images.csv is missing or a present file cannot be read.
    public init(path: String) throws(ReportError) {
        self.path = path
        let file = { (name: String) in (path as NSString).appendingPathComponent(name) }
        guard let images = try TableFile.read(file("images.csv")) else { throw .missingFile(path: file("images.csv")) }
        _ = try images.require("image")
        _ = try images.require("status")
        self.images = images
        pores = try TableFile.read(file("pores.csv"))
        cells = try TableFile.read(file("cells.csv"))
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
