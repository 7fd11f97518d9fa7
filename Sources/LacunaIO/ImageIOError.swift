/// Data errors of the I/O layer. Each has a one-line `message` for the user.
public enum ImageIOError: Error, Equatable, Sendable {
    /// The file could not be read from disk.
    case unreadableFile(path: String, reason: String)
    /// The file is empty.
    case emptyFile
    /// The first bytes match no supported format.
    case unknownFormat
    /// The file ends before the image does.
    case truncated(ImageFormat, detail: String)
    /// The file is damaged (bad CRC, invalid marker, inconsistent header…).
    case corrupt(ImageFormat, detail: String)
    /// A valid file with a layout Lacuna does not read (CMYK JPEG, float TIFF…).
    case unsupported(ImageFormat, detail: String)
    /// The declared dimensions exceed the pixel limit; checked before any raster is allocated.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// The image has no pixels.
    case emptyImage(width: Int, height: Int)
    /// Encoding or writing an output image failed.
    case encodeFailed(detail: String)
    /// The requested page (0-based) is not in the file, which has `pages` pages.
    case pageOutOfRange(page: Int, pages: Int)

    /// A one-line description for users.
    public var message: String {
        switch self {
        case let .unreadableFile(path, reason): "cannot read \(path): \(reason)"
        case .emptyFile: "the file is empty"
        case .unknownFormat: "not a PNG, JPEG or TIFF file (unrecognised magic bytes)"
        case let .truncated(format, detail): "truncated \(format.rawValue.uppercased()) file: \(detail)"
        case let .corrupt(format, detail): "corrupt \(format.rawValue.uppercased()) file: \(detail)"
        case let .unsupported(format, detail): "unsupported \(format.rawValue.uppercased()) layout: \(detail)"
        case let .tooLarge(width, height, limit):
            "image of \(width)×\(height) pixels exceeds the limit of \(limit) pixels"
        case let .emptyImage(width, height): "image has no pixels (\(width)×\(height))"
        case let .encodeFailed(detail): "cannot encode image: \(detail)"
        case let .pageOutOfRange(page, pages):
            "page \(page) requested, but the file has \(pages) page\(pages == 1 ? "" : "s") (numbered from 0)"
        }
    }
}
