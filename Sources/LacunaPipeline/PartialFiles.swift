import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files that `AtomicFile` leaves behind when a run is killed between writing and
/// renaming (`.<name>.partial-<pid>`). A new run into the same folder removes those whose
/// writing process no longer exists, so an interrupted run leaves no litter after `--resume`.
enum PartialFiles {
    /// Removes abandoned partial files directly inside each of `folders`.
    static func removeAbandoned(in folders: [String]) {
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.hasPrefix(".") {
                guard let marker = name.range(of: ".partial-", options: .backwards),
                      let pid = Int32(name[marker.upperBound...]), !isRunning(pid) else { continue }
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Whether a process with this id exists (signal 0 checks without sending anything).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
