import Foundation
import LacunaFit
import Testing

@Suite("Hierarchical bootstrap")
struct BootstrapTests {
    static let currentDensities = [1.0, 2, 5, 10]
    /// The reference strata: one mean radius per image.
    static var strata: [ConditionSample] {
        zip(currentDensities, ModelReference.strata).map { i, values in
            ConditionSample(currentDensity: i, images: values.map { [$0] })
        }
    }

    /// The OLS slope of 1/r̄ on i, computed afresh (not through the bootstrap's own code).
    static func slope(_ means: [Double]) throws -> Double {
        try fitLinear(x: currentDensities, y: means.map { 1 / $0 }).slope
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test("interval arithmetic equals scipy's for a fixed bootstrap distribution (percentile and BCa)")
    func fixedDistribution() throws {
        let means = ModelReference.strata.map(Self.mean)
        let estimate = try Self.slope(means)
        #expect(Tolerance.close(estimate, ModelReference.strataSlope, relative: 1e-10))
        // Jackknife by hand: drop each image of each condition and refit.
        var jackknife: [[Double]] = []
        for (c, values) in ModelReference.strata.enumerated() {
            jackknife.append(try values.indices.map { k in
                var reduced = means
                var rest = values
                rest.remove(at: k)
                reduced[c] = Self.mean(rest)
                return try Self.slope(reduced)
            })
        }
        let fixed = (0..<40).map { (k: Int) -> Double in
            let step = 0.01 * (Double(k) - 14.5) / 7
            return estimate + step + 0.002 * sin(Double(k))
        }
        let interval = BootstrapInterval(estimate: estimate, replicates: fixed.reversed(), jackknife: jackknife,
                                         confidenceLevel: 0.95)
        #expect(Tolerance.close(interval.acceleration, ModelReference.fixedAcceleration, relative: 1e-8))
        #expect(Tolerance.close(interval.percentile.lowerBound, ModelReference.fixedPercentile.0, relative: 1e-10))
        #expect(Tolerance.close(interval.percentile.upperBound, ModelReference.fixedPercentile.1, relative: 1e-10))
        let bca = try #require(interval.bca)
        #expect(Tolerance.close(bca.lowerBound, ModelReference.fixedBCa.0, relative: 1e-8))
        #expect(Tolerance.close(bca.upperBound, ModelReference.fixedBCa.1, relative: 1e-8))
    }

    @Test("the bootstrap's own jackknife gives scipy's acceleration; estimates are the data's")
    func acceleration() throws {
        let result = try HierarchicalBootstrap(samples: Self.strata, options: BootstrapOptions(resamples: 50))
        #expect(Tolerance.close(result.slope.acceleration, ModelReference.fixedAcceleration, relative: 1e-8))
        #expect(Tolerance.close(result.slope.estimate, ModelReference.strataSlope, relative: 1e-10))
        #expect(Tolerance.close(result.exponent.estimate, ModelReference.strataExponent, relative: 1e-10))
    }

    @Test("9999 resamples agree with scipy.stats.bootstrap within Monte Carlo error")
    func agreesWithScipy() throws {
        let result = try HierarchicalBootstrap(samples: Self.strata, options: BootstrapOptions(resamples: 9999, seed: 3))
        // Monte Carlo SE of a 2.5 % quantile with B = 9999 is ≈ 0.03 bootstrap SEs per run; two
        // independent runs differ by ≈ 0.04 SE, so 0.2 SE is five of those.
        let slopeTolerance = 0.2 * ModelReference.scipySlopeStandardError
        let exponentTolerance = 0.2 * ModelReference.scipyExponentStandardError
        let slopeBCa = try #require(result.slope.bca)
        #expect(abs(slopeBCa.lowerBound - ModelReference.scipySlopeBCa.0) < slopeTolerance)
        #expect(abs(slopeBCa.upperBound - ModelReference.scipySlopeBCa.1) < slopeTolerance)
        #expect(abs(result.slope.percentile.lowerBound - ModelReference.scipySlopePercentile.0) < slopeTolerance)
        #expect(abs(result.slope.percentile.upperBound - ModelReference.scipySlopePercentile.1) < slopeTolerance)
        let exponentBCa = try #require(result.exponent.bca)
        #expect(abs(exponentBCa.lowerBound - ModelReference.scipyExponentBCa.0) < exponentTolerance)
        #expect(abs(exponentBCa.upperBound - ModelReference.scipyExponentBCa.1) < exponentTolerance)
        #expect(abs(result.exponent.percentile.lowerBound - ModelReference.scipyExponentPercentile.0)
                < exponentTolerance)
        // The SD of B = 9999 replicates has a relative Monte Carlo SE of 1/√(2B) ≈ 0.7 %.
        #expect(Tolerance.close(result.slope.standardError, ModelReference.scipySlopeStandardError, relative: 0.04))
        #expect(Tolerance.close(result.exponent.standardError, ModelReference.scipyExponentStandardError,
                                relative: 0.04))
    }

    @Test("same seed, identical intervals; another seed, different ones; the count is recorded")
    func deterministic() throws {
        let samples = Self.poreLevelSamples()
        let options = BootstrapOptions(resamples: 300, seed: 99)
        let a = try HierarchicalBootstrap(samples: samples, options: options)
        let b = try HierarchicalBootstrap(samples: samples, options: options)
        #expect(a == b)
        let c = try HierarchicalBootstrap(samples: samples, options: BootstrapOptions(resamples: 300, seed: 100))
        #expect(a.slope.percentile != c.slope.percentile)
        #expect(a.options.resamples == 300 && a.options.seed == 99)
    }

    @Test("the resamples give the same intervals on 1, 2 and 3 threads (one stream per resample)")
    func threadCountInvariant() throws {
        let samples = Self.poreLevelSamples()
        let options = BootstrapOptions(resamples: 301, seed: 12)
        let one = try HierarchicalBootstrap(samples: samples, options: options, threads: 1)
        for threads in [2, 3] {
            #expect(try HierarchicalBootstrap(samples: samples, options: options, threads: threads) == one)
        }
    }

    @Test("pores only (one image per condition): SE matches the delta-method propagation of SD/√n")
    func poresOnly() throws {
        // Two conditions, one image each: slope = (1/r̄₂ − 1/r̄₁)/(i₂ − i₁); the bootstrap SE of
        // each r̄ is the population SD/√n, and σ(1/r̄) ≈ σ(r̄)/r̄².
        var generator = SeededGenerator(seed: 5)
        let first = (0..<400).map { _ in 3 * exp(0.3 * generator.nextGaussian()) }
        let second = (0..<400).map { _ in 1 * exp(0.3 * generator.nextGaussian()) }
        let samples = [ConditionSample(currentDensity: 1, images: [first]),
                       ConditionSample(currentDensity: 3, images: [second])]
        let result = try HierarchicalBootstrap(samples: samples, options: BootstrapOptions(resamples: 2000))
        func propagated(_ values: [Double]) -> Double {
            let mean = Self.mean(values)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            return (variance / Double(values.count)).squareRoot() / (mean * mean)
        }
        let expected = (pow(propagated(first), 2) + pow(propagated(second), 2)).squareRoot() / 2
        // B = 2000: relative MC error of an SD ≈ 1.6 %; the delta method is first order (CV 1.5 %).
        #expect(Tolerance.close(result.slope.standardError, expected, relative: 0.06))
    }

    @Test("resampling pores as well as images widens the slope's bootstrap distribution")
    func secondLevelAddsVariance() throws {
        let samples = Self.poreLevelSamples()
        let both = try HierarchicalBootstrap(samples: samples, options: BootstrapOptions(resamples: 2000, seed: 8))
        let imagesOnly = try HierarchicalBootstrap(
            samples: samples, options: BootstrapOptions(resamples: 2000, seed: 8, resamplesPores: false))
        #expect(both.slope.standardError > imagesOnly.slope.standardError)
    }

    @Test("unit weights change nothing; weights move the estimate and the jackknife as Σwr/Σw does")
    func weights() throws {
        let plain = Self.poreLevelSamples()
        let unit = plain.map { sample in
            ConditionSample(currentDensity: sample.currentDensity, images: sample.images,
                            weights: sample.images.map { [Double](repeating: 1, count: $0.count) })
        }
        let options = BootstrapOptions(resamples: 200, seed: 4)
        let fromPlain = try HierarchicalBootstrap(samples: plain, options: options)
        let fromUnit = try HierarchicalBootstrap(samples: unit, options: options)
        #expect(fromPlain == fromUnit)
        // One image per condition: the slope estimate uses the weighted means, computed afresh.
        let images: [[Double]] = [[4, 5, 3], [2, 2.5, 1.5], [1, 0.8, 0.9], [0.4, 0.5, 0.3]]
        let w: [[Double]] = [[1, 2, 1], [3, 1, 1], [1, 1, 2], [2, 2, 1]]
        let samples = (0..<4).map { ConditionSample(currentDensity: Self.currentDensities[$0], images: [images[$0]],
                                                    weights: [w[$0]]) }
        let means = (0..<4).map { k in zip(images[k], w[k]).reduce(0) { $0 + $1.0 * $1.1 } / w[k].reduce(0, +) }
        let result = try HierarchicalBootstrap(samples: samples, options: options)
        #expect(Tolerance.close(result.slope.estimate, try Self.slope(means), relative: 1e-12))
        // The acceleration from the weighted leave-one-pore-out means, by hand.
        var jackknife: [[Double]] = []
        for k in 0..<4 {
            jackknife.append(try (0..<3).map { j in
                var reduced = means
                var weighted = 0.0, total = 0.0
                for p in 0..<3 where p != j {
                    weighted += w[k][p] * images[k][p]
                    total += w[k][p]
                }
                reduced[k] = weighted / total
                return try Self.slope(reduced)
            })
        }
        let expected = BootstrapInterval(estimate: result.slope.estimate, replicates: [0, 1], jackknife: jackknife,
                                         confidenceLevel: 0.95).acceleration
        #expect(Tolerance.close(result.slope.acceleration, expected, relative: 1e-9))
    }

    @Test("nothing to resample, too few conditions, equal current densities: typed errors")
    func errors() {
        #expect(throws: FitError.nothingToResample(index: 1)) {
            try HierarchicalBootstrap(samples: [ConditionSample(currentDensity: 1, images: [[2], [3]]),
                                                ConditionSample(currentDensity: 2, images: [[1]])])
        }
        #expect(throws: FitError.tooFewPoints(count: 1, required: 2)) {
            try HierarchicalBootstrap(samples: [ConditionSample(currentDensity: 1, images: [[2], [3]])])
        }
        #expect(throws: FitError.constantPredictor) {
            try HierarchicalBootstrap(samples: [ConditionSample(currentDensity: 1, images: [[2], [3]]),
                                                ConditionSample(currentDensity: 1, images: [[1], [2]])])
        }
        #expect(throws: FitError.emptyCondition(index: 1)) {
            try HierarchicalBootstrap(samples: [ConditionSample(currentDensity: 1, images: [[2], [3]]),
                                                ConditionSample(currentDensity: 2, images: [])])
        }
    }

    /// Four conditions × three images × 30 pores, seeded.
    static func poreLevelSamples() -> [ConditionSample] {
        var generator = SeededGenerator(seed: 2024)
        return currentDensities.map { i in
            let radius = 1 / (0.25 * i)
            let images = (0..<3).map { _ in
                let imageMean = radius * exp(0.1 * generator.nextGaussian())
                return (0..<30).map { _ in imageMean * exp(0.35 * generator.nextGaussian()) }
            }
            return ConditionSample(currentDensity: i, images: images)
        }
    }
}
