import LacunaMeasure
import LacunaNetwork

/// One input of a run as the reports see it: its name, its condition, and what came of it.
public struct ImageRecord: Sendable, Equatable {
    /// What happened to an input.
    public enum Outcome: Sendable, Equatable {
        case measured(ImageMeasurement)
        /// The one-line reason the image could not be analysed.
        case failed(String)
    }

    /// The image path as the user gave it (on the command line or in the manifest).
    public var image: String
    /// Current density in mA/cm², when the manifest gives one.
    public var currentDensity: Double?
    /// The result.
    public var outcome: Outcome
    /// The page of a multi-page file (TIFF directory), counted from 1; 1 for single-page files.
    public var page: Int
    /// The cell network, when it was analysed (`--cells` other than `none`).
    public var network: NetworkSummary?

    public init(image: String, currentDensity: Double?, outcome: Outcome, page: Int = 1,
                network: NetworkSummary? = nil) {
        self.image = image
        self.currentDensity = currentDensity
        self.outcome = outcome
        self.page = page
        self.network = network
    }

    /// The measurement, when the image was analysed.
    public var measurement: ImageMeasurement? {
        if case let .measured(m) = outcome { return m }
        return nil
    }
}
