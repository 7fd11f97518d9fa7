import Foundation

/// A histogram of pore radii in two weightings over the same bins: number-weighted (the
/// fraction of pores, each counted with its statistics weight w) and area-weighted (the fraction
/// of pore area, each pore counted with w·A). The area-weighted histogram is what a reviewer
/// sees in the image: a few large pores hold most of the pore area (ISO 9276-1 calls these the
/// q0 and q2 densities).
///
/// Bins are [j·h, (j+1)·h) on a grid from 0, from the bin holding the smallest radius to the one
/// holding the largest, with width h the smallest of 1, 2, 2.5 or 5 × 10ᵐ that is at least
/// (r_max − r_min) / k, where k = ⌈√n⌉ clamped to 5…30 (the square-root rule; r_max / k when all
/// radii are equal).
public struct RadiusHistogram: Sendable, Equatable {
    /// Bin width in the radius unit.
    public var binWidth: Double
    /// Grid index j of the first bin (its lower edge is j·h).
    public var firstBin: Int
    /// Σw per bin ÷ Σw.
    public var numberFractions: [Double]
    /// Σw·A per bin ÷ Σw·A.
    public var areaFractions: [Double]
    /// Pores counted (with positive weight).
    public var poreCount: Int

    /// Lower edge of each bin.
    public var lowerEdges: [Double] { numberFractions.indices.map { Double(firstBin + $0) * binWidth } }

    /// The histogram of `radii` with statistics `weights` and `areas` (any unit; areas > 0); pores
    /// with weight 0 are left out. `nil` when no pore has a positive weight and a finite radius.
    public init?(radii: [Double], weights: [Double], areas: [Double]) {
        precondition(radii.count == weights.count && radii.count == areas.count,
                     "radii \(radii.count), weights \(weights.count), areas \(areas.count)")
        let kept = radii.indices.filter { radii[$0].isFinite && radii[$0] >= 0 && weights[$0] > 0 && areas[$0].isFinite }
        guard !kept.isEmpty else { return nil }
        let largest = kept.map { radii[$0] }.max() ?? 0, smallest = kept.map { radii[$0] }.min() ?? 0
        let width = Self.binWidth(span: largest > smallest ? largest - smallest : largest, count: kept.count)
        let first = Int((smallest / width).rounded(.down))
        let bins = Int((largest / width).rounded(.down)) - first + 1
        var number = [Double](repeating: 0, count: bins), area = [Double](repeating: 0, count: bins)
        for i in kept {
            let bin = min(max(Int((radii[i] / width).rounded(.down)) - first, 0), bins - 1)
            number[bin] += weights[i]
            area[bin] += weights[i] * areas[i]
        }
        let numberTotal = number.reduce(0, +), areaTotal = area.reduce(0, +)
        binWidth = width
        firstBin = first
        numberFractions = number.map { $0 / numberTotal }
        areaFractions = areaTotal > 0 ? area.map { $0 / areaTotal } : area
        poreCount = kept.count
    }

    /// The bin width for `count` radii spread over `span`.
    static func binWidth(span: Double, count: Int) -> Double {
        let target = min(30, max(5, Int(Double(count).squareRoot().rounded(.up))))
        let raw = span / Double(target)
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-12) } ?? 10 * magnitude
    }
}
