import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// 32-bit IEEE float grey TIFFs (SampleFormat 3, as ImageJ saves 32-bit images) decode to
/// `Raster.float32` with every bit kept, and `Raster.uint16(linearlyMapping:)` maps them onto
/// 16-bit levels for integer-only analysis.
@Suite("TIFF float samples")
struct TIFFFloatTests {
    /// Values whose bit patterns a depth, byte-order or conversion mistake would change.
    static let values: [Float] = [-1.5, 0, 3.25, .nan, .infinity, 1e30, -.infinity, 0.1, Float.leastNonzeroMagnitude,
                                  -0.0, 65535.5, 86]

    @Test("Hand-made little-endian float page: bit-exact samples, 32 bits, one channel")
    func handMade() throws {
        let file = TIFFBytes.file([.plain(width: 4, height: 3, bitsPerSample: 32,
                                          strip: TIFFBytes.littleEndianFloats(Self.values),
                                          extra: [.shorts(339, [3])])])
        let decoded = try ImageDecoder().decode(Data(file))
        #expect(decoded.bitsPerSample == 32)
        #expect(decoded.channels == 1)
        #expect(decoded.raster.bitsPerSample == 32)
        guard case let .float32(image) = decoded.raster else {
            Issue.record("expected a float raster, got \(decoded.raster.bitsPerSample) bits")
            return
        }
        #expect(image.width == 4 && image.height == 3 && image.channels == 1)
        #expect(image.samples.map(\.bitPattern) == Self.values.map(\.bitPattern))
    }

    @Test("Writer round trip: strips and tiles, LZW and Deflate, both byte orders", arguments: [
        (ImageEncoder.TIFFCompression.none, nil as Int?, false), (.lzw, nil, true), (.deflate, 16, false), (.lzw, 32, true),
    ])
    func roundTrip(compression: ImageEncoder.TIFFCompression, tile: Int?, bigEndian: Bool) throws {
        // 37 × 21 so tiles are partial; values cover sign, exponent and mantissa bits.
        let samples = (0 ..< 37 * 21).map { (i: Int) -> Float in
            let small = Float(i % 97) * 1.25e-3
            return small - Float(i % 13) * 1.5e4
        }
        let raster = Raster.float32(Image(width: 37, height: 21, samples: samples))
        var options = ImageEncoder.TIFFOptions()
        options.compression = compression
        options.tileSize = tile
        options.bigEndian = bigEndian
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/float.tif"
            try ImageEncoder.writeTIFF(raster, to: path, options: options)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.prefix(2) == (bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]))
            #expect(TIFFBytes.firstDirectory(of: bytes)?.values[339] == [3], "SampleFormat IEEE float")
            let decoded = try ImageDecoder().decodeFile(atPath: path)
            #expect(decoded.raster == raster)
            #expect(decoded.bitsPerSample == 32)
        }
    }

    @Test("The writer refuses float RGB")
    func floatRGBRefused() throws {
        let raster = Raster.float32(Image(width: 2, height: 1, channels: 3, repeating: 1))
        try TestSupport.withTemporaryDirectory { directory in
            let error = #expect(throws: ImageIOError.self) { try ImageEncoder.writeTIFF(raster, to: directory + "/rgb.tif") }
            #expect(error?.errorCase == .encodeFailed)
        }
    }

    @Test("ImageJ's big-endian float sample: 68×68, samples as read independently from the file",
          .enabled(if: TestSupport.realDataDirectory != nil))
    func imageJSample() throws {
        let path = try #require(realData("imagej-calibrated-tiff/test_loading_image_saved_with_imageJ.tif"))
        let decoded = try ImageDecoder().decodeFile(atPath: path)
        guard case let .float32(image) = decoded.raster else {
            Issue.record("expected a float raster")
            return
        }
        #expect(image.width == 68 && image.height == 68 && image.channels == 1)
        // Reference: the uncompressed strip (offset 38289, 18496 bytes) unpacked as 4624 big-endian
        // float32 with Python's struct module: min 2866, max 3774, sum 15422830 (exact in Double),
        // first 3465, second 3352, end of row 0 3239, pixel (34, 34) 3481, last 3319.
        #expect(Raster.finiteRange(of: image) == 2866 ... 3774)
        #expect(image.samples.reduce(0.0) { $0 + Double($1) } == 15_422_830)
        #expect([image[0, 0], image[1, 0], image[67, 0], image[34, 34], image[67, 67]] == [3465, 3352, 3239, 3481, 3319])
    }
}

/// `Raster` operations on float rasters and the linear 16-bit mapping.
@Suite("Raster float32")
struct RasterFloatTests {
    @Test("Linear mapping: minimum → 0, maximum → 65535, midpoint rounds half up; non-finite → 0")
    func linearMapping() {
        // (4 − 2)/(6 − 2) · 65535 = 32767.5 → 32768; (2.5 − 2)/4 · 65535 = 8191.875 → 8192.
        let image = Image<Float>(width: 6, height: 1, samples: [2, 4, 6, 2.5, .nan, -.infinity])
        #expect(Raster.uint16(linearlyMapping: image).samples == [0, 32768, 65535, 8192, 0, 0])
        #expect(Raster.finiteRange(of: image) == 2 ... 6)
    }

    @Test("Negative values and order: the mapping is monotonic")
    func monotonic() {
        let values: [Float] = [-1e6, -3, -2.999, 0, 1e-7, 7, 1e6]
        let mapped = Raster.uint16(linearlyMapping: Image(width: 7, height: 1, samples: values)).samples
        #expect(mapped.first == 0 && mapped.last == 65535)
        #expect(zip(mapped, mapped.dropFirst()).allSatisfy { $0 <= $1 })
        // −3 and 7 lie 999997/2e6 and 1000007/2e6 of the way up.
        #expect(mapped[1] == UInt16((999_997.0 / 2e6 * 65535).rounded()))
        #expect(mapped[5] == UInt16((1_000_007.0 / 2e6 * 65535).rounded()))
    }

    @Test("Uniform or all-NaN images map to zeros; the range is nil without finite samples")
    func degenerate() {
        #expect(Raster.uint16(linearlyMapping: Image(width: 3, height: 1, repeating: Float(5))).samples == [0, 0, 0])
        let nan = Image<Float>(width: 2, height: 1, samples: [.nan, .infinity])
        #expect(Raster.finiteRange(of: nan) == nil)
        #expect(Raster.uint16(linearlyMapping: nan).samples == [0, 0])
    }

    @Test("Shape, cropping and luminance of float rasters")
    func rasterOperations() {
        let grey = Raster.float32(Image(width: 2, height: 3, samples: [0, 1, 2, 3, 4.5, -5]))
        #expect(grey.width == 2 && grey.height == 3 && grey.channels == 1 && grey.bitsPerSample == 32)
        #expect(grey.cropping(rows: 1 ..< 3) == .float32(Image(width: 2, height: 2, samples: [2, 3, 4.5, -5])))
        #expect(grey.luminance() == grey)
        // BT.601 weights without rounding: 0.299·10 + 0.587·20 + 0.114·40 = 2.99 + 11.74 + 4.56 = 19.29.
        let rgb = Raster.float32(Image(width: 1, height: 1, channels: 3, samples: [10, 20, 40]))
        guard case let .float32(luma) = rgb.luminance() else {
            Issue.record("luminance changed the sample type")
            return
        }
        #expect(abs(luma.samples[0] - 19.29) < 1e-5)
    }
}
