/// How a pore's outline — and so its area and equivalent radius — is located (`--boundary`).
public enum BoundaryMethod: String, Sendable, Equatable, CaseIterable {
    /// The thresholded pixels: area = pixel count. Blur moves a global threshold's contour
    /// inwards on curved edges (a disc of radius R blurred by σ keeps π(R² − σ²) inside its
    /// mid-level contour) and the SEM edge rim lifts the wall side of the edge, so small pores
    /// read small.
    case pixels
    /// The sub-pixel outline on the image itself: zero crossings of the PLUS edge operator
    /// (Verbeek & van Vliet 1994) along rays from each pore's centroid, integrated as a polygon
    /// (`subpixelBoundaryAreas`); docs/methods.md.
    case subpixel
}
