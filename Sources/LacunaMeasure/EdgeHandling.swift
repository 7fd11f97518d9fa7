/// How pores cut by the frame edge enter the per-image statistics (`--edge`).
public enum EdgeHandling: String, Sendable, Equatable, CaseIterable {
    /// Only pores that do not touch the edge, each counted once (default; biased towards small
    /// pores, since large ones touch the edge more often).
    case exclude
    /// Interior pores with Miles–Lantuéjoul weights (`milesLantuejoulWeight`), which removes
    /// that bias.
    case weight
    /// Every pore, the cut ones at their visible (too small) size.
    case include
}

/// The Miles–Lantuéjoul weight of an interior pore: the frame area over the area of the
/// positions at which the pore's bounding box would lie inside the frame without touching its
/// edge (R. E. Miles 1974, "On the elimination of edge effects in planar sampling", in
/// Stochastic Geometry, Wiley, 228–247; C. Lantuéjoul 1980, "On the estimation of mean values in
/// individual analysis of particles", Microscopica Acta 5:266–273). With a frame of W × H pixels
/// and a box of w × h pixels that must stay off the first and last row and column, there are
/// (W − w − 1)·(H − h − 1) such positions, so the weight is W·H / ((W − w − 1)(H − h − 1)).
/// Weighted sums over interior pores estimate the sums over all pores whose reference point
/// falls in the frame. `nil` when no interior position exists.
public func milesLantuejoulWeight(boxWidth: Int, boxHeight: Int, frameWidth: Int, frameHeight: Int) -> Double? {
    let positions = (frameWidth - boxWidth - 1) * (frameHeight - boxHeight - 1)
    guard frameWidth - boxWidth - 1 > 0, frameHeight - boxHeight - 1 > 0 else { return nil }
    return Double(frameWidth) * Double(frameHeight) / Double(positions)
}
