import Foundation
import LacunaTestSupport
import Testing

/// Runs the built `lacuna` binary and reads what a batch wrote, for the batch-run tests.
enum LacunaProcess {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `lacuna arguments` to the end.
    static func run(_ arguments: [String]) throws -> Run {
        let process = try start(arguments)
        let stdout = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let stderr = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `lacuna arguments` with piped output, without waiting.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TestPaths.lacunaBinary))
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// The manifest of the bundled test images (8 images, 4 current densities).
    static var manifest: String { TestPaths.testImages.appendingPathComponent("li-stripping/manifest.csv").path }

    /// A bundled test image by file name.
    static func image(_ name: String) -> String {
        TestPaths.testImages.appendingPathComponent("li-stripping/\(name)").path
    }

    /// The files of a batch whose bytes must not depend on scheduling, resuming or sharding:
    /// tables, fit outputs, report, plots and overlays, relative to the folder.
    static func deterministicFiles(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = ["images.csv", "pores.csv", "fit.json", "conditions.csv", "report.html"]
        for name in names where FileManager.default.fileExists(atPath: folder + "/" + name) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        for sub in ["overlays", "plots"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub)) ?? []
            for name in names where !name.hasPrefix(".") {
                files[sub + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + sub + "/" + name))
            }
        }
        return files
    }

    /// run.json of `folder` as a dictionary.
    static func runLog(in folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The first column of each data row of images.csv.
    static func imageColumn(in folder: String) throws -> [String] {
        try String(contentsOfFile: folder + "/images.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
    }

    /// SHA-256 of a file by coreutils' `sha256sum`, independent of the code under test.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
