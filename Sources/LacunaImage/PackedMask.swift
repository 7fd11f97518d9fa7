/// A `Mask` kept at one bit per pixel (an eighth of its size) while it waits to be used again:
/// the pore mask between the labelling and the pore overlay, 8 MiB instead of 64 at 8192².
/// Bit `i % 64` of word `i / 64` is pixel `i` in row-major order.
public struct PackedMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var words: [UInt64]

    /// `mask` (one channel) packed, eight pixels per step.
    public init(_ mask: Mask) {
        precondition(mask.channels == 1, "a packed mask has one channel, got \(mask.channels)")
        width = mask.width
        height = mask.height
        let n = mask.samples.count
        words = [UInt64](repeating: 0, count: (n + 63) / 64)
        mask.samples.withUnsafeBytes { bytes in
            words.withUnsafeMutableBufferPointer { words in
                var i = 0
                while i + 8 <= n {
                    // Bytes 0/1 at bits 8j; the multiply gathers bit 8j into bit 56 + j.
                    let eight = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    words[i >> 6] |= ((eight &* 0x0102_0408_1020_4080) >> 56) << UInt64(i & 63)
                    i += 8
                }
                while i < n {
                    if bytes[i] != 0 { words[i >> 6] |= 1 << UInt64(i & 63) }
                    i += 1
                }
            }
        }
    }

    /// The mask again, one `Bool` per pixel.
    public func unpacked() -> Mask {
        let n = width * height
        let samples = [Bool](unsafeUninitializedCapacity: n) { out, count in
            out.withMemoryRebound(to: UInt8.self) { out in
                let raw = UnsafeMutableRawBufferPointer(out)
                words.withUnsafeBufferPointer { words in
                    var i = 0
                    while i + 8 <= n {
                        // Byte j keeps bit j of the eight (AND), then becomes 0 or 1.
                        let bits = (words[i >> 6] >> UInt64(i & 63)) & 0xFF
                        let spread = (bits &* 0x0101_0101_0101_0101) & 0x8040_2010_0804_0201
                        let eight = ((spread &+ 0x7F7F_7F7F_7F7F_7F7F) >> 7) & 0x0101_0101_0101_0101
                        raw.storeBytes(of: eight, toByteOffset: i, as: UInt64.self)
                        i += 8
                    }
                    while i < n {
                        out[i] = UInt8((words[i >> 6] >> UInt64(i & 63)) & 1)
                        i += 1
                    }
                }
            }
            count = n
        }
        return Mask(width: width, height: height, samples: samples)
    }

    /// A packed mask from its words: bit `i % 64` of word `i / 64` is pixel `i`, with
    /// `(width·height + 63) / 64` words and the bits past the last pixel clear.
    public init(width: Int, height: Int, words: [UInt64]) {
        precondition(width >= 0 && height >= 0 && words.count == (width * height + 63) / 64,
                     "\(words.count) words for a \(width)×\(height) packed mask")
        self.width = width
        self.height = height
        self.words = words
    }

    /// `body` on the words (the layout of `init(width:height:words:)`).
    public func withWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer(body)
    }
}
