import Foundation
import LacunaImage

/// Bootstrap intervals of the r–i coefficients that respect how the data were collected:
/// conditions are fixed design points, images are the replicates within a condition, pores are
/// nested in images.
///
/// Each resample keeps every condition (stratum) and its current density, draws as many images
/// as it has, with replacement, and — when ``BootstrapOptions/resamplesPores`` is set — draws
/// each drawn image's pores with replacement; a condition with a single image resamples that
/// image's pores. Image means are weighted means Σwᵢrᵢ/Σwᵢ of the (resampled) pores when the
/// samples carry weights. The condition mean is the mean of the (resampled) image means, as in
/// ``ConditionSample/estimate()``, and the coefficients are refitted on the condition means:
/// - the OLS slope b (µm⁻¹ per mA/cm²) and intercept a (µm⁻¹) of 1/r = a + b·i,
/// - the exponent n of r = A·iⁿ (OLS of ln r on ln i).
///
/// This is the two-stage scheme of Davison & Hinkley, *Bootstrap Methods and their
/// Application* (1997), §3.8, within strata (§3.7). Resampling both stages counts the
/// within-image variance twice (once through the image means, once through the pore draws), so
/// it tends to overstate the variance; resampling images alone gives a variance (m − 1)/m times
/// the usual SE² for m images, which understates it when m is small. docs/fitting.md reports
/// the measured coverage. The BCa acceleration uses leave-one-out estimates of the top-level
/// units of each stratum (images, or the pores of a single image).
///
/// Deterministic: resample b draws from its own subsequence of ``SeededGenerator``, the seeded
/// generator jumped b times (2¹²⁸ steps each, ``SeededGenerator/jump()``), in a fixed order
/// (condition, image slot, pore slot), so the same data, seed and count give the same
/// intervals on any number of threads. O(B · total pores) time, spread over `threads`.
public struct HierarchicalBootstrap: Sendable, Equatable {
    /// The settings used (recorded in fit.json).
    public var options: BootstrapOptions
    /// Slope b of 1/r = a + b·i, µm⁻¹ per mA/cm².
    public var slope: BootstrapInterval
    /// Intercept a of 1/r = a + b·i, µm⁻¹.
    public var intercept: BootstrapInterval
    /// Exponent n of r = A·iⁿ (dimensionless).
    public var exponent: BootstrapInterval

    /// Runs the bootstrap over `samples` (one per condition).
    ///
    /// - Throws: ``FitError/tooFewPoints(count:required:)`` for fewer than two conditions,
    ///   ``FitError/constantPredictor`` when all current densities are equal,
    ///   ``FitError/nonPositiveValue(index:value:)`` for a current density ≤ 0, the errors of
    ///   ``ConditionSample/estimate()``, ``FitError/nothingToResample(index:)``.
    public init(samples: [ConditionSample], options: BootstrapOptions = BootstrapOptions(),
                threads: Int = 1) throws(FitError) {
        guard samples.count >= 2 else { throw .tooFewPoints(count: samples.count, required: 2) }
        for (index, sample) in samples.enumerated() {
            guard sample.currentDensity.isFinite else { throw .nonFiniteValue(index: index) }
            guard sample.currentDensity > 0 else { throw .nonPositiveValue(index: index, value: sample.currentDensity) }
            do {
                _ = try sample.estimate()
            } catch .emptyCondition {
                throw .emptyCondition(index: index)
            }
            if sample.images.count == 1 && sample.images[0].count == 1 { throw .nothingToResample(index: index) }
        }
        let statistics = try Statistics(currentDensities: samples.map(\.currentDensity))
        let data = FlatSample(samples)
        self.options = options

        let observed = statistics.evaluate(data.conditionMeans)
        var streams = [SeededGenerator]()
        streams.reserveCapacity(options.resamples)
        var generator = SeededGenerator(seed: options.seed)
        for _ in 0..<options.resamples {
            streams.append(generator)
            generator.jump()
        }
        let values = parallelMap(options.resamples, threads: threads) { resample in
            var stream = streams[resample]
            var means = [Double](repeating: 0, count: samples.count)
            data.resample(into: &means, generator: &stream, resamplingPores: options.resamplesPores)
            return statistics.evaluate(means)
        }
        let replicates = (0..<3).map { index in values.map { $0[index] } }
        let jackknife = data.jackknife(statistics)
        let level = options.confidenceLevel
        slope = BootstrapInterval(estimate: observed[0], replicates: replicates[0],
                                  jackknife: jackknife.map { $0.map { $0[0] } }, confidenceLevel: level)
        intercept = BootstrapInterval(estimate: observed[1], replicates: replicates[1],
                                      jackknife: jackknife.map { $0.map { $0[1] } }, confidenceLevel: level)
        exponent = BootstrapInterval(estimate: observed[2], replicates: replicates[2],
                                     jackknife: jackknife.map { $0.map { $0[2] } }, confidenceLevel: level)
    }
}

/// The three refitted coefficients as linear functions of the condition means' transforms, with
/// the fixed design (current densities) folded into coefficient vectors.
private struct Statistics {
    /// (xₖ − x̄)/Sxx for x = i: slope = Σ cₖ·(1/r̄ₖ).
    var slopeWeights: [Double]
    var meanX: Double
    /// (ln iₖ − mean ln i)/S for the exponent.
    var exponentWeights: [Double]

    init(currentDensities x: [Double]) throws(FitError) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard sxx > 0 else { throw .constantPredictor }
        meanX = mean
        slopeWeights = x.map { ($0 - mean) / sxx }
        let logX = x.map { log($0) }
        let meanLogX = logX.reduce(0, +) / n
        let sll = logX.reduce(0) { $0 + ($1 - meanLogX) * ($1 - meanLogX) }
        exponentWeights = logX.map { ($0 - meanLogX) / sll }
    }

    /// [slope, intercept, exponent] for condition means `radii` (µm).
    func evaluate(_ radii: [Double]) -> [Double] {
        var slope = 0.0
        var meanY = 0.0
        var exponent = 0.0
        for index in radii.indices {
            let inverse = 1 / radii[index]
            slope += slopeWeights[index] * inverse
            meanY += inverse
            exponent += exponentWeights[index] * log(radii[index])
        }
        meanY /= Double(radii.count)
        return [slope, meanY - slope * meanX, exponent]
    }
}

/// All pore radii and weights in flat arrays with per-image offsets, for fast resampling.
private struct FlatSample {
    var values: [Double] = []
    var weights: [Double] = []
    /// Per image: (offset into values, count).
    var images: [(offset: Int, count: Int)] = []
    /// Per condition: (first image, image count).
    var conditions: [(first: Int, count: Int)] = []
    var imageMeans: [Double] = []

    init(_ samples: [ConditionSample]) {
        for sample in samples {
            conditions.append((images.count, sample.images.count))
            let means = sample.imageMeans
            for (index, image) in sample.images.enumerated() {
                images.append((values.count, image.count))
                values.append(contentsOf: image)
                weights.append(contentsOf: sample.poreWeights(ofImage: index))
                imageMeans.append(means[index])
            }
        }
    }

    /// Mean of image means per condition.
    var conditionMeans: [Double] {
        conditions.map { condition in
            imageMeans[condition.first..<(condition.first + condition.count)].reduce(0, +) / Double(condition.count)
        }
    }

    /// One resample's condition means.
    func resample(into means: inout [Double], generator: inout SeededGenerator, resamplingPores: Bool) {
        values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                for (conditionIndex, condition) in conditions.enumerated() {
                    var total = 0.0
                    for _ in 0..<condition.count {
                        let image = condition.count == 1
                            ? condition.first : condition.first + generator.next(below: condition.count)
                        let (offset, count) = images[image]
                        if count == 1 || (!resamplingPores && condition.count > 1) {
                            total += imageMeans[image]
                        } else {
                            var weighted = 0.0
                            var weightSum = 0.0
                            for _ in 0..<count {
                                let pore = offset + generator.next(below: count)
                                weighted += weights[pore] * values[pore]
                                weightSum += weights[pore]
                            }
                            total += weighted / weightSum
                        }
                    }
                    means[conditionIndex] = total / Double(condition.count)
                }
            }
        }
    }

    /// Per condition, the statistics with one top-level unit left out: an image when the
    /// condition has several, else one pore of its only image.
    func jackknife(_ statistics: Statistics) -> [[[Double]]] {
        let base = conditionMeans
        return conditions.indices.map { conditionIndex in
            let condition = conditions[conditionIndex]
            var means = base
            if condition.count >= 2 {
                let range = condition.first..<(condition.first + condition.count)
                let total = imageMeans[range].reduce(0, +)
                return range.map { image in
                    means[conditionIndex] = (total - imageMeans[image]) / Double(condition.count - 1)
                    return statistics.evaluate(means)
                }
            }
            let (offset, count) = images[condition.first]
            let range = offset..<(offset + count)
            let weighted = range.reduce(0) { $0 + weights[$1] * values[$1] }
            let weightSum = range.reduce(0) { $0 + weights[$1] }
            return range.map { pore in
                means[conditionIndex] = (weighted - weights[pore] * values[pore]) / (weightSum - weights[pore])
                return statistics.evaluate(means)
            }
        }
    }
}
