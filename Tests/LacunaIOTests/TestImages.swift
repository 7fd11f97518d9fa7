import LacunaImage

/// Small images whose every sample is known, for round trips.
enum TestImages {
    /// 8-bit samples that differ between neighbouring columns, rows and channels:
    /// `(37x + 101y + 59c + 13) mod 256`.
    static func pattern8(width: Int, height: Int, channels: Int) -> Image<UInt8> {
        var samples: [UInt8] = []
        samples.reserveCapacity(width * height * channels)
        for y in 0 ..< height {
            for x in 0 ..< width {
                for c in 0 ..< channels {
                    samples.append(UInt8((37 * x + 101 * y + 59 * c + 13) % 256))
                }
            }
        }
        return Image(width: width, height: height, channels: channels, samples: samples)
    }

    /// Edge values of 16-bit samples, each with distinct high and low bytes or at a byte
    /// boundary, so a byte-order or depth mistake changes them.
    static let edgeValues16: [UInt16] = [0, 1, 255, 256, 257, 0x1234, 0xFF00, 65534, 65535]

    /// 16-bit samples starting with `edgeValues16`, then `(40503·i + 12345) mod 65536` for
    /// sample index `i`, which has different high and low bytes almost everywhere.
    static func pattern16(width: Int, height: Int, channels: Int) -> Image<UInt16> {
        let count = width * height * channels
        precondition(count >= edgeValues16.count, "image of \(count) samples is too small for the edge values")
        var samples = (0 ..< count).map { UInt16((40503 * $0 + 12345) % 65536) }
        for (i, value) in edgeValues16.enumerated() { samples[i] = value }
        return Image(width: width, height: height, channels: channels, samples: samples)
    }
}
