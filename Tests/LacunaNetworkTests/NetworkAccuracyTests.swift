import LacunaImage
import LacunaNetwork
import LacunaSynth
import Testing

/// The network's statistics against the generator's Voronoi truth on fresh seeds (never used
/// while choosing the defaults: development used seeds 500–507 and 600–602), pooling the interior
/// cells of four images per setting as a scientist pools a condition. Goals (issue 5): ⟨n⟩ within
/// 0.05 of truth, P(5) and P(6) within 0.03, cell count within 2 %, for walls from 0.05 to 0.3 of
/// the cell size in the thick-wall look (default options, `--cells auto`) and 2–4 px walls in the
/// thin-ridge look (`--cells ridges --ridge-sigma` = half the wall width, as docs/methods.md advises:
/// auto cannot see thin walls between shaded interiors).
@Suite("Cell networks against Voronoi ground truth on unseen seeds")
struct NetworkAccuracyTests {
    static func check(_ pooled: NetworkComparison, _ label: String) {
        #expect(pooled.matchedFraction > 0.97, "\(label): \(pooled)")
        #expect(abs(pooled.measuredMeanSides - pooled.truthMeanSides) <= 0.05, "\(label): \(pooled)")
        #expect(abs(pooled.measuredP(5) - pooled.truthP(5)) <= 0.03, "\(label): \(pooled)")
        #expect(abs(pooled.measuredP(6) - pooled.truthP(6)) <= 0.03, "\(label): \(pooled)")
        #expect(abs(pooled.countError) <= 0.02, "\(label): \(pooled)")
    }

    @Test("Dark holes in thick walls (default auto)", arguments: [0.05, 0.1, 0.2, 0.3])
    func holes(wallRatio: Double) {
        var pooled = NetworkComparison()
        for k in UInt64(0) ..< 4 {
            let seed = 71_000 + UInt64(wallRatio * 100) * 10 + k
            var r = SeededRandom(seed: seed)
            var spec = SynthSpec()
            spec.width = 448 + Int(r.uniform() * 128)
            spec.height = 352 + Int(r.uniform() * 96)
            spec.databarHeight = 0
            spec.spacing = 36 + 20 * r.uniform()
            spec.wallWidth = spec.spacing * wallRatio
            spec.jitter = 0.35 + 0.12 * r.uniform()
            spec.blurSigma = 0.8 + 0.6 * r.uniform()
            spec.noise = 0.02 + 0.02 * r.uniform()
            spec.gradient = 0.15 * r.uniform()
            spec.seed = seed
            let image = SyntheticMicrograph(spec: spec)
            var random = SeededRandom(seed: seed)
            let layout = HoleLayout(width: spec.width, height: spec.height, spacing: spec.spacing,
                                    wallWidth: spec.wallWidth, jitter: spec.jitter, random: &random)
            guard case let .uint8(grey) = image.raster else { Issue.record("8-bit expected"); return }
            let pores = segmentPores(grey)
            guard let analysis = NetworkAnalysis(pores: pores.labels, poreCount: pores.count,
                                                 grey: { gaussianBlurred(grey) }, options: NetworkOptions()) else { return }
            pooled.add(cells: analysis.network.cells, layout: layout, width: spec.width, height: spec.height,
                       spacing: spec.spacing)
        }
        Self.check(pooled, "walls \(wallRatio) of the spacing")
    }

    @Test("Thin bright ridges around grey shaded cells (--cells ridges, --ridge-sigma half the wall)",
          arguments: [2.0, 3.0, 4.0])
    func ridges(wall: Double) {
        var pooled = NetworkComparison()
        for k in UInt64(0) ..< 4 {
            let seed = 72_000 + UInt64(wall) * 10 + k
            var r = SeededRandom(seed: seed)
            var spec = RidgeSpec()
            spec.width = 448 + Int(r.uniform() * 128)
            spec.height = 352 + Int(r.uniform() * 96)
            spec.spacing = 40 + 16 * r.uniform()
            spec.wallWidth = wall
            spec.jitter = 0.35 + 0.12 * r.uniform()
            spec.blurSigma = 0.7 + 0.5 * r.uniform()
            spec.noise = 0.02 + 0.02 * r.uniform()
            spec.seed = seed
            let synth = RidgeMicrograph(spec: spec)
            let pores = segmentPores(synth.image)
            guard let analysis = NetworkAnalysis(pores: pores.labels, poreCount: pores.count,
                                                 grey: { gaussianBlurred(synth.image) },
                                                 options: NetworkOptions(method: .ridges, ridges: RidgeCellOptions(sigma: max(1.5, wall / 2))))
            else { return }
            pooled.add(cells: analysis.network.cells, layout: synth.layout, width: spec.width, height: spec.height,
                       spacing: spec.spacing)
        }
        Self.check(pooled, "\(wall)-px ridges")
    }
}
