import Foundation

/// The files of one benchmark fixture: a `lacuna synth` frame (data bar cut off) of one size and
/// depth, stored as PNG, JPEG (8-bit only) and Deflate TIFF in a fixtures folder, named
/// `<width>x<height>-<bits>.<extension>` (e.g. `4096x3072-8.png`).
public struct FixtureFiles: Sendable, Hashable {
    public var folder: String
    public var width: Int
    public var height: Int
    public var bits: Int

    public init(folder: String, width: Int, height: Int, bits: Int) {
        precondition(bits == 8 || bits == 16, "fixtures are 8- or 16-bit, got \(bits)")
        self.folder = folder
        self.width = width
        self.height = height
        self.bits = bits
    }

    /// `<width>x<height>-<bits>`, the stem of the fixture's files.
    public var name: String { "\(width)x\(height)-\(bits)" }

    public var png: String { path("png") }
    public var jpeg: String { path("jpg") }
    public var tiff: String { path("tif") }

    /// Whether the files the stages need are all there.
    public var exist: Bool {
        let needed = bits == 8 ? [png, jpeg, tiff] : [png, tiff]
        return needed.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    private func path(_ ext: String) -> String {
        (folder as NSString).appendingPathComponent("\(name).\(ext)")
    }

    /// Parses `WIDTHxHEIGHT` (e.g. `1024x768`); `nil` when malformed.
    public static func size(parsing text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
