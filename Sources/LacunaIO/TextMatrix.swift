import Foundation
import LacunaImage

/// A grid of numbers as text — how TOF-SIMS software (IONTOF SurfaceLab, ULVAC-PHI, Tofwerk)
/// exports ion images: one image row per line, values separated by whitespace, commas or
/// semicolons. Blank lines, lines of separators only and lines starting with `#` are skipped.
///
/// Counts that are all integers in 0…65535 become a 16-bit raster (kept as counts); anything
/// else (fractions, negative values, larger numbers) a 32-bit float raster. Every row must have
/// the same number of values; the first error names its line.
public enum TextMatrix {
    /// Whether `data` plausibly is a text matrix: its first kilobyte is printable ASCII made of
    /// digits, signs, separators, decimal points and exponents (or `#` comments).
    public static func looksLikeMatrix(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        guard !head.isEmpty, head.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var inComment = false
        for byte in head {
            if byte == 0x0A || byte == 0x0D { inComment = false; continue }
            if inComment { guard byte >= 0x20 || byte == 0x09 else { return false }; continue }
            if byte == 0x23 { inComment = true; continue }
            let allowed = (byte >= 0x30 && byte <= 0x39) || [0x20, 0x09, 0x2C, 0x3B, 0x2E, 0x2D, 0x2B, 0x65, 0x45].contains(byte)
            if !allowed { return false }
        }
        return true
    }

    /// Parses the matrix, checking `width × height` against `maxPixels` as rows arrive.
    public static func parse(_ data: Data, maxPixels: Int) throws(ImageIOError) -> Raster {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .corrupt(.text, detail: "not UTF-8 text")
        }
        var values: [Double] = []
        var width = 0, height = 0, line = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            line += 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" })
            // A line of separators only holds no row (fuzzing found it counted as one, of width 0).
            if fields.isEmpty { continue }
            var row: [Double] = []
            row.reserveCapacity(fields.count)
            for field in fields {
                // Float rasters hold the values: beyond Float's range they would become infinite.
                guard let value = Double(field), value.isFinite, abs(value) <= Double(Float.greatestFiniteMagnitude) else {
                    throw .corrupt(.text, detail: "line \(line): '\(field.prefix(20))' is not a finite number")
                }
                row.append(value)
            }
            if width == 0 { width = row.count }
            guard row.count == width else {
                throw .corrupt(.text, detail: "line \(line) has \(row.count) values, the first row \(width)")
            }
            height += 1
            if width * height > maxPixels {
                throw .tooLarge(width: width, height: height, limit: maxPixels)
            }
            values += row
        }
        guard width > 0, height > 0 else { throw .emptyImage(width: width, height: height) }
        if values.allSatisfy({ $0 >= 0 && $0 <= 65535 && $0 == $0.rounded() }) {
            return .uint16(Image(width: width, height: height, samples: values.map { UInt16($0) }))
        }
        return .float32(Image(width: width, height: height, samples: values.map { Float($0) }))
    }
}
