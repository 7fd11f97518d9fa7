/// Which radius a pore's size is reported as (`--radius`); the definitions differ by −14 % to
/// +12 % on polygons and by 2× on a 2:1 ellipse (../shared/reference/anchors.md §4.4).
public enum RadiusDefinition: String, Sendable, Equatable, CaseIterable {
    /// √(area/π), the radius of the circle of equal area (default).
    case equivalent
    /// The largest inscribed disk: maximum Euclidean distance to the background.
    case inscribed
    /// Half of ImageJ's maximum Feret diameter (pixel-corner hull).
    case feret
    /// Half of ImageJ's minimum Feret (caliper) width.
    case minFeret = "min-feret"
    /// Mean local-thickness radius over the pore's pixels (PoreSpy convention).
    case localThickness = "local-thickness"

    /// The radius of `pore` in pixels, or `nil` when the definition needs shape descriptors and
    /// the pore has none.
    public func radiusPixels(of pore: RegionProperties) -> Double? {
        switch self {
        case .equivalent: return pore.equivalentRadius
        case .inscribed: return pore.shape?.inscribedRadius
        case .feret: return pore.shape.map { $0.feret / 2 }
        case .minFeret: return pore.shape.map { $0.minFeret / 2 }
        case .localThickness: return pore.shape?.localThicknessRadius
        }
    }
}
