import Foundation

/// Fixed, locale-independent number formatting for tables, so the same numbers always give
/// the same bytes.
public enum NumberFormat {
    /// Six significant digits (`%.6g`, C locale); empty for `nil` or non-finite values.
    public static func significant(_ value: Double?, digits: Int = 6) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.\(digits)g", locale: nil, value)
        return text == "-0" ? "0" : text
    }

    /// Fixed decimals (`%.Nf`, C locale); empty for `nil` or non-finite values.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.\(decimals)f", locale: nil, value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
