/// Hand-made classic TIFF files (TIFF 6.0 §2: 8-byte header, then image file directories of
/// 12-byte entries) and a reader for the first directory of a file, to check what a writer put
/// there independently of libtiff.
public enum TIFFBytes {
    // Field types (TIFF 6.0 §2, "Types").
    public static let byte: UInt16 = 1
    public static let ascii: UInt16 = 2
    public static let short: UInt16 = 3
    public static let long: UInt16 = 4
    public static let rational: UInt16 = 5
    public static let sbyte: UInt16 = 6
    public static let undefined: UInt16 = 7

    /// One directory entry; `payload` holds the values little-endian.
    public struct Field: Sendable {
        public var tag: UInt16
        public var type: UInt16
        public var count: UInt32
        public var payload: [UInt8]

        /// An entry as stored: `count` need not match the payload (hostile files lie about it).
        public init(tag: UInt16, type: UInt16, count: UInt32, payload: [UInt8]) {
            self.tag = tag
            self.type = type
            self.count = count
            self.payload = payload
        }

        public static func shorts(_ tag: UInt16, _ values: [UInt16]) -> Field {
            Field(tag: tag, type: TIFFBytes.short, count: UInt32(values.count),
                  payload: values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        }

        public static func longs(_ tag: UInt16, _ values: [UInt32]) -> Field {
            Field(tag: tag, type: TIFFBytes.long, count: UInt32(values.count), payload: values.flatMap(littleEndian))
        }

        /// An ASCII field: `text` plus the terminating NUL the format requires.
        public static func text(_ tag: UInt16, _ text: String) -> Field {
            let bytes = Array(text.utf8) + [0]
            return Field(tag: tag, type: TIFFBytes.ascii, count: UInt32(bytes.count), payload: bytes)
        }

        /// RATIONAL values: numerator and denominator, each a LONG.
        public static func rationals(_ tag: UInt16, _ values: [(UInt32, UInt32)]) -> Field {
            Field(tag: tag, type: TIFFBytes.rational, count: UInt32(values.count),
                  payload: values.flatMap { littleEndian($0.0) + littleEndian($0.1) })
        }

        public static func bytes(_ tag: UInt16, type: UInt16 = TIFFBytes.byte, _ bytes: [UInt8]) -> Field {
            Field(tag: tag, type: type, count: UInt32(bytes.count), payload: bytes)
        }
    }

    /// One page: its directory fields and one strip of pixel data. The builder adds StripOffsets
    /// (273) and, unless `fields` has one, StripByteCounts (279).
    public struct Page: Sendable {
        public var fields: [Field]
        public var strip: [UInt8]

        /// An uncompressed single-strip page with the baseline fields filled in.
        public static func plain(width: Int, height: Int, bitsPerSample: Int, samplesPerPixel: Int = 1,
                          photometric: UInt16 = 1, strip: [UInt8], extra: [Field] = []) -> Page {
            Page(fields: [
                .longs(256, [UInt32(width)]),
                .longs(257, [UInt32(height)]),
                .shorts(258, Array(repeating: UInt16(bitsPerSample), count: samplesPerPixel)),
                .shorts(259, [1]),
                .shorts(262, [photometric]),
                .shorts(277, [UInt16(samplesPerPixel)]),
                .longs(278, [UInt32(height)]),
            ] + extra, strip: strip)
        }
    }

    public static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// IEEE 754 single-precision values, little-endian.
    public static func littleEndianFloats(_ values: [Float]) -> [UInt8] {
        values.flatMap { littleEndian($0.bitPattern) }
    }

    public static func littleEndian16(_ values: [UInt16]) -> [UInt8] {
        values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// A little-endian TIFF of `pages`. Layout: header; then per page its directory, the values
    /// that do not fit in an entry, and its strip. So the directories come before the pixel data
    /// (libtiff's writer puts them after), which lets a cut land inside the strip.
    public static func file(_ pages: [Page]) -> [UInt8] {
        var out: [UInt8] = [0x49, 0x49, 0x2A, 0x00] + littleEndian(8)
        for (index, page) in pages.enumerated() {
            var fields = page.fields.filter { $0.tag != 273 }
            if !fields.contains(where: { $0.tag == 279 }) { fields.append(.longs(279, [UInt32(page.strip.count)])) }
            fields.append(.longs(273, [0]))  // patched below
            fields.sort { $0.tag < $1.tag }
            let directoryStart = out.count
            let directorySize = 2 + 12 * fields.count + 4
            var valueArea: [UInt8] = []
            var entries: [UInt8] = []
            var stripOffsetEntry = 0
            for field in fields {
                entries += [UInt8(field.tag & 0xFF), UInt8(field.tag >> 8), UInt8(field.type & 0xFF), UInt8(field.type >> 8)]
                entries += littleEndian(field.count)
                if field.tag == 273 { stripOffsetEntry = entries.count }
                if field.payload.count <= 4 {
                    entries += field.payload + Array(repeating: 0, count: 4 - field.payload.count)
                } else {
                    entries += littleEndian(UInt32(directoryStart + directorySize + valueArea.count))
                    valueArea += field.payload
                    if valueArea.count % 2 == 1 { valueArea.append(0) }
                }
            }
            let stripStart = directoryStart + directorySize + valueArea.count
            entries.replaceSubrange(stripOffsetEntry ..< stripOffsetEntry + 4, with: littleEndian(UInt32(stripStart)))
            let isLast = index == pages.count - 1
            let next = isLast ? 0 : stripStart + page.strip.count + page.strip.count % 2
            out += [UInt8(fields.count & 0xFF), UInt8(fields.count >> 8)] + entries + littleEndian(UInt32(next))
            out += valueArea + page.strip
            if !isLast && page.strip.count % 2 == 1 { out.append(0) }
        }
        return out
    }

    /// The first directory of a classic TIFF (either byte order): numeric values (BYTE, SHORT,
    /// LONG) by tag, or `nil` when the header is not classic TIFF.
    public static func firstDirectory(of bytes: [UInt8]) -> (littleEndian: Bool, values: [UInt16: [UInt32]])? {
        guard bytes.count >= 8 else { return nil }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func read(_ offset: Int, _ size: Int) -> UInt32? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            let slice = bytes[offset ..< offset + size]
            return (little ? slice.reversed() : Array(slice)).reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard read(2, 2) == 42, let ifd = read(4, 4).map(Int.init), let count = read(ifd, 2) else { return nil }
        var values: [UInt16: [UInt32]] = [:]
        for i in 0 ..< Int(count) {
            let entry = ifd + 2 + 12 * i
            guard let tag = read(entry, 2), let type = read(entry + 2, 2), let n = read(entry + 4, 4) else { return nil }
            let size: Int
            switch type {
            case 1: size = 1
            case 3: size = 2
            case 4: size = 4
            default: continue
            }
            let inline = Int(n) * size <= 4
            guard let base = inline ? entry + 8 : read(entry + 8, 4).map(Int.init) else { return nil }
            var list: [UInt32] = []
            for k in 0 ..< Int(n) {
                guard let value = read(base + k * size, size) else { return nil }
                list.append(value)
            }
            values[UInt16(tag)] = list
        }
        return (little, values)
    }
}
