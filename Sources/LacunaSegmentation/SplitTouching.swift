import LacunaImage

/// Splits touching pores: a marker-controlled watershed of the pore mask on its negated
/// Euclidean distance map, with one marker per distance maximum of dynamic > `tolerance` px.
///
/// Two discs of radius r joined by a neck of half-width n give two distance maxima of dynamic
/// r − n: they are split when r − n > `tolerance`. A convex pore's distance map is concave and
/// has a single maximum (up to pixel rounding, below 1 px), so convex pores are never cut —
/// with the default tolerance 1 px. This is ImageJ's Binary ▸ Watershed (ultimate eroded points
/// with a tolerance of 0.5) and Avizo's H-maxima watershed; the distance is exact
/// (`euclideanDistanceTransform`, Felzenszwalb & Huttenlocher 2012), the markers
/// h-maxima markers (Soille 2003), the flooding a watershed (Meyer 1991); see
/// `splittingAtDistanceMaxima` for how, in linear time.
///
/// - Parameters:
///   - mask: pores (true), not modified.
///   - tolerance: a distance maximum starts its own pore when its dynamic exceeds this, in px (≥ 0).
/// - Returns: the pores as labelled components (8-connected), numbered in row-major order of
///   their first pixel; a pore without a marker keeps one label for its component.
/// - Complexity: O(N·α(N)) for N pixels, plus a counting sort over the squared distances.
public func splittingTouchingPores(_ mask: Mask, tolerance: Double) -> Components {
    splittingTouchingPores(mask, tolerance: tolerance, recordingDistances: false).components
}

/// `splittingTouchingPores(_:tolerance:)`, and with `recordingDistances` the deepest squared
/// distance and the local-thickness sum of every pore left whole (`WholePoreDistances`), taken
/// from the distance map the split computes anyway. That adds
/// O(Σ over ridge pixels of the radius) per whole pore, the cost of `localThicknessSum`.
/// The components are split side by side on up to `threads` threads, with the same result for
/// any number. The mask is handed over: once labelled it is let go (when the caller passed
/// its only reference), so it is not held beside the labels while they are split.
public func splittingTouchingPores(_ mask: consuming Mask, tolerance: Double, recordingDistances: Bool,
                                   threads: Int = 1) -> (components: Components, distances: WholePoreDistances) {
    precondition(tolerance >= 0 && tolerance.isFinite, "tolerance must be finite and ≥ 0, got \(tolerance)")
    return splittingAtDistanceMaxima(consume mask, h: tolerance, recordingDistances: recordingDistances, threads: threads)
}
