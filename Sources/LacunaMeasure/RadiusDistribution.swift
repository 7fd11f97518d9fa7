#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summary of a weighted sample of pore radii, in the radii's unit.
///
/// - `numberMean` Σwᵢrᵢ / Σwᵢ: the mean over pores.
/// - `areaMean` Σwᵢaᵢrᵢ / Σwᵢaᵢ: the mean over pore area (over pore pixels, as PoreSpy's size
///   distribution weights), larger than `numberMean` for any spread of sizes.
/// - `d10`, `d50`, `d90`: number-weighted quantiles. On the cumulative-weight axis each pore
///   holds its radius from the centre of its first unit of weight to the centre of its last,
///   with linear interpolation between pores (Hazen plotting positions, Hyndman & Fan 1996,
///   "Sample quantiles in statistical packages", type 5), so integer weights act as repeated
///   pores and with unit weights `d50` is the usual median.
/// - `logMean`, `logSD`: maximum-likelihood log-normal parameters μ = Σwᵢ ln rᵢ / Σwᵢ and
///   σ = √(Σwᵢ(ln rᵢ − μ)² / Σwᵢ) (divisor W, the MLE, not W − 1).
/// Radii that are not positive or not finite are left out. O(n log n).
public struct RadiusDistribution: Sendable, Equatable {
    /// Pores in the sample.
    public var count: Int
    /// Σwᵢ: with unit weights the count; with Miles–Lantuéjoul weights the estimated number of
    /// pores in the frame.
    public var weightSum: Double
    public var numberMean: Double?
    public var areaMean: Double?
    public var d10: Double?
    public var d50: Double?
    public var d90: Double?
    public var logMean: Double?
    public var logSD: Double?

    /// - Parameters: radii, areas (any unit; only ratios matter) and weights, of equal length.
    public init(radii: [Double], areas: [Double], weights: [Double]) {
        precondition(radii.count == areas.count && radii.count == weights.count,
                     "\(radii.count) radii, \(areas.count) areas, \(weights.count) weights")
        let order = radii.indices
            .filter { radii[$0].isFinite && radii[$0] > 0 && weights[$0] > 0 }
            .sorted { radii[$0] < radii[$1] }
        count = order.count
        weightSum = order.reduce(0) { $0 + weights[$1] }
        guard !order.isEmpty else { return }
        let total = weightSum
        numberMean = order.reduce(0) { $0 + weights[$1] * radii[$1] } / total
        let areaWeight = order.reduce(0) { $0 + weights[$1] * areas[$1] }
        if areaWeight > 0 {
            areaMean = order.reduce(0) { $0 + weights[$1] * areas[$1] * radii[$1] } / areaWeight
        }
        // Knots of the quantile function on the cumulative-weight axis: pore i holds its radius
        // from the centre of its first unit of weight to the centre of its last.
        var knots: [(position: Double, radius: Double)] = []
        var cumulative = 0.0
        for i in order {
            let half = min(0.5, weights[i] / 2)
            knots.append((cumulative + half, radii[i]))
            cumulative += weights[i]
            knots.append((cumulative - half, radii[i]))
        }
        func quantile(_ p: Double) -> Double {
            let t = p * total
            if t <= knots[0].position { return knots[0].radius }
            for k in 1 ..< knots.count where t <= knots[k].position {
                let span = knots[k].position - knots[k - 1].position
                let f = span > 0 ? (t - knots[k - 1].position) / span : 1
                return knots[k - 1].radius + f * (knots[k].radius - knots[k - 1].radius)
            }
            return knots[knots.count - 1].radius
        }
        d10 = quantile(0.1)
        d50 = quantile(0.5)
        d90 = quantile(0.9)
        let mu = order.reduce(0) { $0 + weights[$1] * log(radii[$1]) } / total
        logMean = mu
        logSD = (order.reduce(0) { $0 + weights[$1] * (log(radii[$1]) - mu) * (log(radii[$1]) - mu) } / total).squareRoot()
    }

    /// The same distribution with every radius multiplied by `factor` > 0 (a unit conversion):
    /// lengths scale, μ shifts by ln factor, σ is unchanged.
    public func scaled(by factor: Double) -> RadiusDistribution {
        var copy = self
        copy.numberMean = numberMean.map { $0 * factor }
        copy.areaMean = areaMean.map { $0 * factor }
        copy.d10 = d10.map { $0 * factor }
        copy.d50 = d50.map { $0 * factor }
        copy.d90 = d90.map { $0 * factor }
        copy.logMean = logMean.map { $0 + log(factor) }
        return copy
    }
}
