import LacunaImage
@testable import LacunaSegmentation
import Testing

/// Methods scikit-image lacks (Huang, MaxEntropy, Intermodes, Moments, Percentile) and the
/// conventions' binning, on histograms small enough to compute by hand (values in comments).
@Suite("Global thresholds on hand-computed histograms")
struct GlobalThresholdHandTests {
    /// A one-row image with `counts[i]` pixels of value `offset + i`.
    static func image(_ counts: [Int], offset: Int = 0) -> Image<UInt8> {
        var samples: [UInt8] = []
        for (i, n) in counts.enumerated() { samples += Array(repeating: UInt8(offset + i), count: n) }
        return Image(width: samples.count, height: 1, samples: samples)
    }

    @Test("Percentile: the bin whose cumulative fraction is nearest the target")
    func percentile() throws {
        // counts 2, 3, 5 → cumulative fractions 0.2, 0.5, 1.0.
        #expect(percentileBin([2, 3, 5], fraction: 0.5) == 1)
        #expect(percentileBin([2, 3, 5], fraction: 0.3) == 0)  // |0.2 − 0.3| < |0.5 − 0.3|
        let t = try GlobalThreshold(of: Self.image([2, 3, 5], offset: 10), method: .percentile, percentile: 0.5)
        #expect(t.level == 11)
    }

    @Test("Moments: values 0, 1, 2 with counts 1, 2, 1 preserve p₀ = ½, so t = 1")
    func moments() {
        // m₁ = 1, m₂ = 1.5, m₃ = 2.5; cd = 0.5, c₀ = 0.5, c₁ = −2; z = 1 ∓ √2/2;
        // p₀ = (z₁ − m₁)/(z₁ − z₀) = ½. Cumulative 0.25, 0.75: first above ½ is bin 1.
        #expect(momentsBin([1, 2, 1]) == 1)
    }

    @Test("MaxEntropy: four equal spikes at 0, 1, 3, 4 split in the middle")
    func maxEntropy() {
        // t = 0: H = 0 + ln 3 = 1.0986; t = 1 (and 2, same split): ln 2 + ln 2 = 1.3863;
        // t = 3: ln 3 + 0. Lowest maximiser: 1.
        #expect(maxEntropyBin([1, 1, 0, 1, 1]) == 1)
    }

    @Test("Huang: spikes at 0, 1 and 4 split after 1")
    func huang() {
        // term = 1/4. Fuzzy entropy Σ S(μ), μ = 1/(1 + |i − m|/4), S(μ) = −μ ln μ − (1−μ) ln(1−μ):
        //   t = 0: low {0} (μ = 1, S = 0), high {1, 4}, m = 2.5, μ = 0.7273 each → 2·0.5859 = 1.1719
        //   t = 1…3: low {0, 1}, m = 0.5, μ = 0.8889 each → 2·0.3488 = 0.6976; high {4} → 0
        //   t = 4: one class, m = 5/3: S(0.7059) + S(0.8571) + S(0.6316) = 0.6058 + 0.4101 + 0.6581 = 1.674
        #expect(huangBin([1, 1, 0, 0, 1]) == 1)
        // Two spikes: every split between them has zero fuzziness; the lowest wins.
        #expect(huangBin([2, 0, 0, 0, 2]) == 0)
    }

    @Test("Intermodes and ImageJ's Minimum on an already bimodal histogram")
    func modes() {
        // Strict maxima at 1 and 5 → Intermodes ⌊(1 + 5)/2⌋ = 3; the first valley
        // (y[i−1] > y[i] ≤ y[i+1]) is bin 2.
        #expect(intermodesBin([1, 5, 1, 1, 1, 6, 1]) == 3)
        #expect(minimumBin([1, 5, 1, 1, 1, 6, 1], imagej: true) == 2)
        // Intermodes works on the occupied range and adds its start back: 3 + 2.
        #expect(intermodesBin([0, 0, 1, 5, 1, 1, 1, 6, 1]) == 5)
        // A single mode never becomes bimodal.
        #expect(intermodesBin([1, 2, 3, 2, 1]) == nil)
    }

    @Test("Mean: ImageJ truncates to a bin, scikit-image keeps the real mean")
    func mean() throws {
        // Values 10, 13, 14: mean 37/3 = 12.333.
        let image = Self.image([1, 0, 0, 1, 1], offset: 10)
        let s = try GlobalThreshold(of: image, method: .mean, convention: .skimage)
        #expect(abs(s.value - 37.0 / 3) < 1e-12 && s.level == 12)
        let j = try GlobalThreshold(of: image, method: .mean, convention: .imagej)
        #expect(j.level == 12 && j.value == 13)
    }

    @Test("ImageJ binning of deep images: bin = ⌊255·(v − min)/(max − min)⌋, lower = min + (bin+1)·(max − min)/255")
    func imagejBinning() {
        // min 0, max 510: bin = ⌊v/2⌋; 510 lands in bin 255.
        let image = Image<UInt16>(width: 4, height: 1, samples: [0, 1, 193, 510])
        let h = ThresholdHistogram(of: image, convention: .imagej)
        #expect(h.counts.count == 256 && h.counts[0] == 2 && h.counts[96] == 1 && h.counts[255] == 1)
        #expect(h.binWidth == 2)
        // Bin 96 → lower 97·2 = 194, so value ≥ 194 ⇔ value > 193.
        let t = GlobalThreshold.mapping(96, in: h, convention: .imagej)
        #expect(t.value == 194 && t.level == 193 && t.bin == 96)
        // A non-integer lower: min 0, max 1000 → bin 0 → lower 1000/255 = 3.92, level 3.
        let wide = ThresholdHistogram(of: Image<UInt16>(width: 2, height: 1, samples: [0, 1000]), convention: .imagej)
        #expect(GlobalThreshold.mapping(0, in: wide, convention: .imagej).level == 3)
    }

    @Test("scikit-image binning: one bin per integer over the occupied range")
    func skimageBinning() {
        let h = ThresholdHistogram(of: Image<UInt16>(width: 3, height: 1, samples: [1000, 1003, 1003]), convention: .skimage)
        #expect(h.counts == [1, 0, 0, 2] && h.origin == 1000)
    }

    @Test("Every method on a two-valued image puts the low value in the pores", arguments: ThresholdMethod.allCases)
    func twoValues(method: ThresholdMethod) throws {
        // Two-valued images are degenerate for two criteria, which we keep as defined:
        // Yen's criterion −ln(p²q²) + 2 ln(pq) is 0 at every split, and Tsai's p₀ equals the
        // cumulative fraction at the low value, so "first bin above p₀" is the high value.
        guard ![.manual, .yen, .moments].contains(method) else { return }
        // Values 40 (6 px) and 200 (10 px): any sensible level lies in 40…199.
        let image = Image<UInt8>(width: 4, height: 4, samples: Array(repeating: 40, count: 6) + Array(repeating: 200, count: 10))
        for convention in ThresholdConvention.allCases {
            do {
                let t = try GlobalThreshold(of: image, method: method, convention: convention)
                #expect((40 ..< 200).contains(t.level), "\(method) \(convention): \(t.level)")
            } catch {
                // Minimum and Intermodes need two strict maxima, which two isolated spikes have
                // only after smoothing; Li's iteration is defined here too. Only notFound is allowed.
                #expect(error == .notFound(method), "\(method) \(convention)")
            }
        }
    }

    @Test("Constant, 1×1 and empty images throw singleLevel, never crash", arguments: ThresholdMethod.allCases)
    func degenerate(method: ThresholdMethod) {
        guard method != .manual else { return }
        for convention in ThresholdConvention.allCases {
            #expect(throws: ThresholdError.singleLevel(7)) {
                try GlobalThreshold(of: Image<UInt8>(width: 3, height: 2, repeating: 7), method: method, convention: convention)
            }
            #expect(throws: ThresholdError.singleLevel(9)) {
                try GlobalThreshold(of: Image<UInt16>(width: 1, height: 1, repeating: 9), method: method, convention: convention)
            }
            #expect(throws: ThresholdError.singleLevel(0)) {
                try GlobalThreshold(of: Image<UInt8>(width: 0, height: 0, samples: []), method: method, convention: convention)
            }
        }
    }

    @Test("Bad parameters are named in the error")
    func badParameters() throws {
        let image = Self.image([3, 0, 4])
        #expect(throws: ThresholdError.invalidParameter(name: "manual threshold", value: "none", expected: "a grey level in 0…255")) {
            try GlobalThreshold(of: image, method: .manual)
        }
        #expect(throws: ThresholdError.invalidParameter(name: "manual threshold", value: "256", expected: "a grey level in 0…255")) {
            try GlobalThreshold(of: image, method: .manual, manualLevel: 256)
        }
        #expect(try GlobalThreshold(of: image, method: .manual, manualLevel: 1).level == 1)
        for bad in [0.0, 1.0, -0.5, .nan, .infinity] {
            #expect(throws: ThresholdError.self) { try GlobalThreshold(of: image, method: .percentile, percentile: bad) }
        }
    }

    @Test("Huang refuses per-integer 16-bit histograms wider than 4096 levels")
    func huangLimit() {
        let image = Image<UInt16>(width: 2, height: 1, samples: [0, 5000])
        #expect(throws: ThresholdError.tooManyLevels(method: .huang, levels: 5001, limit: 4096)) {
            try GlobalThreshold(of: image, method: .huang, convention: .skimage)
        }
        #expect(throws: Never.self) { try GlobalThreshold(of: image, method: .huang, convention: .imagej) }
    }

    @Test("Thresholds leave the image unchanged")
    func inputUnchanged() throws {
        let image = Self.image([1, 5, 1, 1, 1, 6, 1])
        let copy = image
        for method in ThresholdMethod.allCases where method != .manual {
            _ = try? GlobalThreshold(of: image, method: method, convention: .imagej)
        }
        #expect(image == copy)
    }
}
