import Foundation
import LacunaImage
import LacunaSynth
@testable import LacunaSegmentation
import Testing

/// The streamed, chunked separable Gaussian against the definition written the slow way: a full
/// row pass, then a full column pass, each sample k₀·v₀ + Σₖ kₖ·(v₋ₖ + v₊ₖ) in `Float` with
/// mirrored indices, then `rounded()` and a cap at the depth's maximum. Bit-for-bit equal.
@Suite("Gaussian blur: the streamed kernel equals the per-line definition")
struct GaussianBlurStreamingTests {
    static func naive<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double) -> [S] {
        naiveSmoothed(image, sigma: sigma).map { S(min(Float(S.max), $0.rounded())) }
    }

    /// The smoothing before the rounding: a full row pass, then a full column pass, each sample
    /// k₀·v₀ + Σₖ kₖ·(v₋ₖ + v₊ₖ) in `Float` with mirrored indices (σ > 0).
    static func naiveSmoothed<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>,
                                                                                sigma: Double) -> [Float] {
        let w = image.width, h = image.height, k = gaussianKernel(sigma: sigma), r = k.count - 1
        func reflect(_ i: Int, _ n: Int) -> Int {
            var j = i
            while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
            return j
        }
        let source = image.samples.map(Float.init)
        var rows = [Float](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                var sum = k[0] * source[y * w + x]
                for j in stride(from: 1, through: r, by: 1) {
                    sum += k[j] * (source[y * w + reflect(x - j, w)] + source[y * w + reflect(x + j, w)])
                }
                rows[y * w + x] = sum
            }
        }
        var out = [Float](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                var sum = k[0] * rows[y * w + x]
                for j in stride(from: 1, through: r, by: 1) {
                    sum += k[j] * (rows[reflect(y - j, h) * w + x] + rows[reflect(y + j, h) * w + x])
                }
                out[y * w + x] = sum
            }
        }
        return out
    }

    static func random<S: FixedWidthInteger & UnsignedInteger & Sendable>(_: S.Type, width: Int, height: Int,
                                                                         seed: UInt64) -> Image<S> {
        var generator = SeededRandom(seed: seed)
        return Image(width: width, height: height,
                     samples: (0 ..< width * height).map { _ in S.random(in: 0 ... S.max, using: &generator) })
    }

    // Widths below, at and above the radius and the 512-column chunk, odd sizes, heights
    // smaller than the 2r + 1 rows of the ring.
    static let shapes: [(Int, Int, Double)] = [
        (1, 1, 1), (3, 2, 2), (7, 5, 1), (9, 30, 1.5), (17, 3, 2), (64, 48, 1), (530, 9, 2), (1029, 21, 0.7), (40, 700, 3.2),
    ]

    @Test("8-bit images of many shapes and σ", arguments: shapes.indices)
    func eightBit(index: Int) {
        let (w, h, sigma) = Self.shapes[index]
        let image = Self.random(UInt8.self, width: w, height: h, seed: UInt64(100 + index))
        #expect(gaussianBlur(image, sigma: sigma).samples == Self.naive(image, sigma: sigma))
    }

    @Test("16-bit images of many shapes and σ, the cap at 65535 included", arguments: shapes.indices)
    func sixteenBit(index: Int) {
        let (w, h, sigma) = Self.shapes[index]
        var image = Self.random(UInt16.self, width: w, height: h, seed: UInt64(200 + index))
        // A saturated block: sums within rounding of 65535.
        for i in 0 ..< min(image.samples.count, 3 * w) { image.samples[i] = .max }
        #expect(gaussianBlur(image, sigma: sigma).samples == Self.naive(image, sigma: sigma))
    }

    @Test("Bands of rows on 2, 3 and 5 threads equal the definition: bands shorter than the kernel's radius, mirrored edges in the first and last band",
          arguments: [(301, 257, 2.0), (97, 200, 20.0), (64, 129, 0.7), (50, 330, 3.5)])
    func bands(w: Int, h: Int, sigma: Double) {
        let image = Self.random(UInt16.self, width: w, height: h, seed: UInt64(w * h))
        let expected = Self.naive(image, sigma: sigma)
        for threads in [2, 3, 5] {
            #expect(gaussianBlur(image, sigma: sigma, threads: threads).samples == expected, "\(threads) threads")
        }
    }

    @Test("Rounding: exact halves go away from zero, like rounded(); sums cap at the depth's maximum")
    func rounding() {
        // Blurred sums rarely land on a half; the rounding step gets them directly. Lengths
        // 19 and 3 take the eight-lane loop and the scalar tail.
        let values: [Float] = [0, 0.25, 0.5, 0.49999997, 0.50000006, 1.5, 2.5, 3.5, 254.5, 255.49998, 255.5,
                               256.7, 1000.5, 4095.5, 65534.5, 65535.4, 65535.5, 70000, 131071.5]
        for count in [values.count, 3] {
            let input = Array(values.prefix(count))
            #expect(Self.rounded(input, as: UInt8.self) == input.map { min(Double($0.rounded()), 255) }, "8-bit, \(count)")
            #expect(Self.rounded(input, as: UInt16.self) == input.map { min(Double($0.rounded()), 65535) }, "16-bit, \(count)")
        }
    }

    static func rounded<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ input: [Float], as _: S.Type) -> [Double] {
        var out = [S](repeating: 0, count: input.count)
        let row = UnsafeMutablePointer<Float>.allocate(capacity: input.count)
        defer { row.deallocate() }
        row.initialize(from: input, count: input.count)
        out.withUnsafeMutableBufferPointer { roundRow(row, into: $0.baseAddress!, count: input.count) }
        return out.map(Double.init)
    }
}
