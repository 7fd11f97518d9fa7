/// Input checks shared by the fitting functions.
///
/// Checks run in a fixed order so that a given bad input always yields the
/// same ``FitError``: lengths, then point count, then finiteness.
enum FitInput {
    /// Fewest points a straight-line fit accepts (two determine a line).
    static let minimumPointCount = 2

    /// Validates paired data for a straight-line fit.
    ///
    /// - Throws: ``FitError/lengthMismatch(x:y:)`` when the counts differ,
    ///   ``FitError/tooFewPoints(count:required:)`` below ``minimumPointCount``,
    ///   ``FitError/nonFiniteValue(index:)`` for the first NaN or infinity.
    static func validatePairs(x: [Double], y: [Double]) throws(FitError) {
        guard x.count == y.count else {
            throw .lengthMismatch(x: x.count, y: y.count)
        }
        guard x.count >= minimumPointCount else {
            throw .tooFewPoints(count: x.count, required: minimumPointCount)
        }
        for index in x.indices where !x[index].isFinite || !y[index].isFinite {
            throw .nonFiniteValue(index: index)
        }
    }

    /// Requires every value to be strictly positive (for `log` or `1/v`).
    ///
    /// - Throws: ``FitError/nonPositiveValue(index:value:)`` for the first
    ///   value that is not greater than zero.
    static func requirePositive(_ values: [Double]) throws(FitError) {
        for (index, value) in values.enumerated() where !(value > 0) {
            throw .nonPositiveValue(index: index, value: value)
        }
    }
}
