import LacunaImage
import LacunaIO
import LacunaSynth
import Testing

/// The artefacts added for issue 4 change pixels, never the truth, and are off by default.
@Suite("Synthetic artefacts: floors, rims, debris, scan lines")
struct SynthArtefactTests {
    static func plain() -> SynthSpec {
        var spec = SynthSpec()
        spec.width = 200
        spec.height = 150
        spec.spacing = 40
        spec.wallWidth = 8
        spec.blurSigma = 0
        spec.noise = 0
        spec.gradient = 0
        spec.databarHeight = 0
        spec.bitDepth = 16
        spec.seed = 31
        return spec
    }

    static func levels(_ spec: SynthSpec) -> [Double] {
        guard case let .uint16(image) = SyntheticMicrograph(spec: spec).raster else { return [] }
        return image.samples.map { Double($0) / 65535 }
    }

    @Test("rim: walls gain up to the amplitude next to a hole and nothing inside; the truth is unchanged")
    func rim() {
        var spec = Self.plain()
        let before = Self.levels(spec)
        spec.rimAmplitude = 0.2
        spec.rimWidth = 1.5
        let after = Self.levels(spec)
        let gain = zip(after, before).map { $0 - $1 }
        #expect(gain.allSatisfy { $0 >= -1e-4 })
        // The brightest gain is at a wall pixel whose centre lies near an outline:
        // 0.2·exp(−d/1.5)·(uncovered fraction), below 0.2 but close (d ≲ 0.5 px: above 0.14).
        let top = gain.max() ?? 0
        #expect(top <= 0.2 + 1e-4 && top > 0.14, "largest gain \(top)")
        // Hole floors (level 0.22) away from the walls gain nothing.
        #expect(zip(before, gain).allSatisfy { $0.0 > 0.23 || abs($0.1) < 1e-4 })
        #expect(SyntheticMicrograph(spec: spec).truth == SyntheticMicrograph(spec: Self.plain()).truth)
    }

    @Test("floor spread: hole floors take several levels, none below 0.22 − spread/2; debris lifts some floor pixels to wall level")
    func floorsAndDebris() {
        var spec = Self.plain()
        spec.floorSpread = 0.1
        let floors = Set(Self.levels(spec).filter { $0 < 0.3 }.map { ($0 * 1000).rounded() })
        #expect(floors.count > 5)
        // Fully covered pixels sit at their hole's floor; edge pixels mix it with the wall (higher).
        #expect(floors.allSatisfy { $0 / 1000 >= 0.22 - 0.05 - 1e-3 })
        var debris = Self.plain()
        debris.debrisPerHole = 1
        debris.debrisRadius = 3
        let lifted = zip(Self.levels(debris), Self.levels(Self.plain())).filter { $0 - $1 > 0.5 }.count
        #expect(lifted > 20)
        #expect(SyntheticMicrograph(spec: debris).truth == SyntheticMicrograph(spec: Self.plain()).truth)
    }

    @Test("scan-line noise shifts whole rows: every row's change is one constant")
    func scanLines() {
        var spec = Self.plain()
        spec.scanLineNoise = 0.02
        let after = Self.levels(spec), before = Self.levels(Self.plain())
        var shifted = 0
        for y in 0 ..< 150 {
            let row = (0 ..< 200).map { after[y * 200 + $0] - before[y * 200 + $0] }
            #expect((row.max() ?? 0) - (row.min() ?? 0) < 2.0 / 65535)
            if abs(row[0]) > 1e-3 { shifted += 1 }
        }
        #expect(shifted > 100)
    }
}
