import Foundation
import LacunaIO

/// The case of an `ImageIOError` without its free-text detail, so a test can assert the exact
/// case (and format) while libpng/libjpeg/libtiff keep the wording of their messages.
enum ErrorCase: Equatable, CustomStringConvertible {
    case unreadableFile
    case emptyFile
    case unknownFormat
    case truncated(ImageFormat)
    case corrupt(ImageFormat)
    case unsupported(ImageFormat)
    case tooLarge
    case emptyImage
    case encodeFailed
    case pageOutOfRange

    var description: String {
        switch self {
        case .unreadableFile: "unreadableFile"
        case .emptyFile: "emptyFile"
        case .unknownFormat: "unknownFormat"
        case let .truncated(format): "truncated(.\(format))"
        case let .corrupt(format): "corrupt(.\(format))"
        case let .unsupported(format): "unsupported(.\(format))"
        case .tooLarge: "tooLarge"
        case .emptyImage: "emptyImage"
        case .encodeFailed: "encodeFailed"
        case .pageOutOfRange: "pageOutOfRange"
        }
    }
}

extension ImageIOError {
    /// This error's case, detail dropped.
    var errorCase: ErrorCase {
        switch self {
        case .unreadableFile: .unreadableFile
        case .emptyFile: .emptyFile
        case .unknownFormat: .unknownFormat
        case let .truncated(format, _): .truncated(format)
        case let .corrupt(format, _): .corrupt(format)
        case let .unsupported(format, _): .unsupported(format)
        case .tooLarge: .tooLarge
        case .emptyImage: .emptyImage
        case .encodeFailed: .encodeFailed
        case .pageOutOfRange: .pageOutOfRange
        }
    }
}

/// The case of the error that decoding `bytes` throws, or `nil` when it decodes.
func decodingErrorCase(_ bytes: [UInt8], decoder: ImageDecoder = ImageDecoder()) -> ErrorCase? {
    do {
        _ = try decoder.decode(Data(bytes))
        return nil
    } catch {
        return error.errorCase
    }
}
