import Foundation

/// Locations tests need: the package root, ../shared/realdata, the built `lacuna`, scratch folders.
public enum TestPaths {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/realdata/<relative>` when that file exists (it is absent outside the team's
    /// machines and CI; tests using it skip then).
    public static func sharedRealData(_ relative: String) -> String? {
        let path = packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/realdata").appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The bundled TestImages folder.
    public static var testImages: URL { packageRoot.appendingPathComponent("TestImages") }

    /// The `lacuna` executable built beside the test bundle.
    public static var lacunaBinary: String? {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("lacuna").path,
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lacuna").path]
        for config in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(config)/lacuna").path)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new empty folder under the system's temporary directory.
    public static func makeScratchFolder(_ label: String = "lacuna-test") -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
