import Foundation
import LacunaImage

/// How to draw a cellular network with thin bright walls around grey, shaded cell interiors
/// (foams, cellular graphite, SEM views where the edge effect lights the walls).
public struct RidgeSpec: Sendable, Codable, Equatable {
    public var width = 512
    public var height = 400
    /// Cell-seed lattice spacing and wall width in px.
    public var spacing = 40.0
    public var wallWidth = 3.0
    /// Seed jitter as a fraction of the spacing (0.45 gives pentagons and heptagons among hexagons).
    public var jitter = 0.45
    /// Wall level and the range of cell-interior levels (0…1 of full scale).
    public var wallLevel = 0.85
    public var cellLevels = 0.3 ... 0.55
    /// Brightness change across a cell (shading), as a fraction of full scale per spacing.
    public var shading = 0.12
    /// Blur σ in px and additive Gaussian noise SD (fraction of full scale).
    public var blurSigma = 1.0
    public var noise = 0.03
    public var seed: UInt64 = 1

    public init() {}
}

/// A rendered ridge-look network (8-bit, no data bar) and its Voronoi geometry.
public struct RidgeMicrograph: Sendable {
    public var image: Image<UInt8>
    /// The cells (each cell's interior is its `polygon`; walls are the rest).
    public var layout: HoleLayout

    public init(spec: RidgeSpec) {
        var random = SeededRandom(seed: spec.seed)
        let layout = HoleLayout(width: spec.width, height: spec.height, spacing: spec.spacing,
                                wallWidth: spec.wallWidth, jitter: spec.jitter, random: &random)
        let w = spec.width, h = spec.height
        // Per-cell interior level and shading direction.
        let looks = layout.holes.map { _ -> (level: Double, dx: Double, dy: Double) in
            let level = spec.cellLevels.lowerBound + random.uniform() * (spec.cellLevels.upperBound - spec.cellLevels.lowerBound)
            let angle = 2 * Double.pi * random.uniform()
            return (level, spec.shading * cos(angle) / spec.spacing, spec.shading * sin(angle) / spec.spacing)
        }
        let centres = layout.holes.map(\.polygon.centroid)
        var cover = [Double](repeating: 0, count: w * h)
        var value = [Double](repeating: 0, count: w * h)
        for (k, hole) in layout.holes.enumerated() {
            let look = looks[k], c = centres[k]
            hole.forEachCoveredPixel(width: w, height: h, samples: 4) { i, fraction in
                let x = Double(i % w) + 0.5, y = Double(i / w) + 0.5, f = Double(fraction)
                cover[i] += f
                value[i] += f * (look.level + look.dx * (x - c.x) + look.dy * (y - c.y))
            }
        }
        var level = (0 ..< w * h).map { value[$0] + (1 - min(1, cover[$0])) * spec.wallLevel }
        level = SyntheticMicrograph.blur(level, width: w, height: h, sigma: spec.blurSigma)
        image = Image(width: w, height: h, samples: level.map { v in
            UInt8(min(255, max(0, ((v + spec.noise * random.normal()) * 255).rounded())))
        })
        self.layout = layout
    }
}
