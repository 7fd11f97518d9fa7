import Foundation

/// The one file the path-based readers (manifest, fit table) see: rewritten for every input, in
/// /dev/shm when the machine has it so that fuzzing does not wear the disk.
enum ScratchFile {
    static let folder: String = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()

    /// Writes `bytes` to `lacuna-fuzz-<pid>.<suffix>` and returns its path.
    static func write(_ bytes: [UInt8], suffix: String) -> String {
        let path = "\(folder)/lacuna-fuzz-\(getpid()).\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
