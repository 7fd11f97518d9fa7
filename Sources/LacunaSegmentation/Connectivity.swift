/// Pixel neighbourhoods in 2-D.
public enum Connectivity: Sendable, Codable {
    /// Edge neighbours only (N, S, E, W).
    case four
    /// Edge and corner neighbours; scikit-image's `label` default in 2-D and ImageJ's
    /// Analyze Particles wand (legacy mode).
    case eight
}
