import LacunaFit
import Testing

@Suite("Per-condition aggregation")
struct ConditionSampleTests {
    @Test("several images: mean of image means, SE from the image-to-image spread (hand calculation)")
    func images() throws {
        // Image means 2 and 5 → mean 3.5; SD of (2, 5) = 3/√2, SE = SD/√2 = 1.5.
        let estimate = try ConditionSample(currentDensity: 2, images: [[1, 2, 3], [4, 6]]).estimate()
        #expect(estimate.meanRadius == 3.5)
        #expect(abs(try #require(estimate.radiusStandardError) - 1.5) < 1e-15)
        #expect(estimate.standardErrorSource == .images)
        #expect(estimate.imageCount == 2 && estimate.poreCount == 5)
        #expect(estimate.currentDensity == 2)
        // Delta method: σ(1/r) = σ_r/r² = 1.5/12.25.
        #expect(abs(try #require(estimate.inverseRadiusStandardError) - 1.5 / 12.25) < 1e-15)
    }

    @Test("one image: SE from the pore-level spread")
    func onePoreLevel() throws {
        // Radii 1, 2, 3, 4: mean 2.5, sample SD √(5/3), SE = √(5/3)/2.
        let estimate = try ConditionSample(currentDensity: 1, images: [[1, 2, 3, 4]]).estimate()
        #expect(estimate.meanRadius == 2.5)
        #expect(abs(try #require(estimate.radiusStandardError) - (5.0 / 3).squareRoot() / 2) < 1e-15)
        #expect(estimate.standardErrorSource == .pores)
    }

    @Test("one image with one pore: no SE")
    func single() throws {
        let estimate = try ConditionSample(currentDensity: 1, images: [[2]]).estimate()
        #expect(estimate.radiusStandardError == nil && estimate.standardErrorSource == .none)
    }

    @Test("images weigh equally whatever their pore count")
    func equalImageWeight() throws {
        let estimate = try ConditionSample(currentDensity: 1, images: [[1], [3, 3, 3, 3, 3, 3]]).estimate()
        #expect(estimate.meanRadius == 2)
    }

    @Test("weighted pores: image mean Σwr/Σw, single-image SE by linearisation (hand calculation)")
    func weighted() throws {
        // Radii 1, 3 with weights 1, 3: mean (1 + 9)/4 = 2.5; Σw²(r − r̄)² = 2.25 + 2.25 = 4.5;
        // SE = √(2/1 · 4.5)/4 = 0.75.
        let estimate = try ConditionSample(currentDensity: 1, images: [[1, 3]], weights: [[1, 3]]).estimate()
        #expect(estimate.meanRadius == 2.5)
        #expect(abs(try #require(estimate.radiusStandardError) - 0.75) < 1e-15)
        // Unit weights reproduce the unweighted SD/√n: (1, 3) → SD √2, SE 1.
        let unit = try ConditionSample(currentDensity: 1, images: [[1, 3]], weights: [[1, 1]]).estimate()
        #expect(abs(try #require(unit.radiusStandardError) - 1) < 1e-15)
        // Several images: weighted image means (2.5 and 4), then their plain mean and spread.
        let two = try ConditionSample(currentDensity: 1, images: [[1, 3], [4]], weights: [[1, 3], [2]]).estimate()
        let twoError = try #require(two.radiusStandardError)
        #expect(two.meanRadius == 3.25 && abs(twoError - 0.75) < 1e-15)
        #expect(throws: FitError.emptyCondition(index: 0)) {
            try ConditionSample(currentDensity: 1, images: [[1, 3]], weights: [[1]]).estimate()
        }
        #expect(throws: FitError.nonPositiveStandardError(index: 1, value: 0)) {
            try ConditionSample(currentDensity: 1, images: [[1, 3]], weights: [[1, 0]]).estimate()
        }
    }

    @Test("empty or invalid data throw")
    func errors() {
        #expect(throws: FitError.emptyCondition(index: 0)) {
            try ConditionSample(currentDensity: 1, images: []).estimate()
        }
        #expect(throws: FitError.emptyCondition(index: 0)) {
            try ConditionSample(currentDensity: 1, images: [[1], []]).estimate()
        }
        #expect(throws: FitError.nonPositiveValue(index: 1, value: 0)) {
            try ConditionSample(currentDensity: 1, images: [[1, 0]]).estimate()
        }
        #expect(throws: FitError.nonFiniteValue(index: 0)) {
            try ConditionSample(currentDensity: 1, images: [[.nan]]).estimate()
        }
    }

    @Test("given estimates: the SE source follows whether an SE was given")
    func given() {
        #expect(ConditionEstimate(currentDensity: 1, meanRadius: 2, radiusStandardError: 0.1).standardErrorSource == .given)
        #expect(ConditionEstimate(currentDensity: 1, meanRadius: 2).standardErrorSource == .none)
    }
}
