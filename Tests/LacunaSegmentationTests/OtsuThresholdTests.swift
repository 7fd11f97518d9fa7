import LacunaImage
import LacunaSegmentation
import Testing

@Suite("Otsu threshold on hand-computed histograms")
struct OtsuThresholdTests {
    @Test("Five-level histogram: between-class variance peaks at t = 1")
    func handHistogram() {
        // Values 0…4 with counts [3, 1, 0, 2, 4]: N = 10, Σ v·n = 0 + 1 + 0 + 6 + 16 = 23.
        // Between-class variance (unnormalised) σ²(t) = n₀·n₁·(μ₀ − μ₁)², classes v ≤ t and v > t:
        //   t = 0: n₀ = 3, μ₀ = 0;       n₁ = 7, μ₁ = 23/7 = 3.2857;  3·7·3.2857²  = 226.71
        //   t = 1: n₀ = 4, μ₀ = 1/4;     n₁ = 6, μ₁ = 22/6 = 3.6667;  4·6·3.4167²  = 280.17
        //   t = 2: same classes as t = 1 (no pixel has value 2):                   = 280.17
        //   t = 3: n₀ = 6, μ₀ = 7/6;     n₁ = 4, μ₁ = 16/4 = 4;       6·4·2.8333²  = 192.67
        // The maximum is shared by t = 1 and t = 2; the lowest level wins: t = 1.
        // (skimage.filters.threshold_otsu on the same 10 pixels also returns 1.)
        #expect(otsuThreshold(histogram: [3, 1, 0, 2, 4]) == 1)
    }

    @Test("Tie between two different partitions takes the lower level")
    func tieBetweenPartitions() {
        // Values 0…4, one pixel each. All class means are binary fractions, so the
        // arithmetic is exact in Double:
        //   t = 0: n₀ = 1, μ₀ = 0;   n₁ = 4, μ₁ = 10/4 = 2.5;  1·4·2.5² = 25
        //   t = 1: n₀ = 2, μ₀ = 0.5; n₁ = 3, μ₁ = 9/3 = 3;     2·3·2.5² = 37.5
        //   t = 2: n₀ = 3, μ₀ = 1;   n₁ = 2, μ₁ = 7/2 = 3.5;   3·2·2.5² = 37.5
        //   t = 3: n₀ = 4, μ₀ = 1.5; n₁ = 1, μ₁ = 4;           4·1·2.5² = 25
        // t = 1 and t = 2 tie; the lowest level is returned.
        #expect(otsuThreshold(histogram: [1, 1, 1, 1, 1]) == 1)
    }

    @Test("Two separated values: every level in the gap ties, the lowest is the lower value")
    func gapBetweenTwoValues() {
        // Values 2 (five pixels) and 6 (three pixels): t = 2…5 give the same partition.
        #expect(otsuThreshold(histogram: [0, 0, 5, 0, 0, 0, 3]) == 2)
    }

    @Test("Search runs over the occupied range only")
    func occupiedRange() {
        // Values 10 and 11 only: the single candidate level is 10, whatever the leading zeros.
        var counts = [Int](repeating: 0, count: 12)
        counts[10] = 4
        counts[11] = 1
        #expect(otsuThreshold(histogram: counts) == 10)
    }

    @Test("Fewer than two distinct values gives nil", arguments: [
        [Int](), [0, 0, 0], [7], [0, 0, 9], [0, 5, 0, 0],
    ])
    func degenerate(counts: [Int]) {
        #expect(otsuThreshold(histogram: counts) == nil)
    }

    @Test("Histogram has one bin per integer from 0 to the maximum sample")
    func histogramBins() {
        let image = Image<UInt8>(width: 3, height: 2, samples: [4, 0, 4, 2, 4, 0])
        #expect(histogram(of: image) == [2, 0, 1, 0, 3])
        let wide = Image<UInt16>(width: 2, height: 1, samples: [1000, 998])
        let counts = histogram(of: wide)
        #expect(counts.count == 1001)
        #expect(counts[998] == 1 && counts[1000] == 1 && counts.reduce(0, +) == 2)
    }

    @Test("8-bit histogram equals a per-sample count, for lengths that are and are not multiples of 8")
    func byteHistogramCounts() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for (width, height) in [(1, 1), (7, 3), (8, 8), (13, 11), (64, 9), (257, 5)] {
            let samples = (0 ..< width * height).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly a narrow band (long runs of a few values), some samples anywhere.
                let r = UInt8(truncatingIfNeeded: state >> 56)
                return r < 200 ? 100 + r % 5 : r
            }
            var expected = [Int](repeating: 0, count: Int(samples.max()!) + 1)
            for v in samples { expected[Int(v)] += 1 }
            #expect(histogram(of: Image<UInt8>(width: width, height: height, samples: samples)) == expected)
        }
        #expect(histogram(of: Image<UInt8>(width: 5, height: 1, samples: [255, 0, 255, 3, 255])).count == 256)
        #expect(histogram(of: Image<UInt8>(width: 4, height: 2, repeating: 0)) == [8])
    }

    @Test("Otsu of an image histogram splits a bimodal image between its modes")
    func bimodalImage() throws {
        // Five pixels at 20, one at 21, one at 199, nine at 200 (N = 16, Σ v = 2120):
        //   t = 20:       n₀ = 5, μ₀ = 100/5 = 20;     n₁ = 11, μ₁ = 2020/11 = 183.64;  55·163.64² = 1.473e6
        //   t = 21…198:   n₀ = 6, μ₀ = 121/6 = 20.17;  n₁ = 10, μ₁ = 1999/10 = 199.9;   60·179.73² = 1.938e6
        //   t = 199:      n₀ = 7, μ₀ = 320/7 = 45.71;  n₁ = 9,  μ₁ = 200;               63·154.29² = 1.500e6
        // The plateau 21…198 wins and its lowest level is 21.
        var samples = [UInt8](repeating: 20, count: 6) + [UInt8](repeating: 200, count: 10)
        samples[0] = 21
        samples[15] = 199
        let image = Image<UInt8>(width: 4, height: 4, samples: samples)
        #expect(otsuThreshold(histogram: histogram(of: image)) == 21)
    }
}
