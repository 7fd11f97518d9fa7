/// Line splitting and blank trimming for metadata text, on UTF-8 code units and Unicode scalars
/// rather than `Character`s: the vendor parsers call these on every line, and grapheme breaking
/// (and Foundation's `trimmingCharacters`, which bridges to `NSString` on Linux) cost them most
/// of their time. Results equal the `Character`-based forms for any text whose separators and
/// blanks are not followed by combining marks.
enum TextLines {
    /// The non-empty lines of `text`, split at every line end `Character.isNewline` knows: LF,
    /// VT, FF, CR (so CR LF, whose empty middle is dropped, counts once), NEL U+0085, and the
    /// line and paragraph separators U+2028/U+2029. Same as `split(whereSeparator: \.isNewline)`.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let width = lineEndWidth(utf8, at: index)
            if width == 0 {
                index = utf8.index(after: index)
                continue
            }
            if lineStart != index { lines.append(text[lineStart ..< index]) }
            index = utf8.index(index, offsetBy: width)
            lineStart = index
        }
        if lineStart != utf8.endIndex { lines.append(text[lineStart...]) }
        return lines
    }

    /// The number of UTF-8 bytes of the line end starting at `index`, or 0 when none starts there.
    private static func lineEndWidth(_ utf8: String.UTF8View, at index: String.Index) -> Int {
        switch utf8[index] {
        case 0x0A ... 0x0D: return 1
        case 0xC2:
            let next = utf8.index(after: index)
            return next != utf8.endIndex && utf8[next] == 0x85 ? 2 : 0
        case 0xE2:
            let second = utf8.index(after: index)
            guard second != utf8.endIndex, utf8[second] == 0x80 else { return 0 }
            let third = utf8.index(after: second)
            return third != utf8.endIndex && (utf8[third] == 0xA8 || utf8[third] == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and byte-order marks (U+FEFF).
    func trimmingSpaces() -> String {
        trimming { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
    }

    /// The text without leading and trailing white space (Unicode `White_Space`: the same set as
    /// Foundation's `whitespacesAndNewlines`) and byte-order marks.
    func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }

    private func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first ... last])
    }
}
