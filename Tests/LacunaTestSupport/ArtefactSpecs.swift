import Foundation
import LacunaSynth

extension SyntheticFiles {
    /// A spec with every artefact of issue 4 randomised from `seed` (seeds not used for
    /// TestImages or in development): equivalent hole radius drawn log-uniformly in
    /// `radiusRange` px (spacing ≈ radius / 0.5 + wall), walls 3–4 px for holes under 12 px and
    /// 12–22 % of the spacing above, jitter 0.15–0.3, blur σ 0.5–2.5 px, noise 2–5 %, an
    /// illumination gradient up to 25 %, hole floors spread over up to 15 % of full scale, a
    /// bright rim of 0–25 % and width 1–2.5 px, up to one debris particle per hole (radius 1–3 px,
    /// only in holes over 12 px), scan-line noise up to 2 %, 8 or 16 bits; the frame holds about
    /// 12 × 9 spacings, within 384 × 288 … 640 × 480 px.
    public static func randomArtefactSpec(seed: UInt64, radiusRange: ClosedRange<Double> = 8 ... 60) -> SynthSpec {
        var r = SeededRandom(seed: seed ^ 0x0DD5_EED5_1234_5678)
        var spec = SynthSpec()
        let radius = radiusRange.lowerBound * pow(radiusRange.upperBound / radiusRange.lowerBound, r.uniform())
        let wall = radius < 12 ? 3 + r.uniform() : 0
        let spacing = radius < 12 ? radius / 0.525 + wall : radius / (0.525 * (1 - 0.12 - 0.10 * r.uniform()))
        spec.spacing = spacing
        spec.wallWidth = radius < 12 ? wall : spacing - radius / 0.525
        spec.width = min(640, max(384, Int(12 * spacing)))
        spec.height = min(480, max(288, Int(9 * spacing)))
        spec.jitter = 0.15 + 0.15 * r.uniform()
        spec.blurSigma = 0.5 + 2 * r.uniform()
        spec.noise = 0.02 + 0.03 * r.uniform()
        spec.gradient = 0.25 * r.uniform()
        spec.holeLevel = 0.15 + 0.15 * r.uniform()
        spec.wallLevel = 0.65 + 0.15 * r.uniform()
        spec.floorSpread = 0.15 * r.uniform()
        spec.rimAmplitude = 0.25 * r.uniform()
        spec.rimWidth = 1 + 1.5 * r.uniform()
        spec.debrisPerHole = radius > 12 ? r.uniform() : 0
        spec.debrisRadius = 2 + r.uniform()
        spec.scanLineNoise = 0.02 * r.uniform()
        spec.databarHeight = r.uniform() < 0.5 ? 0 : 24 + Int(r.uniform() * 60)
        spec.bitDepth = r.uniform() < 0.5 ? 8 : 16
        spec.seed = seed
        return spec
    }
}
