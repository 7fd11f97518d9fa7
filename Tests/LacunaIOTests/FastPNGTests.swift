import CDeflate
import Foundation
import LacunaImage
import LacunaIO
import LacunaSynth
import Testing

/// The fast PNG writer (`compressionLevel: 1`: libdeflate, container written by Lacuna) makes
/// files that libpng reads back sample for sample, with the chunk layout and CRCs the PNG
/// specification asks for (checked here with a CRC-32 written for the test, not libdeflate's).
@Suite("Fast PNG writer")
struct FastPNGTests {
    static func random(width: Int, height: Int, channels: Int, seed: UInt64) -> Image<UInt8> {
        var generator = SeededRandom(seed: seed)
        // Half noise, half smooth ramps, so both literals and matches occur in the stream.
        let samples = (0 ..< width * height * channels).map { i in
            i % 7 < 3 ? UInt8(truncatingIfNeeded: generator.next()) : UInt8(truncatingIfNeeded: i / (channels * 3))
        }
        return Image(width: width, height: height, channels: channels, samples: samples)
    }

    @Test("round trip through libpng: 1–4 channels, thin and odd sizes",
          arguments: [(1, 1), (1, 37), (37, 1), (301, 203), (2048, 3)])
    func roundTrip(size: (Int, Int)) throws {
        for channels in 1 ... 4 {
            let image = Self.random(width: size.0, height: size.1, channels: channels, seed: UInt64(size.0 * 7919 + channels))
            let png = try ImageEncoder.png(image, compressionLevel: 1)
            let decoded = try ImageDecoder().decode(png)
            #expect(decoded.raster == .uint8(image))
            #expect(decoded.bitsPerSample == 8 && decoded.channels == channels)
        }
    }

    @Test("signature, IHDR, one IDAT with a zlib stream, IEND; every CRC-32 right")
    func layout() throws {
        let image = Self.random(width: 97, height: 41, channels: 3, seed: 20261203)
        let bytes = [UInt8](try ImageEncoder.png(image, compressionLevel: 1))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var chunks: [(type: String, data: ArraySlice<UInt8>)] = []
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(Self.be32(bytes, at))
            let type = String(decoding: bytes[at + 4 ..< at + 8], as: UTF8.self)
            let data = bytes[at + 8 ..< at + 8 + length]
            #expect(Self.be32(bytes, at + 8 + length) == Self.crc32(bytes[at + 4 ..< at + 8 + length]), "CRC of \(type)")
            chunks.append((type, data))
            at += 12 + length
        }
        #expect(at == bytes.count)
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        let ihdr = Array(chunks[0].data)
        #expect(Self.be32(ihdr, 0) == 97 && Self.be32(ihdr, 4) == 41)
        #expect(Array(ihdr[8...]) == [8, 2, 0, 0, 0]) // 8 bits, RGB, deflate, adaptive filters, no interlace
        let idat = chunks[1].data
        // zlib header (RFC 1950): deflate with a 32 KiB window, and a check value making it a multiple of 31.
        #expect(idat.first == 0x78 && (Int(idat[idat.startIndex]) * 256 + Int(idat[idat.startIndex + 1])) % 31 == 0)
        #expect(chunks[2].data.isEmpty)
    }

    @Test("each row holds its filter's type byte and bytes (None: the row; Sub: minus the pixel to the left)",
          arguments: [ImageEncoder.RowFilter.none, .sub])
    func rowFilter(filter: ImageEncoder.RowFilter) throws {
        for channels in 1 ... 4 {
            let image = Self.random(width: 53, height: 19, channels: channels, seed: UInt64(900 + channels))
            try Self.expectFilteredRows(try ImageEncoder.png(image, compressionLevel: 1, rowFilter: filter),
                                        of: image, filter: filter)
        }
    }

    @Test("an RGB frame with a spare byte per row (Image.rgbFrame) is filtered in place: the same rows; a frame the caller keeps is left as it was",
          arguments: [ImageEncoder.RowFilter.none, .sub])
    func inPlaceRows(filter: ImageEncoder.RowFilter) throws {
        for (width, height) in [(1, 1), (1, 29), (33, 1), (53, 19), (640, 7)] {
            let reference = Self.random(width: width, height: height, channels: 3, seed: UInt64(width * 31 + height))
            let frame = Image.rgbFrame(width: width, height: height) { rgb in
                for i in rgb.indices { rgb[i] = reference.samples[i] }
            }
            #expect(frame == reference)
            #expect(frame.samples.capacity >= (3 * width + 1) * height)
            try Self.expectFilteredRows(try ImageEncoder.png(consume frame, compressionLevel: 1, rowFilter: filter),
                                        of: reference, filter: filter)
            // Kept by the caller: the encoder's rows are its own.
            let kept = Image.rgbFrame(width: width, height: height) { rgb in
                for i in rgb.indices { rgb[i] = reference.samples[i] }
            }
            try Self.expectFilteredRows(try ImageEncoder.png(kept, compressionLevel: 1, rowFilter: filter),
                                        of: reference, filter: filter)
            #expect(kept == reference)
        }
    }

    /// `png` decodes to `image`, and its one IDAT chunk inflates (libdeflate's decompressor,
    /// independently of the writer) to each row's `filter` type byte and filtered bytes.
    static func expectFilteredRows(_ png: Data, of image: Image<UInt8>, filter: ImageEncoder.RowFilter) throws {
        let width = image.width, height = image.height, channels = image.channels
        let bytes = [UInt8](png)
        #expect(try ImageDecoder().decode(Data(bytes)).raster == .uint8(image))
        // The one IDAT chunk follows the signature (8 bytes) and IHDR (25 bytes); inflated
        // here by libdeflate's decompressor, independently of the writer.
        let length = Int(Self.be32(bytes, 33))
        let stream = Array(bytes[41 ..< 41 + length])
        let row = width * channels
        var rows = [UInt8](repeating: 0, count: (row + 1) * height)
        var produced = 0
        let decompressor = try #require(libdeflate_alloc_decompressor())
        defer { libdeflate_free_decompressor(decompressor) }
        let result = stream.withUnsafeBytes { source in
            rows.withUnsafeMutableBytes { target in
                libdeflate_zlib_decompress(decompressor, source.baseAddress, source.count,
                                           target.baseAddress, target.count, &produced)
            }
        }
        #expect(result == LIBDEFLATE_SUCCESS && produced == rows.count)
        let raster = image.samples
        for y in 0 ..< height {
            let line = Array(rows[y * (row + 1) ..< (y + 1) * (row + 1)])
            let source = Array(raster[y * row ..< (y + 1) * row])
            let expected = filter == .none ? source
                : source.indices.map { i in i < channels ? source[i] : source[i] &- source[i - channels] }
            #expect(line.first == UInt8(filter.rawValue) && Array(line.dropFirst()) == expected,
                    "row \(y), \(channels) channels")
        }
    }

    @Test("a flipped byte in the compressed stream is a clear decode error, not a crash")
    func corruptStream() throws {
        let image = Self.random(width: 64, height: 64, channels: 3, seed: 77)
        var bytes = [UInt8](try ImageEncoder.png(image, compressionLevel: 1))
        bytes[8 + 25 + 8 + 40] ^= 0x5A
        #expect(throws: ImageIOError.self) { try ImageDecoder().decode(Data(bytes)) }
    }

    @Test("the fast writer's file is a few per cent of zlib level 6's size at most larger")
    func size() throws {
        let image = Self.random(width: 400, height: 300, channels: 3, seed: 5)
        let fast = try ImageEncoder.png(image, compressionLevel: 1).count
        let zlib6 = try ImageEncoder.png(image, compressionLevel: 6).count
        #expect(Double(fast) < 1.15 * Double(zlib6))
    }

    static func be32(_ bytes: some Collection<UInt8>, _ offset: Int) -> UInt32 {
        let b = Array(bytes.dropFirst(offset).prefix(4))
        return UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    /// CRC-32 of ISO 3309 / ITU-T V.42 as PNG defines it (§5.5): reflected polynomial
    /// 0xEDB88320, initial value and final XOR 0xFFFFFFFF; bit by bit.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
