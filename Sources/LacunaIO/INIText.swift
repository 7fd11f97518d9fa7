/// A forgiving reader for the `[Section]` / `Key=Value` text that SEM vendors store in TIFF tags
/// and sidecars.
///
/// Tolerates what real files contain (../shared/reference/sem-metadata.md §1.1, §6.8): NUL
/// bytes, CR/LF or LF line ends, missing blank lines between sections, repeated sections
/// (the first value of a key wins), quotes inside values, and XML appended after the last
/// section (everything from a line starting with `<` on is ignored).
public struct INIText: Sendable, Equatable {
    /// Values by section name, then key; section and key names are case-sensitive as written.
    public private(set) var sections: [String: [String: String]] = [:]

    /// Parses text decoded from `bytes` as UTF-8, or as ISO-8859-1 when it is not valid UTF-8.
    public init(bytes: [UInt8]) {
        self.init(text: MetadataText.singleByte(bytes))
    }

    /// Parses `text`.
    public init(text: String) {
        var section = ""
        for rawLine in TextLines.split(text) {
            let line = rawLine.trimmingSpaces()
            guard let first = line.utf8.first, first != UInt8(ascii: ";"), first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: "<") { break }
            if first == UInt8(ascii: "["), let close = line.utf8.firstIndex(of: UInt8(ascii: "]")) {
                section = line[line.utf8.index(after: line.startIndex) ..< close].trimmingSpaces()
                continue
            }
            guard let equals = line.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = line[..<equals].trimmingSpaces()
            let value = line[line.utf8.index(after: equals)...].trimmingSpaces()
            if key.isEmpty { continue }
            if sections[section, default: [:]][key] == nil {
                sections[section, default: [:]][key] = value
            }
        }
    }

    /// The value of `key` in `section`, if present.
    public func value(_ key: String, in section: String) -> String? {
        sections[section]?[key]
    }

    /// The value of `key` in `section` as a finite number, if it parses.
    public func number(_ key: String, in section: String) -> Double? {
        guard let text = value(key, in: section), let number = Double(text), number.isFinite else { return nil }
        return number
    }

    /// The first section (in sorted order of names, so the choice is deterministic) holding `key`.
    public func anyNumber(_ key: String) -> Double? {
        for name in sections.keys.sorted() {
            if let number = number(key, in: name) { return number }
        }
        return nil
    }
}
