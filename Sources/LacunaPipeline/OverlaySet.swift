/// Which overlay images an analysis writes (`--overlays`).
public enum OverlaySet: String, Sendable, Equatable, CaseIterable {
    /// The pore overlay and, when the cell network is analysed, the cell overlay
    /// (`<name>.cells.png`).
    case all
    /// The pore overlay only: the cell network's tables are written, its overlay (an RGB frame
    /// rendered and compressed, about as large as the pore overlay) is not.
    case pores
}
