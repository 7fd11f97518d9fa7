#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fixed, locale-independent number formatting for tables, so the same numbers always give
/// the same bytes.
///
/// Both formats are C's `printf` conversions (`%.*g`, `%.*f`), written by `vsnprintf` into a
/// stack buffer. The tables never call `setlocale`, so the C library stays in the "C" locale
/// and the decimal separator is always a point. (Foundation's `String(format:)` gives the same
/// bytes; it cost ~1.7 µs a number, 4 % of the 17-MP whole job's profile, against ~0.2 µs here.)
public enum NumberFormat {
    /// `digits` significant digits (`%.6g` by default, C locale); empty for `nil` or non-finite
    /// values; `-0` is written `0`.
    public static func significant(_ value: Double?, digits: Int = 6) -> String {
        guard let value, value.isFinite else { return "" }
        let text = printed("%.*g", precision: digits, value)
        return text == "-0" ? "0" : text
    }

    /// Fixed decimals (`%.Nf`, C locale); empty for `nil` or non-finite values; a negative value
    /// that rounds to zero is written without its sign.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let text = printed("%.*f", precision: decimals, value)
        guard text.utf8.first == UInt8(ascii: "-"), !text.utf8.contains(where: { $0 >= 0x31 && $0 <= 0x39 }) else {
            return text
        }
        return String(text.dropFirst())
    }

    /// `value` printed by `vsnprintf` with `format` (one `*` precision, one double): into a
    /// 64-byte stack buffer, or, for the few `%f` values longer than that, a heap buffer of
    /// the size `vsnprintf` reports.
    private static func printed(_ format: StaticString, precision: Int, _ value: Double) -> String {
        let arguments: [any CVarArg] = [Int32(clamping: precision), value]
        let capacity = 64
        let direct = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String? in
            let count = withVaList(arguments) { vsnprintf(buffer.baseAddress!, capacity, formatPointer(format), $0) }
            guard count >= 0, Int(count) < capacity else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
        }
        if let direct { return direct }
        let needed = withVaList(arguments) { vsnprintf(nil, 0, formatPointer(format), $0) }
        var bytes = [CChar](repeating: 0, count: Int(max(needed, 0)) + 1)
        let count = bytes.withUnsafeMutableBufferPointer { buffer in
            withVaList(arguments) { vsnprintf(buffer.baseAddress!, buffer.count, formatPointer(format), $0) }
        }
        return String(decoding: bytes.prefix(Int(max(count, 0))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func formatPointer(_ format: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}
