/// Hand-made and hand-edited PNG byte streams (ISO/IEC 15948: chunk = big-endian length, type,
/// data, CRC-32 over type and data).
enum PNGBytes {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A chunk of a PNG file: its four-letter type, its data and where its length field starts.
    struct Chunk {
        var type: String
        var data: [UInt8]
        var offset: Int
        /// One past the chunk's CRC.
        var end: Int { offset + 12 + data.count }
    }

    /// CRC-32 as PNG and zlib define it: reflected polynomial 0xEDB88320, initial value and final
    /// XOR 0xFFFFFFFF. Bitwise, so it shares nothing with zlib's table-driven code.
    static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A complete chunk with a correct CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "chunk type \(type) must have four letters")
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    /// The 13 data bytes of an IHDR chunk (compression, filter and interlace methods 0).
    static func ihdrData(width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8) -> [UInt8] {
        bigEndian(width) + bigEndian(height) + [bitDepth, colorType, 0, 0, 0]
    }

    /// The chunks of a well-formed PNG, in file order.
    static func chunks(of bytes: [UInt8]) -> [Chunk] {
        var result: [Chunk] = []
        var offset = signature.count
        while offset + 12 <= bytes.count {
            let length = Int(readBigEndian(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else { break }
            let type = String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self)
            result.append(Chunk(type: type, data: Array(bytes[offset + 8 ..< offset + 8 + length]), offset: offset))
            offset += 12 + length
        }
        return result
    }
}
