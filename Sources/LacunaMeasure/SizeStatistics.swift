/// Summary of a sample of sizes (radii, areas…), in the sample's own unit.
public struct SizeStatistics: Sendable, Equatable {
    /// Number of values.
    public var count: Int
    /// Arithmetic mean (number-weighted), `nil` when empty.
    public var mean: Double?
    /// Median (mean of the two middle values for an even count), `nil` when empty.
    public var median: Double?
    /// Sample standard deviation with n − 1 in the denominator, `nil` when count < 2.
    public var standardDeviation: Double?

    /// Statistics of `values` (summed in sorted order, so the result does not depend on the
    /// order of the input).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        guard !sorted.isEmpty else { return }
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        self.mean = mean
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        if sorted.count >= 2 {
            let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            standardDeviation = (squares / Double(sorted.count - 1)).squareRoot()
        }
    }

    /// The same statistics with every value multiplied by `factor` (a unit conversion).
    public func scaled(by factor: Double) -> SizeStatistics {
        var copy = self
        copy.mean = mean.map { $0 * factor }
        copy.median = median.map { $0 * factor }
        copy.standardDeviation = standardDeviation.map { $0 * factor }
        return copy
    }
}
