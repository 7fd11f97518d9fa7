import Foundation
import LacunaImage
@testable import LacunaSegmentation
import Testing

@Suite("Pre-processing: median, bilateral, background, CLAHE, Anscombe")
struct PreprocessingTests {
    @Test("Median equals SciPy's median_filter (disk 1, disk 2, 3×3 square)")
    func medianMatchesScipy() throws {
        let source = try Fixtures.json(LocalThresholdReference.self, "local_thresholds.json")
        let reference = try Fixtures.json(MedianReference.self, "median_filter.json")
        let image = Image<UInt8>(width: source.width, height: source.height, samples: source.image.map(UInt8.init))
        for c in reference.cases {
            let footprint = try #require(Footprint(rawValue: c.footprint))
            let filtered = medianFilter(image, radius: c.radius, footprint: footprint)
            #expect(filtered.samples.map(Int.init) == c.result, "\(c.footprint) \(c.radius)")
        }
    }

    @Test("Median removes a lone outlier and keeps a step edge")
    func medianByHand() {
        var image = Image<UInt8>(width: 5, height: 5, repeating: 10)
        image[2, 2] = 250
        #expect(medianFilter(image, radius: 1, footprint: .square) == Image<UInt8>(width: 5, height: 5, repeating: 10))
        let step = Image<UInt16>(width: 6, height: 3, samples: (0 ..< 18).map { $0 % 6 < 3 ? 100 : 900 })
        #expect(medianFilter(step, radius: 1, footprint: .disk) == step)
        #expect(medianFilter(step, radius: 0) == step)
    }

    @Test("Bilateral: a step much higher than σ_r survives; σ_r → ∞ gives the Gaussian-weighted mean")
    func bilateral() {
        let step = Image<UInt8>(width: 6, height: 3, samples: (0 ..< 18).map { $0 % 6 < 3 ? 20 : 220 })
        #expect(bilateralFilter(step, sigmaSpatial: 1, sigmaRange: 5) == step)
        // Row 0 4 (3 wide, 1 high), σ_s = 1 → r = 3, σ_r huge. Centre pixel x = 1: neighbours
        // at dx = −3…3 read mirrored columns 2 1 0 | 0 1 2 | 2 → values 4 0 0 [0] 4 4 4? No: the row is
        // [0, 0, 4]: x − 3 = −2 → col 1 (0), −1 → col 0 (0), 0 → 0, 1 → 0 (centre), 2 → 4, 3 → col 2 (4), 4 → col 1 (0).
        // Weights e^(−d²/2): d = 0: 1, 1: 0.60653, 2: 0.13534, 3: 0.011109.
        // Σw = 1 + 2·0.60653 + 2·0.13534 + 2·0.011109 = 2.50598; Σw·v = 4·(0.60653 + 0.13534) = 2.96748
        // → 1.1842 → 1.
        let row = Image<UInt8>(width: 3, height: 1, samples: [0, 0, 4])
        #expect(bilateralFilter(row, sigmaSpatial: 1, sigmaRange: 1e9).samples[1] == 1)
        let flat = Image<UInt16>(width: 4, height: 4, repeating: 5000)
        #expect(bilateralFilter(flat, sigmaSpatial: 2, sigmaRange: 100) == flat)
    }

    @Test("Paraboloid erosion and dilation by hand (R = 1: z = d²/2)")
    func paraboloid() {
        let f = Image<Double>(width: 3, height: 1, samples: [0, 10, 0])
        // Erosion at x = 1: min(0 + ½, 10, 0 + ½) = ½. Dilation at x = 0: max(0, 10 − ½, 0 − 2) = 9.5.
        #expect(paraboloidErosion(f, radius: 1).samples == [0, 0.5, 0])
        #expect(paraboloidDilation(f, radius: 1).samples == [9.5, 10, 9.5])
    }

    @Test("Rolling ball flattens a ramp under a dark pore and keeps the pore dark")
    func rollingBall() {
        let w = 60, h = 20
        var samples = [UInt8](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                let inPore = (x - 30) * (x - 30) + (y - 10) * (y - 10) <= 16
                samples[y * w + x] = inPore ? 20 : UInt8(100 + x / 4)  // ramp 100…114
            }
        }
        let image = Image(width: w, height: h, samples: samples)
        let flat = BackgroundFlattening.rollingBall(radius: 50).apply(to: image)
        let framework = (0 ..< w * h).filter { flat.samples[$0] > 60 }.map { Int(flat.samples[$0]) }
        // Inside the frame the closing of a ramp is the ramp (its curvature 0 < 1/R), so the
        // framework becomes flat; within R of the frame's edge the paraboloid is cut off and
        // the estimate sags by up to s²R/2 = (1/4)²·50/2 = 1.6 levels (plus the ramp's 1-level steps).
        #expect(framework.max()! - framework.min()! <= 3)
        #expect(flat[30, 10] < 60)
        // The Gaussian estimate also flattens the ramp's middle, less exactly near the pore.
        let gaussian = BackgroundFlattening.gaussian(sigma: 15).apply(to: image)
        #expect(abs(Int(gaussian[10, 2]) - Int(gaussian[50, 2])) < 10)  // the ramp alone differs by 10
    }

    @Test("CLAHE with one tile and no clipping is histogram equalisation")
    func claheByHand() {
        // Half the pixels 0, half 255: cumulative 0.5 at bin 0 → 127.5 → 128; 1.0 at bin 255 → 255.
        let image = Image<UInt8>(width: 4, height: 2, samples: [0, 255, 0, 255, 0, 255, 0, 255])
        let out = CLAHE(tiles: 1, clipLimit: 1).apply(to: image)
        #expect(out.samples == [128, 255, 128, 255, 128, 255, 128, 255])
        // Monotone within a tile, defined on 1×1.
        #expect(CLAHE().apply(to: Image<UInt16>(width: 1, height: 1, samples: [7])).samples.count == 1)
    }

    @Test("Anscombe: 2√(x + 3/8) scaled so the depth's maximum stays the maximum")
    func anscombe() {
        // 8 bits: scale = 255/(2√255.375) = 7.978495; x = 0 → 7.978495·2·√0.375 = 9.7716 → 10.
        let image = Image<UInt8>(width: 3, height: 1, samples: [0, 100, 255])
        let y = AnscombeTransform.apply(to: image)
        #expect(y.samples[0] == 10 && y.samples[2] == 255)
        // x = 100: 7.978495·2·√100.375 = 159.87 → 160.
        #expect(y.samples[1] == 160)
        #expect(abs(AnscombeTransform.inverse(255, as: UInt8.self) - 255) < 1e-9)
        #expect(abs(AnscombeTransform.scale(for: UInt8.self) - 7.978495) < 1e-6)
    }

    @Test("k × k binning sums counts, scales cut edge blocks by k²/n, and upsampling undoes the geometry")
    func binning() {
        // 3 × 3, k = 2: block (0,0) = 1+2+4+5 = 12; (1,0) = (3+6)·4/2 = 18; (0,1) = (7+8)·4/2 = 30; (1,1) = 9·4 = 36.
        let image = Image<UInt8>(width: 3, height: 3, samples: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let binned = binnedSum(image, factor: 2)
        #expect(binned.width == 2 && binned.height == 2 && binned.samples == [12, 18, 30, 36])
        // Saturation at 16 bits: 4 × 65535 clamps.
        #expect(binnedSum(Image<UInt16>(width: 2, height: 2, repeating: 65535), factor: 2).samples == [65535])
        #expect(binnedSum(image, factor: 1).samples == image.samples.map(UInt16.init))
        let mask = Mask(width: 2, height: 2, samples: [true, false, false, true])
        let up = upsampling(mask, factor: 2, width: 3, height: 3)
        #expect(up.samples == [true, true, false, true, true, false, false, false, true])
    }

    @Test("Filters leave their input unchanged and accept 1×1 images")
    func inputsUnchanged() {
        let image = Image<UInt8>(width: 5, height: 4, samples: (0 ..< 20).map { UInt8($0 * 11) })
        let copy = image
        _ = medianFilter(image, radius: 2)
        _ = bilateralFilter(image, sigmaSpatial: 1, sigmaRange: 20)
        _ = BackgroundFlattening.rollingBall(radius: 5).apply(to: image)
        _ = BackgroundFlattening.gaussian(sigma: 3).apply(to: image)
        _ = CLAHE(tiles: 2).apply(to: image)
        _ = AnscombeTransform.apply(to: image)
        #expect(image == copy)
        let one = Image<UInt8>(width: 1, height: 1, samples: [42])
        #expect(medianFilter(one, radius: 3) == one)
        #expect(bilateralFilter(one, sigmaSpatial: 2, sigmaRange: 10) == one)
        #expect(BackgroundFlattening.rollingBall(radius: 10).apply(to: one) == one)
    }
}
