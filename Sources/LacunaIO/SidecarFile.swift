import Foundation

/// A metadata file next to an image with the same stem (`sample_01.tif` → `sample_01.txt`), as
/// JEOL (`.txt`), Hitachi (`.txt`) and Tescan (`.hdr`) write them.
struct SidecarFile {
    /// The sidecar's file name, for the record of where a value came from.
    var name: String
    var bytes: [UInt8]

    /// Largest sidecar read; real ones are a few kB.
    static let byteLimit = 1 << 20

    /// The first of `<stem>.<extension>` (in the order given) that exists, is not the image
    /// itself and holds at most `byteLimit` bytes.
    static func find(forImageAt path: String, extensions: [String]) -> SidecarFile? {
        let image = URL(fileURLWithPath: path)
        let stem = image.deletingPathExtension()
        for pathExtension in extensions {
            let candidate = stem.appendingPathExtension(pathExtension)
            guard candidate.path != image.path,
                  let attributes = try? FileManager.default.attributesOfItem(atPath: candidate.path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = attributes[.size] as? Int, size <= byteLimit,
                  let data = try? FileBytes.read(atPath: candidate.path) else { continue }
            return SidecarFile(name: candidate.lastPathComponent, bytes: Array(data))
        }
        return nil
    }
}
