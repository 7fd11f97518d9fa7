import Foundation
import LacunaPipeline

/// Who made a run, for run.json: the version, and the git commit of the source checkout the
/// executable was built in.
///
/// SwiftPM offers no build-time hook to bake the commit into the binary, so it is read at run
/// time: from the executable's folder upwards, the first folder holding both `Package.swift`
/// and `.git` is taken as the checkout (`swift build` puts the binary in `<checkout>/.build/…`),
/// and `git rev-parse HEAD` is asked there. An installed copy outside a checkout, or a machine
/// without git, records no commit and says why. The commit is that of the checkout now, which
/// differs from the build's if the checkout moved on since.
enum Provenance {
    static let version = "0.1.0"

    static var tool: RunLog.Tool {
        let executable = executablePath().flatMap { FileDigest.of(fileAt: $0)?.sha256 }
        guard let checkout = checkoutFolder() else {
            return RunLog.Tool(version: version, gitCommit: nil,
                               gitCommitNote: "the executable is not inside a source checkout",
                               executableSha256: executable)
        }
        guard let commit = gitHead(in: checkout) else {
            return RunLog.Tool(version: version, gitCommit: nil,
                               gitCommitNote: "git rev-parse HEAD failed in \(checkout)", executableSha256: executable)
        }
        return RunLog.Tool(version: version, gitCommit: commit,
                           gitCommitNote: "read at run time from the checkout \(checkout)", executableSha256: executable)
    }

    /// The running executable's path (symlinks resolved).
    static func executablePath() -> String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    /// The nearest folder above the executable with `Package.swift` and `.git`.
    static func checkoutFolder() -> String? {
        guard let executable = executablePath() else { return nil }
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            let manager = FileManager.default
            if manager.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: url.appendingPathComponent(".git").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// `git rev-parse HEAD` in `folder`, or `nil`.
    static func gitHead(in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "rev-parse", "HEAD"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, text.count == 40 || text.count == 64 else { return nil }
        return text
    }
}
