import LacunaImage

/// Anscombe's variance-stabilising transform for Poisson counts (1948, Biometrika
/// 35:246–254): y = 2√(x + 3/8) has variance ≈ 1 whatever the mean, so a TOF-SIMS count map's
/// noise no longer grows with the signal before it is smoothed and thresholded.
///
/// Integer images stay integer: y is scaled by `scale(for:)` so the depth's maximum maps to
/// its maximum, and rounded. `inverse(_:)` maps a level back to counts. O(width·height);
/// the input is not modified.
public enum AnscombeTransform {
    /// Levels per unit of y: S.max / (2√(S.max + 3/8)).
    public static func scale<S: FixedWidthInteger & UnsignedInteger>(for _: S.Type) -> Double {
        Double(S.max) / (2 * (Double(S.max) + 0.375).squareRoot())
    }

    /// The transformed image, round(scale · 2√(x + 3/8)).
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public static func apply<S: FixedWidthInteger & UnsignedInteger & Sendable>(to image: Image<S>) -> Image<S> {
        let k = scale(for: S.self)
        // One entry per possible count; for 16 bits 65 536 entries, built once per image.
        let table = (0 ... Int(S.max)).map { S(min(Double(S.max), (k * 2 * (Double($0) + 0.375).squareRoot()).rounded())) }
        return table.withUnsafeBufferPointer { t in image.map { t[Int($0)] } }
    }

    /// The count whose transform is `level`: (level/(2·scale))² − 3/8.
    public static func inverse<S: FixedWidthInteger & UnsignedInteger>(_ level: Double, as _: S.Type) -> Double {
        let y = level / (2 * scale(for: S.self))
        return y * y - 0.375
    }
}
