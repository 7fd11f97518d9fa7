import LacunaImage
import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Gaussian blur: identities and the impulse response")
struct GaussianBlurTests {
    static func randomImage<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        _: S.Type, width: Int, height: Int, seed: UInt64
    ) -> Image<S> {
        var generator = SeededRandom(seed: seed)
        return Image(width: width, height: height,
                     samples: (0 ..< width * height).map { _ in S.random(in: 0 ... S.max, using: &generator) })
    }

    @Test("A constant image stays constant, borders included")
    func constant() {
        // The kernel is normalised and the border is mirrored, so every output is the
        // constant times a Float sum ≈ 1 (error ~1e-6 relative, far below ½ grey level).
        let grey = Image<UInt8>(width: 13, height: 7, repeating: 137)
        #expect(gaussianBlur(grey, sigma: 3) == grey)
        let deep = Image<UInt16>(width: 5, height: 3, repeating: 50000)
        #expect(gaussianBlur(deep, sigma: 2.5) == deep)
        let full = Image<UInt16>(width: 4, height: 4, repeating: .max)
        #expect(gaussianBlur(full, sigma: 1) == full)
    }

    @Test("σ = 0 returns the input")
    func zeroSigma() {
        let image = Self.randomImage(UInt16.self, width: 17, height: 9, seed: 11)
        #expect(gaussianBlur(image, sigma: 0) == image)
    }

    @Test("Impulse response: Gaussian profile, symmetric, sums to the impulse")
    func impulse() {
        // σ = 2 → kernel radius ⌈4σ⌉ = 8, weights w_k = e^(−k²/8) / Σ_{j=−8…8} e^(−j²/8):
        // Σ = 5.013257, w₀ = 0.1994746, w₁ = 0.1760358, w₈ = 2.0068e-4 (checked with numpy;
        // scipy.ndimage.gaussian_filter gives the same 2-D values).
        // Output at offset (dx, dy) = A·w_|dx|·w_|dy| with A = 60000:
        //   (0,0) 2387.408 → 2387;  (1,0) 2106.880 → 2107;  (8,0) 0.8009 → 1;  (8,8) 0.0003 → 0.
        let size = 41, c = 20
        var image = Image<UInt16>(width: size, height: size, repeating: 0)
        image[c, c] = 60000
        let out = gaussianBlur(image, sigma: 2)
        #expect(out[c, c] == 2387)
        #expect(out[c + 1, c] == 2107)
        #expect(out[c + 8, c] == 1)
        #expect(out[c + 8, c + 8] == 0)
        #expect(out[c + 9, c] == 0, "outside the kernel's support")

        var asymmetries = 0, transposeDifferences = 0
        for y in 0 ..< size {
            for x in 0 ..< size {
                let v = out[x, y]
                // Mirror symmetry is exact: the same Float sums are formed in the same order.
                if v != out[size - 1 - x, y] || v != out[x, size - 1 - y] { asymmetries += 1 }
                // Transposition swaps the order of the two passes' products, which may round
                // differently in Float; allow one grey level.
                if abs(Int(v) - Int(out[y, x])) > 1 { transposeDifferences += 1 }
            }
        }
        #expect(asymmetries == 0)
        #expect(transposeDifferences == 0)

        // Each output is rounded by at most ½, and only the 17 × 17 support is non-zero.
        let total = out.samples.reduce(0) { $0 + Int($1) }
        #expect(abs(total - 60000) <= 17 * 17 / 2)
    }

    @Test("A 1-pixel-high line is blurred along x only")
    func singleRow() {
        // Vertical mirroring of one row repeats the row, so the column pass is the identity
        // and the result equals the 1-D convolution: A·w_k with A = 10000, σ = 1, radius 4,
        // Σ_{k=−4…4} e^(−k²/2) = 2.506621 → w₀ = 0.398943, w₁ = 0.241971, w₂ = 0.053991.
        var line = Image<UInt16>(width: 11, height: 1, repeating: 0)
        line[5, 0] = 10000
        let out = gaussianBlur(line, sigma: 1)
        #expect(Array(out.samples[3 ... 7]) == [540, 2420, 3989, 2420, 540])
    }

    @Test("The input image is not modified")
    func inputUnchanged() {
        let image = Self.randomImage(UInt8.self, width: 32, height: 24, seed: 5)
        let snapshot = ImageTransforms.deepCopy(image)
        let blurred = gaussianBlur(image, sigma: 1.5)
        #expect(image == snapshot)
        #expect(blurred != image, "a random image must change under blurring")
    }
}
