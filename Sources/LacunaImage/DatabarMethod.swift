/// How the height of the instrument's information bar was found. Raw values are the
/// `databar_method` strings of images.csv and `lacuna info`.
public enum DatabarMethod: String, Sendable, Codable, CaseIterable {
    /// From vendor metadata (FEI ResolutionY, Tescan ImageStripSize, JEOL $CM_FULL_SIZE…).
    case metadata
    /// From the pixels (rows dominated by one grey value at the bottom).
    case pixels
    /// Given by the user (`--databar N`).
    case manual
    /// No bar: none found, or `--databar none`.
    case none
}
