import LacunaIO

/// Why one image could not be analysed. Each has a one-line `message` for images.csv.
public enum AnalysisError: Error, Equatable, Sendable {
    /// Reading or decoding failed.
    case image(ImageIOError)
    /// The data bar leaves no rows to analyse.
    case noFrame(height: Int, databar: Int)
    /// The frame has a single grey level, so no threshold separates pores from framework.
    case uniformImage

    public var message: String {
        switch self {
        case let .image(error): error.message
        case let .noFrame(height, databar): "the \(databar)-row data bar leaves nothing of the \(height) rows to analyse"
        case .uniformImage: "the image has a single grey level; nothing to threshold"
        }
    }
}
