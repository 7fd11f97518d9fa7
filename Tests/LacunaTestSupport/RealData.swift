import Foundation

extension TestSupport {
    /// The shared folder of real third-party micrographs, `<package root>/../shared/realdata`,
    /// found from this source file's location (`Tests/LacunaTestSupport/` is two levels below the
    /// package root), or `nil` when it is not on this machine.
    public static let realDataDirectory: String? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // LacunaTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        let directory = packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/realdata", isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return nil }
        return directory.path
    }()

    /// The path of `relativePath` inside the real-data folder, or `nil` when the folder or the file
    /// is absent (so a test can skip with `.enabled(if:)` or return early).
    public static func realData(_ relativePath: String) -> String? {
        guard let directory = realDataDirectory else { return nil }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(relativePath).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}

/// Shorthand for `TestSupport.realData(_:)`.
public func realData(_ relativePath: String) -> String? {
    TestSupport.realData(relativePath)
}
