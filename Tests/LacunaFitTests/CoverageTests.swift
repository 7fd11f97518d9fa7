import Foundation
import LacunaFit
import Testing

/// Coverage studies: simulated datasets with a known slope, counting how often the intervals
/// contain it. The seeds were fixed before the first run.
@Suite("Coverage of the slope intervals")
struct CoverageTests {
    static let currentDensities = [1.0, 2, 5, 10]
    static let trueSlope = 0.25

    @Test("OLS t-interval: 200 datasets from 1/r = 0.25·i + N(0, 0.06²) cover b = 0.25 at least 93 % of the time")
    func olsCoverage() throws {
        var generator = SeededGenerator(seed: 20_250_601)
        var covered = 0
        for _ in 0..<200 {
            let y = Self.currentDensities.map { Self.trueSlope * $0 + 0.06 * generator.nextGaussian() }
            let interval = try #require(try fitLinear(x: Self.currentDensities, y: y).slopeCI95)
            if interval.contains(Self.trueSlope) { covered += 1 }
        }
        // Nominal 95 %: the count is Binomial(200, 0.95), SD 3.1; 186 is 2.3 SD below 190.
        #expect(covered >= 186, "covered \(covered) of 200")
    }

    @Test("hierarchical bootstrap: 200 simulated experiments (fast version, 199 resamples)")
    func bootstrapCoverage() throws {
        let study = try Self.bootstrapStudy(datasets: 200, resamples: 199, seed: 20_250_602)
        // The full study (docs/fitting.md) measures the exact figures; this fast version only
        // guards against a broken bootstrap (e.g. intervals of zero width cover ≈ 0 %).
        #expect(study.percentile >= 0.8, "percentile coverage \(study.percentile)")
        #expect(study.bca >= 0.8, "BCa coverage \(study.bca)")
        #expect(study.ols >= 0.8, "OLS coverage \(study.ols)")
    }

    @Test("full study for docs/fitting.md (LACUNA_COVERAGE_STUDY=1)",
          .enabled(if: ProcessInfo.processInfo.environment["LACUNA_COVERAGE_STUDY"] == "1"))
    func fullStudy() throws {
        let study = try Self.bootstrapStudy(datasets: 1000, resamples: 1999, seed: 20_250_603)
        print("coverage over 1000 datasets, B = 1999: percentile \(study.percentile), BCa \(study.bca), "
              + "OLS t \(study.ols), mean widths percentile \(study.percentileWidth) BCa \(study.bcaWidth) "
              + "OLS \(study.olsWidth)")
    }

    struct Study {
        var percentile: Double
        var bca: Double
        var ols: Double
        var percentileWidth: Double
        var bcaWidth: Double
        var olsWidth: Double
    }

    /// Experiments like the paper's: conditions at 1, 2, 5, 10 mA/cm² with true mean radius
    /// r_c = 1/(0.25·i) µm; three images per condition whose means scatter log-normally by 10 %
    /// around r_c (mean-preserving), forty pores per image scattering log-normally by 35 % around
    /// the image mean. Each dataset is bootstrapped (images and pores) and its slope intervals
    /// checked against the true 0.25 µm⁻¹ per mA/cm².
    static func bootstrapStudy(datasets: Int, resamples: Int, seed: UInt64) throws -> Study {
        var generator = SeededGenerator(seed: seed)
        var counts = (percentile: 0, bca: 0, ols: 0)
        var widths = (percentile: 0.0, bca: 0.0, ols: 0.0)
        for dataset in 0..<datasets {
            let samples = currentDensities.map { i in
                let radius = 1 / (trueSlope * i)
                let images = (0..<3).map { _ in
                    let imageMean = radius * exp(0.10 * generator.nextGaussian() - 0.005)
                    return (0..<40).map { _ in imageMean * exp(0.35 * generator.nextGaussian() - 0.06125) }
                }
                return ConditionSample(currentDensity: i, images: images)
            }
            let bootstrap = try HierarchicalBootstrap(
                samples: samples, options: BootstrapOptions(resamples: resamples, seed: UInt64(dataset) + seed))
            if bootstrap.slope.percentile.contains(trueSlope) { counts.percentile += 1 }
            widths.percentile += bootstrap.slope.percentile.upperBound - bootstrap.slope.percentile.lowerBound
            if let bca = bootstrap.slope.bca {
                if bca.contains(trueSlope) { counts.bca += 1 }
                widths.bca += bca.upperBound - bca.lowerBound
            }
            let means = try samples.map { try $0.estimate().meanRadius }
            let ols = try fitLinear(x: currentDensities, y: means.map { 1 / $0 })
            if let interval = ols.slopeCI95 {
                if interval.contains(trueSlope) { counts.ols += 1 }
                widths.ols += interval.upperBound - interval.lowerBound
            }
        }
        let n = Double(datasets)
        return Study(percentile: Double(counts.percentile) / n, bca: Double(counts.bca) / n,
                     ols: Double(counts.ols) / n, percentileWidth: widths.percentile / n,
                     bcaWidth: widths.bca / n, olsWidth: widths.ols / n)
    }
}
