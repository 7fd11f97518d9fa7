import Foundation

/// Whole-file reads of user files (manifests, tables, configs, sidecars, fit.json) through
/// `FileHandle`. Foundation's `Data(contentsOf:)`, `String(contentsOfFile:)` and
/// `FileManager.contents(atPath:)` (swift-foundation 6.3 on Linux) leak a 4 KB buffer for every
/// empty file they read, which LeakSanitizer reports (docs/reliability.md); these do not.
public enum FileBytes {
    /// Why a text file could not be read.
    public struct ReadError: Error, Equatable, Sendable {
        /// A one-line reason, e.g. "no such file" or "not UTF-8 text".
        public var reason: String
    }

    /// The bytes of the regular file at `path`.
    public static func read(atPath path: String) throws(ReadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(reason: "no such file")
        }
        if isDirectory.boolValue { throw ReadError(reason: "is a directory") }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ReadError(reason: (error as NSError).localizedDescription)
        }
    }

    /// The file at `path` as UTF-8 text (invalid UTF-8 is an error, not replaced).
    public static func readText(atPath path: String) throws(ReadError) -> String {
        let data = try read(atPath: path)
        guard let text = String(validating: data, as: UTF8.self) else { throw ReadError(reason: "not UTF-8 text") }
        return text
    }
}
