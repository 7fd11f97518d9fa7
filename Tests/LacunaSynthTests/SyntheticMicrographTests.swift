import LacunaIO
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Synthetic micrographs")
struct SyntheticMicrographTests {
    @Test("holes are disjoint and each one's rendered coverage equals its exact polygon area")
    func coverageMatchesPolygons() {
        var random = SeededRandom(seed: 404)
        let layout = HoleLayout(width: 200, height: 150, spacing: 30, wallWidth: 5, jitter: 0.3, random: &random)
        // Overlapping holes would push a pixel's coverage above 1.
        #expect(layout.coverage(width: 200, height: 150).allSatisfy { $0 <= 1.0001 })
        let interior = layout.holes.filter { !$0.touchesBorder }
        #expect(interior.count > 15)
        for hole in interior.prefix(8) {
            var alone = layout
            alone.holes = [hole]
            let covered = alone.coverage(width: 200, height: 150, samples: 8).reduce(0) { $0 + Double($1) }
            // 8×8 point sampling errs by at most about one sample row per boundary pixel.
            let xs = hole.polygon.vertices.map(\.x), ys = hole.polygon.vertices.map(\.y)
            let boundaryPixels = 2 * ((xs.max() ?? 0) - (xs.min() ?? 0) + (ys.max() ?? 0) - (ys.min() ?? 0))
            #expect(abs(covered - hole.polygon.area) < boundaryPixels / 8 + 1,
                    "coverage \(covered) vs area \(hole.polygon.area)")
        }
    }

    @Test("cells of a jittered hexagonal lattice are mostly five-, six- and seven-sided")
    func cellSides() {
        var random = SeededRandom(seed: 9)
        let layout = HoleLayout(width: 400, height: 300, spacing: 40, wallWidth: 7, jitter: 0.25, random: &random)
        let sides = layout.holes.filter { !$0.touchesBorder }.map(\.cellSides)
        let mean = Double(sides.reduce(0, +)) / Double(sides.count)
        // Euler's relation gives ⟨n⟩ → 6 for a large trivalent network.
        #expect(abs(mean - 6) < 0.3)
        #expect(sides.filter { (5 ... 7).contains($0) }.count >= sides.count * 9 / 10)
    }

    @Test("truth: the mean radius is the requested one and the pixel size follows from it")
    func truthScale() {
        var spec = SynthSpec()
        spec.width = 300
        spec.height = 200
        spec.spacing = 40
        spec.wallWidth = 7
        spec.meanRadiusMicrometres = 2.4
        spec.seed = 77
        let image = SyntheticMicrograph(spec: spec)
        #expect(abs(image.truth.mean_radius_um - 2.4) < 1e-9)
        #expect(abs(image.truth.pixel_size_um * image.truth.mean_radius_px - 2.4) < 1e-9)
        let interior = image.truth.holes.filter { !$0.touches_border }
        #expect(interior.count == image.truth.pore_count)
        let mean = interior.map(\.equivalent_radius_px).reduce(0, +) / Double(interior.count)
        #expect(abs(mean - image.truth.mean_radius_px) < 1e-9)
        #expect(image.raster.height == 200 + spec.databarHeight)
    }

    @Test("the same seed gives the same pixels; another seed does not")
    func determinism() {
        var spec = SynthSpec()
        spec.width = 128
        spec.height = 96
        spec.spacing = 24
        spec.wallWidth = 4
        spec.seed = 5
        #expect(SyntheticMicrograph(spec: spec).raster == SyntheticMicrograph(spec: spec).raster)
        var other = spec
        other.seed = 6
        #expect(SyntheticMicrograph(spec: spec).raster != SyntheticMicrograph(spec: other).raster)
    }

    @Test("the written TIFF carries FEI metadata that reads back as the truth's scale and bar")
    func writtenMetadata() throws {
        var spec = SynthSpec()
        spec.width = 160
        spec.height = 120
        spec.spacing = 30
        spec.wallWidth = 5
        spec.databarHeight = 20
        spec.bitDepth = 16
        spec.seed = 31
        let image = SyntheticMicrograph(spec: spec)
        let path = TestPaths.makeScratchFolder() + "/synth.tif"
        try image.writeTIFF(to: path)
        let decoded = try ImageDecoder().decodeFile(atPath: path)
        #expect(decoded.raster == image.raster)
        #expect(decoded.bitsPerSample == 16)
        let metadata = try #require(SEMMetadata.read(from: decoded))
        #expect(metadata.vendor == .fei)
        #expect(metadata.databarHeight == 20)
        let size = try #require(metadata.pixelSize)
        // Written with seven significant digits.
        #expect(abs(size.x / image.truth.pixel_size_um - 1) < 1e-6)
    }
}
