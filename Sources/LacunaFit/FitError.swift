/// Errors of the fitting layer.
///
/// Each case carries enough context to point the user at the offending input;
/// ``message`` renders it as one line suitable for a status bar or alert.
public enum FitError: Error, Equatable, Sendable {
    /// The fit needs at least `required` points but received `count`.
    case tooFewPoints(count: Int, required: Int)
    /// The predictor (`x`) and response (`y`) arrays have different lengths.
    case lengthMismatch(x: Int, y: Int)
    /// The value at `index` (in `x` or `y`) is NaN or infinite.
    case nonFiniteValue(index: Int)
    /// The value at `index` is zero or negative, but a logarithmic or
    /// reciprocal transform needs it strictly positive.
    case nonPositiveValue(index: Int, value: Double)
    /// All `x` values are equal, so the slope is undefined.
    case constantPredictor

    /// A one-line, user-facing description of the error.
    public var message: String {
        switch self {
        case let .tooFewPoints(count, required):
            "The fit needs at least \(required) data points but got \(count)."
        case let .lengthMismatch(x, y):
            "The x and y data have different lengths (\(x) and \(y))."
        case let .nonFiniteValue(index):
            "The value at position \(index + 1) is not a finite number."
        case let .nonPositiveValue(index, value):
            "The value \(value) at position \(index + 1) must be positive for a logarithmic or reciprocal transform."
        case .constantPredictor:
            "All x values are equal, so no slope can be fitted."
        }
    }
}
