/// Which per-pore measurements an analysis makes (`--measure`).
///
/// Both sets segment the same pores (threshold, hole filling, split, minimum area) and give them
/// the same areas, radii, perimeters, centroids, boxes and cells; `basic` leaves out what only
/// describes the pores further, for batches where size and porosity are the question (large
/// mosaics, FIB-SEM stacks).
public enum MeasurementSet: String, Sendable, Equatable, CaseIterable {
    /// Everything: shape descriptors of every pore (ImageJ and scikit-image perimeters, hulls,
    /// ellipses, Feret, inscribed radius, local thickness), the threshold-sensitivity pass and
    /// the edge-blur estimate.
    case full
    /// Sizes, positions, perimeters (scikit-image convention), porosity and the cell network.
    /// The shape columns of pores.csv and the sensitivity columns of images.csv stay empty; the
    /// edge-blur columns are filled only with sub-pixel outlines (which compute the edge
    /// response anyway). `--radius` must be `equivalent`.
    case basic
}
