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
    /// The standard error at `index` is zero, negative or not finite; weights need it positive.
    case nonPositiveStandardError(index: Int, value: Double)
    /// Condition `index` has no images, or one of its images has no pore radii.
    case emptyCondition(index: Int)
    /// An iterative fit (`method`) did not converge.
    case noConvergence(method: String)
    /// Condition `index` has one image with one value, so a bootstrap has nothing to resample.
    case nothingToResample(index: Int)

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
        case let .nonPositiveStandardError(index, value):
            "The standard error \(value) at position \(index + 1) must be a positive number."
        case let .emptyCondition(index):
            "Condition \(index + 1) has no images with pore radii."
        case let .noConvergence(method):
            "The \(method) fit did not converge."
        case let .nothingToResample(index):
            "Condition \(index + 1) has a single image with a single value, so the bootstrap cannot resample it."
        }
    }
}
