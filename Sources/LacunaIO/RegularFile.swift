#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which paths Lacuna reads as image files: regular files only, after following symbolic links.
/// A FIFO blocks on open until something writes to it and a device such as /dev/zero never ends,
/// so either would stall a batch or exhaust memory.
public enum RegularFile {
    /// Whether `path` names a regular file (following symbolic links).
    public static func exists(atPath path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFREG
    }
}
