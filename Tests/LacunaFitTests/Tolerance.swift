/// Comparison helpers for floating-point expectations.
enum Tolerance {
    /// True when `value` is within `relative · |expected|` of `expected`.
    static func close(_ value: Double, _ expected: Double, relative: Double) -> Bool {
        abs(value - expected) <= relative * abs(expected)
    }

    /// True when `value` rounds to `printed` at `decimals` decimal places,
    /// i.e. lies within half a unit of the last printed digit (plus a hair
    /// for binary representation of the printed number).
    static func roundsTo(_ value: Double, _ printed: Double, decimals: Int) -> Bool {
        var halfUnit = 0.5
        for _ in 0..<decimals { halfUnit /= 10 }
        return abs(value - printed) <= halfUnit * (1 + 1e-9)
    }
}
