import Foundation

extension TestSupport {
    /// Runs `body` with the path of a fresh, empty directory that is removed afterwards (also when
    /// `body` throws). Each call gets its own directory, so parallel tests never share files.
    public static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lacuna-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}
