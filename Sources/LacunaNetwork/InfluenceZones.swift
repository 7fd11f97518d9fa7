import LacunaImage
import LacunaSegmentation

/// The influence zone of every pore: each pixel of the field goes to the pore it is closest to,
/// so the cells tile the field and their boundaries run along the middle of the walls
/// (the skeleton by influence zones, SKIZ; Serra 1982, *Image Analysis and Mathematical
/// Morphology*, ch. XI; MorphoLibJ's "Region Influence Zones").
///
/// Method: a marker watershed (`watershed`) of the walls' Euclidean distance map seeded by the
/// pores, flooding in 4-connectivity: pixels are claimed in increasing distance from the
/// pores, each by the neighbour that reached it first, so a pixel joins the pore nearest to it
/// up to ties on the discrete grid (±1 px along the boundaries).
///
/// - Parameters:
///   - pores: pore labels (0 = framework); every labelled pore seeds one cell of the same label.
///   - field: pixels that belong to the analysed field (`nil`: the whole image). Cells do not
///     grow outside it and pixels outside get label 0.
/// - Returns: cell labels, equal to the pore label of each cell's pore; 0 outside the field.
public func influenceZones(of pores: LabelImage, field: Mask? = nil) -> LabelImage {
    let framework = pores.map { $0 == 0 }
    let distance = euclideanDistanceTransform(of: framework)
    let relief = distance.map { Float($0.isFinite ? $0 : 0) }
    return watershed(relief, markers: pores, mask: field, connectivity: .four)
}

/// For each cell label 1…`count`, whether pores outside the frame or the field could change
/// the cell: some pixel of it lies farther from the nearest pore than from the frame's (or the
/// field's) edge, so a pore hidden just beyond that edge could claim it. Such cells are border
/// cells, like cells touching the edge: their side counts may be truncated even when their
/// pixels do not reach the edge ("minus sampling" guard zone for tessellations; Baddeley 1999,
/// in Stochastic Geometry: Likelihood and Computation, ch. 2).
public func cellsOpenToUnseenPores(_ cells: LabelImage, pores: LabelImage, count: Int, field: Mask? = nil) -> [Bool] {
    let w = cells.width, h = cells.height
    let toPore = squaredEuclideanDistanceTransform(of: pores.map { $0 == 0 })
    let toFieldEdge = field.map { squaredEuclideanDistanceTransform(of: $0, outsideIsBackground: true) }
    var open = [Bool](repeating: false, count: count + 1)
    cells.samples.withUnsafeBufferPointer { c in
        toPore.samples.withUnsafeBufferPointer { d in
            for y in 0 ..< h {
                let edgeY = min(y + 1, h - y)
                for x in 0 ..< w {
                    let i = y * w + x
                    let label = Int(c[i])
                    guard label > 0, !open[label] else { continue }
                    let edge = min(x + 1, w - x, edgeY)
                    var edgeSquared = Double(edge * edge)
                    if let toFieldEdge { edgeSquared = min(edgeSquared, toFieldEdge.samples[i]) }
                    if d[i] > edgeSquared { open[label] = true }
                }
            }
        }
    }
    return open
}
