import LacunaImage
import LacunaSegmentation

/// Cells bounded by thin bright walls (foams, cellular graphite, SEM top views where the edge
/// effect lights the walls), where a global threshold breaks the walls and merges cells.
///
/// Method: ridge strength (`ridgeStrength`, scale `sigma`) → markers at its regional minima at
/// least h deep (`regionalMinima`; h = `depthFraction` × the 99th percentile of the ridge
/// strength, so the rule scales with the walls' contrast) → marker watershed of the ridge
/// strength (`watershed`, 4-connected), whose basins meet along the ridge crests.
public struct RidgeCellOptions: Sendable, Equatable, Codable {
    /// Ridge scale in px (default 1.5: walls 2–5 px wide).
    public var sigma: Double
    /// Marker depth as a fraction of the 99th-percentile ridge strength (default 0.2).
    public var depthFraction: Double

    public init(sigma: Double = 1.5, depthFraction: Double = 0.2) {
        self.sigma = sigma
        self.depthFraction = depthFraction
    }
}

/// Cell labels from the bright walls of `image` (see `RidgeCellOptions`).
/// - Parameters:
///   - image: grey levels, walls bright.
///   - field: analysed pixels (`nil`: all).
/// - Returns: labels 1…count tiling the field (0 outside it) and the count.
public func ridgeCells(_ image: Image<Float>, options: RidgeCellOptions = RidgeCellOptions(),
                       field: Mask? = nil) -> (labels: LabelImage, count: Int) {
    let strength = ridgeStrength(image, sigma: options.sigma)
    var sorted = field.map { mask in zip(strength.samples, mask.samples).compactMap { $1 ? $0 : nil } }
        ?? strength.samples
    sorted.sort()
    let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(0.99 * Double(sorted.count)))]
    let (markers, _) = regionalMinima(of: strength, depth: Float(options.depthFraction) * p99)
    let labels = watershed(strength, markers: markers, mask: field, connectivity: .four)
    // Renumber the basins that reached the field, in row-major order of their first pixel.
    var renumber: [Int32: Int32] = [:]
    var out = labels
    var next: Int32 = 0
    for i in out.samples.indices where out.samples[i] != 0 {
        let old = out.samples[i]
        if let new = renumber[old] { out.samples[i] = new } else {
            next += 1
            renumber[old] = next
            out.samples[i] = next
        }
    }
    return (out, Int(next))
}
