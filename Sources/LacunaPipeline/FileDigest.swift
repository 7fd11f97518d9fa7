import Crypto
import Foundation

/// The size and SHA-256 (FIPS 180-4) of a file, read in 1 MiB chunks with apple/swift-crypto;
/// O(file size) time, O(1) memory.
public struct FileDigest: Sendable, Equatable, Codable {
    /// Size in bytes.
    public var size: Int
    /// SHA-256 as 64 lower-case hex digits.
    public var sha256: String

    public init(size: Int, sha256: String) {
        self.size = size
        self.sha256 = sha256
    }

    /// The digest of the file at `path`, or `nil` when it cannot be read (missing, a folder, no
    /// permission): such an input then fails in the analysis with its own reason.
    public static func of(fileAt path: String) -> FileDigest? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        do {
            // `read(upToCount:)` returns nil or empty data at the end of the file; it throws on
            // a read error (a folder opened as a file, an I/O error).
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += chunk.count
            }
        } catch {
            return nil
        }
        return FileDigest(size: size, sha256: hex(hasher.finalize()))
    }

    /// SHA-256 of `data` as hex.
    public static func sha256(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex<D: Sequence<UInt8>>(_ digest: D) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
