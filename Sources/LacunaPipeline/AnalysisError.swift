import LacunaIO
import LacunaSegmentation

/// Why one image could not be analysed. Each has a one-line `message` for images.csv.
public enum AnalysisError: Error, Equatable, Sendable {
    /// Reading or decoding failed.
    case image(ImageIOError)
    /// The data bar leaves no rows to analyse.
    case noFrame(height: Int, databar: Int)
    /// The frame has a single grey level, so no threshold separates pores from framework.
    case uniformImage
    /// The chosen threshold has no answer on this image (Minimum/Intermodes without two
    /// modes, a manual level above the depth, Huang on too fine a histogram).
    case threshold(ThresholdError)
    /// The region of interest does not lie inside the analysed frame.
    case regionOutsideFrame(x: Int, y: Int, width: Int, height: Int, frameWidth: Int, frameHeight: Int)

    public var message: String {
        switch self {
        case let .image(error): error.message
        case let .noFrame(height, databar): "the \(databar)-row data bar leaves nothing of the \(height) rows to analyse"
        case .uniformImage: "the image has a single grey level; nothing to threshold"
        case let .threshold(error): error.message
        case let .regionOutsideFrame(x, y, w, h, fw, fh):
            "region \(x),\(y),\(w),\(h) does not fit in the \(fw)×\(fh) frame"
        }
    }
}
