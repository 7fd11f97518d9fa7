import CLacunaCodecs
import Foundation
import LacunaImage
import LacunaIO
import LacunaSynth
import Testing

/// The fast PNG reader (libdeflate and Lacuna's unfiltering, tried before libpng) on files
/// built here byte by byte: rows filtered with a chosen filter type by this file's own forward
/// filters (ISO/IEC 15948 §9), stored in uncompressed deflate blocks (RFC 1951 §3.2.4) inside a
/// zlib stream with its Adler-32 (RFC 1950), so every filter type meets every pixel size.
@Suite("Fast PNG reader")
struct FastPNGReaderTests {
    /// PNG filter `type` applied to `row` (the previous row `prior`, zeros for the first).
    static func filtered(_ row: [UInt8], prior: [UInt8], bpp: Int, type: UInt8) -> [UInt8] {
        row.indices.map { i in
            let a = i >= bpp ? Int(row[i - bpp]) : 0, b = Int(prior[i]), c = i >= bpp ? Int(prior[i - bpp]) : 0
            let predictor: Int
            switch type {
            case 0: predictor = 0
            case 1: predictor = a
            case 2: predictor = b
            case 3: predictor = (a + b) / 2
            default:
                let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
            }
            return UInt8(truncatingIfNeeded: Int(row[i]) - predictor)
        }
    }

    /// A zlib stream holding `data` in stored blocks of at most `block` bytes.
    static func storedZlib(_ data: [UInt8], block: Int = 65_535) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var at = 0
        repeat {
            let n = min(block, data.count - at)
            out.append(at + n == data.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[at ..< at + n]
            at += n
        } while at < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + PNGBytes.bigEndian(b << 16 | a)
    }

    /// A PNG of big-endian `samples` (`bytesPerSample` 1 or 2), row y filtered with
    /// `filterOf(y)`, its zlib stream cut into IDAT chunks of `idat` bytes.
    static func png(width: Int, height: Int, channels: Int, bytesPerSample: Int, samples: [UInt8],
                    idat: Int = 1 << 30, filterOf: (Int) -> UInt8) -> [UInt8] {
        let rowBytes = width * channels * bytesPerSample, bpp = channels * bytesPerSample
        var stream: [UInt8] = []
        var prior = [UInt8](repeating: 0, count: rowBytes)
        for y in 0 ..< height {
            let row = Array(samples[y * rowBytes ..< (y + 1) * rowBytes])
            let type = filterOf(y)
            stream += [type] + filtered(row, prior: prior, bpp: bpp, type: type)
            prior = row
        }
        let colorType: UInt8 = [1: 0, 2: 4, 3: 2, 4: 6][channels]!
        var file = PNGBytes.signature + PNGBytes.chunk("IHDR", PNGBytes.ihdrData(
            width: UInt32(width), height: UInt32(height), bitDepth: UInt8(8 * bytesPerSample), colorType: colorType))
        let zlib = storedZlib(stream, block: 1000)
        var at = 0
        while at < zlib.count {
            file += PNGBytes.chunk("IDAT", Array(zlib[at ..< min(zlib.count, at + idat)]))
            at += idat
        }
        return file + PNGBytes.chunk("IEND", [])
    }

    /// The fast path's raster, or nil when it declines.
    static func fastDecode(_ file: [UInt8]) -> (info: lc_image_info, raster: [UInt8])? {
        var info = lc_image_info()
        guard lc_png_fast_info(file, file.count, &info) == 1 else { return nil }
        let bytes = Int(info.width) * Int(info.height) * Int(info.channels) * Int(info.bits / 8)
        var raster = [UInt8](repeating: 0, count: bytes)
        let ok = raster.withUnsafeMutableBytes { lc_png_fast_decode(file, file.count, $0.baseAddress, bytes) }
        return ok == 1 ? (info, raster) : nil
    }

    @Test("every filter type on every pixel size, 8 and 16 bits, one or several IDAT chunks",
          arguments: [(1, 1), (2, 1), (3, 1), (4, 1), (1, 2), (2, 2), (3, 2), (4, 2)])
    func filters(layout: (channels: Int, bytesPerSample: Int)) throws {
        var random = SeededRandom(seed: UInt64(layout.channels * 10 + layout.bytesPerSample))
        for (width, height) in [(1, 1), (5, 7), (33, 10), (130, 3)] {
            let count = width * height * layout.channels * layout.bytesPerSample
            // Noise and ramps: large and small differences for every predictor.
            let samples = (0 ..< count).map { i in
                i % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(truncatingIfNeeded: i / 5)
            }
            for idat in [1 << 30, 17] {
                let file = Self.png(width: width, height: height, channels: layout.channels,
                                    bytesPerSample: layout.bytesPerSample, samples: samples, idat: idat,
                                    filterOf: { UInt8(($0 + width) % 5) })
                let (info, raster) = try #require(Self.fastDecode(file), "\(width)×\(height), IDAT \(idat)")
                #expect(info.width == UInt32(width) && info.height == UInt32(height))
                #expect(info.channels == UInt32(layout.channels) && info.bits == UInt32(8 * layout.bytesPerSample))
                // 16-bit samples come back in host (little-endian) order.
                let expected = layout.bytesPerSample == 1 ? samples
                    : stride(from: 0, to: count, by: 2).flatMap { [samples[$0 + 1], samples[$0]] }
                #expect(raster == expected, "\(width)×\(height), IDAT \(idat)")
                // The whole decoder gives the same image.
                let decoded = try ImageDecoder().decode(Data(file))
                #expect(decoded.channels == layout.channels && decoded.bitsPerSample == 8 * layout.bytesPerSample)
            }
        }
    }

    @Test("Paeth's tie between above and upper left goes to above (left 60, above 30, upper left 50 predicts 30)")
    func paethTies() throws {
        // Row 1's second pixel: p = 60 + 30 − 50 = 40, |p − a| = 20, |p − b| = |p − c| = 10 → b.
        // Its first pixel: a = c = 0 (outside), b = 50 → p = 50, |p − b| = 0 → b.
        let samples: [UInt8] = [50, 30, 60, 77]
        let file = Self.png(width: 2, height: 2, channels: 1, bytesPerSample: 1, samples: samples,
                            filterOf: { $0 == 0 ? 0 : 4 })
        #expect(try #require(Self.fastDecode(file)).raster == samples)
        // The filtered byte is 77 − 30: a reader that picked c (50) would read 27 + 50 = 97.
        #expect(Self.filtered([60, 77], prior: [50, 30], bpp: 1, type: 4) == [10, 47])
    }

    @Test("layouts and chunk orders libpng must handle are declined", arguments: [
        "palette", "tRNS", "interlaced", "4-bit grey", "unknown critical chunk", "IDAT split by a text chunk",
        "no IEND", "bad IDAT CRC",
    ])
    func declines(kind: String) {
        let samples = (0 ..< 4 * 3).map { UInt8($0 * 20) }
        let good = Self.png(width: 4, height: 3, channels: 1, bytesPerSample: 1, samples: samples, idat: 12,
                            filterOf: { _ in 1 })
        #expect(Self.fastDecode(good) != nil)
        let chunks = PNGBytes.chunks(of: good)
        let ihdr = chunks[0].data, idats = chunks.filter { $0.type == "IDAT" }
        func file(ihdr header: [UInt8] = ihdr, before: [UInt8] = [], between: [UInt8] = [], end: Bool = true) -> [UInt8] {
            var bytes = PNGBytes.signature + PNGBytes.chunk("IHDR", header) + before
            for (k, chunk) in idats.enumerated() {
                bytes += PNGBytes.chunk("IDAT", chunk.data)
                if k == 0 { bytes += between }
            }
            return end ? bytes + PNGBytes.chunk("IEND", []) : bytes
        }
        var header = ihdr
        let bytes: [UInt8]
        switch kind {
        case "palette":
            header[9] = 3
            bytes = file(ihdr: header, before: PNGBytes.chunk("PLTE", [0, 0, 0]))
        case "tRNS": bytes = file(before: PNGBytes.chunk("tRNS", [0, 0]))
        case "interlaced":
            header[12] = 1
            bytes = file(ihdr: header)
        case "4-bit grey":
            header[8] = 4
            bytes = file(ihdr: header)
        case "unknown critical chunk": bytes = file(before: PNGBytes.chunk("ABCD", [1]))
        case "IDAT split by a text chunk": bytes = file(between: PNGBytes.chunk("tEXt", Array("a\u{0}b".utf8)))
        case "no IEND": bytes = file(end: false)
        default:
            var damaged = good
            damaged[idats[0].end - 1] ^= 0x01
            bytes = damaged
        }
        #expect(Self.fastDecode(bytes) == nil, "\(kind)")
    }

    @Test("damaged data found while reading (filter type 5, wrong Adler-32, a short stream) falls back to libpng's verdict")
    func damagedData() throws {
        let samples = (0 ..< 6 * 4).map { UInt8($0 * 9) }
        let badFilter = Self.png(width: 6, height: 4, channels: 1, bytesPerSample: 1, samples: samples,
                                 filterOf: { $0 == 2 ? 5 : 0 })
        #expect(Self.fastDecode(badFilter) == nil)
        #expect(decodingErrorCase(badFilter) == .corrupt(.png))

        let good = Self.png(width: 6, height: 4, channels: 1, bytesPerSample: 1, samples: samples, filterOf: { _ in 0 })
        let idat = try #require(PNGBytes.chunks(of: good).first { $0.type == "IDAT" })
        var wrongAdler = idat.data
        wrongAdler[wrongAdler.count - 1] ^= 0x40
        let adlerFile = PNGBytes.signature + PNGBytes.chunk("IHDR", PNGBytes.chunks(of: good)[0].data)
            + PNGBytes.chunk("IDAT", wrongAdler) + PNGBytes.chunk("IEND", [])
        #expect(Self.fastDecode(adlerFile) == nil)
        // libpng's verdict on the checksum: an error, or the same pixels (never a crash).
        if let decoded = try? ImageDecoder().decode(Data(adlerFile)) {
            #expect(decoded.raster == .uint8(Image(width: 6, height: 4, channels: 1, samples: samples)))
        }

        // Three rows' worth of data for a four-row header.
        let short = Self.png(width: 6, height: 3, channels: 1, bytesPerSample: 1, samples: Array(samples.prefix(18)),
                             filterOf: { _ in 0 })
        let shortFile = PNGBytes.signature
            + PNGBytes.chunk("IHDR", PNGBytes.ihdrData(width: 6, height: 4, bitDepth: 8, colorType: 0))
            + PNGBytes.chunk("IDAT", try #require(PNGBytes.chunks(of: short).first { $0.type == "IDAT" }).data)
            + PNGBytes.chunk("IEND", [])
        #expect(Self.fastDecode(shortFile) == nil)
        #expect(decodingErrorCase(shortFile) != nil)
    }
}
