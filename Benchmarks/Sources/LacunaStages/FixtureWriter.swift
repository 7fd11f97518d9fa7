import Foundation
import LacunaImage
import LacunaIO

/// Turns a `lacuna synth` TIFF into a benchmark fixture: the frame above the appended data bar,
/// written as PNG (zlib level 6), JPEG (quality 95, 8-bit only) and Deflate TIFF, so that every
/// tool in the comparison reads the same pixels from the same files.
public enum FixtureWriter {
    /// Reads `synthTIFF`, keeps its first `files.height` rows and writes the fixture's files.
    /// - Throws: `ImageIOError` when the TIFF cannot be read or a file cannot be written.
    public static func write(fromSynth synthTIFF: String, to files: FixtureFiles) throws(ImageIOError) {
        let raster = try ImageDecoder().decodeFile(atPath: synthTIFF).raster
        precondition(raster.width == files.width && raster.height >= files.height,
                     "synth frame \(raster.width)×\(raster.height) does not hold \(files.name)")
        let frame = raster.cropping(rows: 0 ..< files.height).luminance()
        var deflate = ImageEncoder.TIFFOptions()
        deflate.compression = .deflate
        switch frame {
        case let .uint8(grey):
            try save(ImageEncoder.png(grey), to: files.png)
            try save(ImageEncoder.jpeg(grey, quality: 95), to: files.jpeg)
        case let .uint16(grey):
            try save(ImageEncoder.png(grey), to: files.png)
        case .float32:
            preconditionFailure("synth wrote a floating-point TIFF: \(synthTIFF)")
        }
        try ImageEncoder.writeTIFF(frame, to: files.tiff, options: deflate)
    }

    private static func save(_ data: Data, to path: String) throws(ImageIOError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .encodeFailed(detail: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
