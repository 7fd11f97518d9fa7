import LacunaIO
import LacunaReport
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
    /// The region-of-interest mask cannot be read or decoded.
    case regionMaskUnreadable(path: String, reason: String)
    /// The region-of-interest mask's size differs from the frame's (data bar cut off).
    case regionMaskSize(path: String, width: Int, height: Int, frameWidth: Int, frameHeight: Int)
    /// The region-of-interest and automatic masks leave no pixel to analyse.
    case nothingToAnalyse
    /// The input's time limit (`--timeout-per-image`, `Deadline`) ran out before `stage`.
    case timedOut(seconds: Double, stage: String)

    public var message: String {
        switch self {
        case let .image(error): error.message
        case let .noFrame(height, databar): "the \(databar)-row data bar leaves nothing of the \(height) rows to analyse"
        case .uniformImage: "the image has a single grey level; nothing to threshold"
        case let .threshold(error): error.message
        case let .regionOutsideFrame(x, y, w, h, fw, fh):
            "region \(x),\(y),\(w),\(h) does not fit in the \(fw)×\(fh) frame"
        case let .regionMaskUnreadable(path, reason): "ROI mask \(path) cannot be read: \(reason)"
        case let .regionMaskSize(path, w, h, fw, fh):
            "ROI mask \(path) is \(w)×\(h) px but the frame (data bar cut off) is \(fw)×\(fh) px"
        case .nothingToAnalyse: "the region-of-interest mask leaves no pixel to analyse"
        case let .timedOut(seconds, stage):
            "stopped at the \(NumberFormat.significant(seconds)) s --timeout-per-image limit (before \(stage))"
        }
    }
}
