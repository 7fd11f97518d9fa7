/// Lengths as vendor software prints them ("12.33 nm", "100nm", "2.677 mm"), converted to µm
/// by moving the decimal exponent, so "12.33 nm" becomes exactly the double nearest 0.01233.
enum LengthText {
    /// The power of ten that turns a length in `unit` into µm, or `nil` for a unit that is not a
    /// length unit Lacuna knows. µm is accepted as `µm` (U+00B5, Latin-1 0xB5), `μm` (U+03BC),
    /// `um`, `micron`, `microns`; Ångström as `Å` (U+00C5 or U+212B), `A`, `angstrom`.
    static func exponent(ofUnit unit: String) -> Int? {
        switch unit.lowercased() {
        case "fm": -9
        case "pm": -6
        case "å", "\u{212B}", "a", "angstrom", "angstroms": -4
        case "nm", "nanometer", "nanometre", "nanometers", "nanometres": -3
        case "µm", "μm", "um", "micron", "microns", "micrometer", "micrometre", "micrometers", "micrometres": 0
        case "mm", "millimeter", "millimetre", "millimeters", "millimetres": 3
        case "cm", "centimeter", "centimetre", "centimeters", "centimetres": 4
        case "m", "meter", "metre", "meters", "metres": 6
        default: nil
        }
    }

    /// `text` split into its leading decimal number and the rest, trimmed: "12.33 nm" →
    /// ("12.33", "nm"), "100nm" → ("100", "nm"), "5.8e-9 m" → ("5.8e-9", "m"). `nil` when `text`
    /// does not start with a finite number.
    static func split(_ text: String) -> (number: String, unit: String)? {
        let scalars = Array(text.trimmingSpaces().unicodeScalars)
        var end = 0
        func digits() -> Bool {
            let start = end
            while end < scalars.count, ("0" ... "9").contains(scalars[end]) { end += 1 }
            return end > start
        }
        if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" { end += 1 }
        var mantissa = digits()
        if end < scalars.count, scalars[end] == "." {
            end += 1
            mantissa = digits() || mantissa
        }
        guard mantissa else { return nil }
        if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
            let beforeExponent = end
            end += 1
            if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" { end += 1 }
            if !digits() { end = beforeExponent }
        }
        let number = String(String.UnicodeScalarView(scalars[..<end]))
        guard let value = Double(number), value.isFinite else { return nil }
        return (number, String(String.UnicodeScalarView(scalars[end...])).trimmingSpaces())
    }

    /// The decimal `number` (as `split` returns it) times 10^`power`, rounded once to the nearest
    /// double; `nil` when `number` is not a finite decimal.
    static func scaled(_ number: String, byPowerOfTen power: Int) -> Double? {
        guard let value = Double(number), value.isFinite else { return nil }
        var mantissa = Substring(number), exponent = 0
        if let e = number.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(number[number.index(after: e)...]) else { return nil }
            mantissa = number[..<e]
            exponent = parsed
        }
        guard let result = Double("\(mantissa)e\(exponent + power)"), result.isFinite else { return nil }
        return result
    }
}
