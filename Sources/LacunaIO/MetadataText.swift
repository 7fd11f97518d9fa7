/// Decoding of vendor metadata bytes (TIFF tags, sidecar files) into text.
///
/// Order (../shared/reference/sem-metadata.md §1.3, §1.6, §3 "Swift specifics"):
/// a byte-order mark decides (`FF FE` UTF-16LE — Hitachi sidecars; `FE FF` UTF-16BE; `EF BB BF`
/// UTF-8); without one, text whose odd bytes are mostly NUL is UTF-16LE (Hitachi files that lost
/// their BOM, as Bio-Formats' `HitachiReader` retries); otherwise UTF-8 when valid, else
/// ISO-8859-1, where byte 0xB5 is `µ` (Zeiss tag 34118). NUL characters are dropped (FEI and
/// Zeiss tags are NUL-terminated and padded).
enum MetadataText {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return singleByte(Array(bytes.dropFirst(3))) }
        if looksLikeUTF16LE(bytes) { return utf16(bytes[...], bigEndian: false) }
        return singleByte(bytes)
    }

    /// UTF-8 when valid, else ISO-8859-1 (each byte is the code point of the same value).
    static func singleByte(_ bytes: [UInt8]) -> String {
        let cleaned = bytes.filter { $0 != 0 }
        return String(validating: cleaned, as: UTF8.self) ?? latin1(cleaned)
    }

    /// `bytes` as ISO-8859-1: each byte is the code point of the same value.
    static func latin1(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3F)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            if unit != 0 { units.append(unit) }
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// At least 8 bytes, and at least 90 % of the odd-position bytes are NUL while fewer than 10 %
    /// of the even-position ones are: ASCII text stored as UTF-16LE.
    private static func looksLikeUTF16LE(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        var oddNul = 0, evenNul = 0
        for (i, byte) in bytes.enumerated() where byte == 0 {
            if i % 2 == 1 { oddNul += 1 } else { evenNul += 1 }
        }
        let pairs = bytes.count / 2
        return oddNul * 10 >= pairs * 9 && evenNul * 10 < pairs
    }
}
