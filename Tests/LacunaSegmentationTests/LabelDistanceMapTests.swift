import LacunaImage
import LacunaSegmentation
import Testing

/// The distance maps read from labels equal those of the mask `labels == 0`.
@Suite("Distance maps read from labels")
struct LabelDistanceMapTests {
    /// Sparse labelled blobs (about one pixel in `sparsity` seeds a 3×3 blob) on a `width`×`height` frame.
    static func labels(width: Int, height: Int, sparsity: UInt64, seed: UInt64) -> Image<UInt16> {
        var state = seed
        var image = Image<UInt16>(width: width, height: height, repeating: 0)
        for y in 0 ..< height {
            for x in 0 ..< width {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                guard (state >> 33) % sparsity == 0 else { continue }
                for dy in -1 ... 1 {
                    for dx in -1 ... 1 where (0 ..< width).contains(x + dx) && (0 ..< height).contains(y + dy) {
                        image[x + dx, y + dy] = UInt16(1 + (state >> 50) % 500)
                    }
                }
            }
        }
        return image
    }

    @Test("16 and 32 bits, 16- and 32-bit labels, one and two threads, labels dense, sparse or absent",
          arguments: [(UInt64(7), 300, 200), (500, 300, 200), (UInt64.max, 40, 30)])
    func sameAsMask(sparsity: UInt64, width: Int, height: Int) throws {
        let narrow = Self.labels(width: width, height: height, sparsity: sparsity, seed: sparsity &+ UInt64(width))
        let wide = narrow.map { Int32($0) }
        let mask = narrow.map { $0 == 0 }
        let expected = squaredDistanceMap(of: mask, outsideIsBackground: false)
        #expect(expected.samples.contains(0) == (sparsity != .max))
        for threads in [1, 2] {
            #expect(squaredDistanceMap(toLabelsOf: narrow, threads: threads) == expected)
            #expect(squaredDistanceMap(toLabelsOf: wide, threads: threads) == expected)
            let expectedNarrow = narrowSquaredDistanceMap(of: mask, outsideIsBackground: false, threads: threads)
            #expect(expectedNarrow != nil)
            #expect(narrowSquaredDistanceMap(toLabelsOf: narrow, threads: threads) == expectedNarrow)
            #expect(narrowSquaredDistanceMap(toLabelsOf: wide, threads: threads) == expectedNarrow)
        }
    }
}
