/// A frame of two-bit codes (0…3) kept at two bits per pixel while it waits to be drawn: the
/// pore overlay's outline colours on a large frame, 16 MiB instead of 64 at 8192², so the
/// other overlay can be drawn and encoded beside it (`ImageAnalyzer`). Pixel `i` is bits
/// `2·(i % 32)` and up of word `i / 32`, in row-major order.
public struct PackedCodes: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var words: [UInt64]

    /// `codes` (one channel, every sample below 4) packed.
    public init(_ codes: Image<UInt8>) {
        precondition(codes.channels == 1, "packed codes have one channel, got \(codes.channels)")
        width = codes.width
        height = codes.height
        let n = codes.samples.count
        words = [UInt64](repeating: 0, count: (n + 31) / 32)
        codes.samples.withUnsafeBufferPointer { codes in
            words.withUnsafeMutableBufferPointer { words in
                for i in 0 ..< n {
                    precondition(codes[i] < 4, "code \(codes[i]) does not fit two bits")
                    words[i >> 5] |= UInt64(codes[i]) << UInt64(2 * (i & 31))
                }
            }
        }
    }

    /// The codes again, one byte per pixel.
    public func unpacked() -> Image<UInt8> {
        let n = width * height
        let samples = [UInt8](unsafeUninitializedCapacity: n) { out, count in
            words.withUnsafeBufferPointer { words in
                for i in 0 ..< n { out[i] = UInt8(truncatingIfNeeded: words[i >> 5] >> UInt64(2 * (i & 31))) & 3 }
            }
            count = n
        }
        return Image(width: width, height: height, samples: samples)
    }
}
