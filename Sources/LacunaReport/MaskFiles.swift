import Foundation
import LacunaImage
import LacunaIO

/// The files of `--save-masks`: per analysed frame an 8-bit pore mask PNG and a label TIFF that
/// Fiji/ImageJ opens with the image's calibration.
///
/// - `<name>.mask.png`: 0 framework, 255 pore (every pore in the tables, border pores included;
///   pores below the minimum area are framework).
/// - `<name>.labels.tif`: pore k of pores.csv has value k, 0 is framework; 16-bit unsigned, or
///   32-bit unsigned when there are more than 65535 pores; Deflate-compressed. Its
///   ImageDescription is ImageJ's header (`ImageJ=1.54f`, `unit=micron` when calibrated, `min`,
///   `max`) and XResolution/YResolution hold 1 / pixel size in pixels per µm, which is how
///   ImageJ stores a spatial calibration (ImageJ `ij/io/TiffEncoder.java`, `FileSaver
///   .getDescriptionString`). Without a calibration there is no unit and no resolution: ImageJ
///   shows pixels.
public enum MaskFiles {
    /// The ImageJ version the description claims; 1.54f reads every key written here.
    static let imageJVersion = "1.54f"

    /// ImageJ's ImageDescription for a label image whose largest label is `maxLabel`.
    public static func imageJDescription(calibrated: Bool, maxLabel: Int) -> String {
        var lines = ["ImageJ=\(imageJVersion)"]
        if calibrated { lines.append("unit=micron") }
        lines += ["min=0.0", "max=\(maxLabel).0"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 0/255 pore mask of `labels`.
    public static func mask<L: FixedWidthInteger & Sendable>(of labels: Image<L>) -> Image<UInt8> {
        labels.map { $0 != 0 ? 255 : 0 }
    }

    /// Writes `<base>.mask.png` and `<base>.labels.tif` into `folder`, each atomically.
    /// `labelCount` is the largest label in `labels`.
    public static func write(labels: LabelImage, labelCount: Int, calibration: Calibration, folder: String,
                             base: String) throws(AtomicFile.WriteError) {
        try write(labels: .wide(labels), labelCount: labelCount, calibration: calibration, folder: folder, base: base)
    }

    /// The same from labels stored either way (`Labels`): 16-bit labels are written as they are,
    /// with no 32-bit copy (at 8192², 384 MiB less than converting them twice).
    public static func write(labels: Labels, labelCount: Int, calibration: Calibration, folder: String,
                             base: String) throws(AtomicFile.WriteError) {
        let maskPath = (folder as NSString).appendingPathComponent(base + ".mask.png")
        let labelsPath = (folder as NSString).appendingPathComponent(base + ".labels.tif")
        let png: Data
        do {
            let poreMask = switch labels {
            case let .narrow(labels): mask(of: labels)
            case let .wide(labels): mask(of: labels)
            }
            png = try ImageEncoder.png(poreMask)
        } catch {
            throw AtomicFile.WriteError(path: maskPath, reason: error.message)
        }
        try AtomicFile.write(png, to: maskPath)
        var options = ImageEncoder.TIFFOptions()
        options.compression = .deflate
        options.description = imageJDescription(calibrated: calibration.pixelSize != nil, maxLabel: labelCount)
        if let size = calibration.pixelSize { options.resolution = (1 / size.x, 1 / size.y) }
        try AtomicFile.write(to: labelsPath) { temporary in
            do throws(ImageIOError) {
                switch labels {
                case let .narrow(labels):
                    try ImageEncoder.writeTIFF(.uint16(labels), to: temporary, options: options)
                case let .wide(labels) where labelCount > Int(UInt16.max):
                    try ImageEncoder.writeTIFF(labels.map { UInt32(clamping: $0) }, to: temporary, options: options)
                case let .wide(labels):
                    try ImageEncoder.writeTIFF(.uint16(labels.map { UInt16(clamping: $0) }), to: temporary, options: options)
                }
            } catch {
                throw EncodeFailure(message: error.message)
            }
        }
    }

    /// An encoder error as AtomicFile reports it (its description is the one-line message).
    private struct EncodeFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
