import Foundation
import LacunaImage
import LacunaIO
import Testing

/// JPEG is lossy: at quality 100 on smooth or flat images every decoded sample lies within ±3 of
/// the input (DCT quantisation at quality 100 uses step 1; the rest is colour conversion and 2×2
/// chroma subsampling rounding, a few levels at most on gradients this gentle).
@Suite("JPEG round trips")
struct JPEGRoundTripTests {
    let decoder = ImageDecoder()

    /// Largest absolute difference between two equally shaped 8-bit rasters.
    func maxDifference(_ decoded: Raster, _ original: Image<UInt8>) -> Int? {
        guard case let .uint8(image) = decoded, image.width == original.width, image.height == original.height,
              image.channels == original.channels else { return nil }
        return zip(image.samples, original.samples).map { abs(Int($0) - Int($1)) }.max()
    }

    static func smoothGrey(width: Int, height: Int) -> Image<UInt8> {
        var samples: [UInt8] = []
        for y in 0 ..< height { for x in 0 ..< width { samples.append(UInt8(60 + x + y)) } }
        return Image(width: width, height: height, samples: samples)
    }

    static func smoothRGB(width: Int, height: Int) -> Image<UInt8> {
        var samples: [UInt8] = []
        for y in 0 ..< height {
            for x in 0 ..< width {
                samples += [UInt8(40 + 2 * x), UInt8(200 - 2 * y), UInt8(100 + (x + y) / 2)]
            }
        }
        return Image(width: width, height: height, channels: 3, samples: samples)
    }

    @Test("Grey gradient, quality 100: within ±3, one channel")
    func greyGradient() throws {
        let image = Self.smoothGrey(width: 64, height: 48)
        let decoded = try decoder.decode(ImageEncoder.jpeg(image, quality: 100))
        #expect(decoded.format == .jpeg)
        #expect(decoded.channels == 1)
        #expect(decoded.raster.channels == 1)
        #expect(decoded.bitsPerSample == 8)
        #expect(decoded.pages == 1)
        let difference = try #require(maxDifference(decoded.raster, image))
        #expect(difference <= 3)
    }

    @Test("RGB gradient, quality 100: within ±3, three channels")
    func rgbGradient() throws {
        let image = Self.smoothRGB(width: 64, height: 48)
        let decoded = try decoder.decode(ImageEncoder.jpeg(image, quality: 100))
        #expect(decoded.channels == 3)
        #expect(decoded.raster.channels == 3)
        let difference = try #require(maxDifference(decoded.raster, image))
        #expect(difference <= 3)
    }

    @Test("Flat images and sizes that are not multiples of the 8×8 / 16×16 MCU", arguments: [
        (37, 23, 1), (37, 23, 3), (1, 1, 1), (1, 1, 3), (17, 9, 3),
    ])
    func flat(width: Int, height: Int, channels: Int) throws {
        let pixel: [UInt8] = channels == 1 ? [128] : [30, 140, 220]
        let image = Image(width: width, height: height, channels: channels,
                          samples: Array((0 ..< width * height).map { _ in pixel }.joined()))
        let decoded = try decoder.decode(ImageEncoder.jpeg(image, quality: 100))
        #expect(decoded.channels == channels)
        let difference = try #require(maxDifference(decoded.raster, image))
        #expect(difference <= 3)
    }

    @Test("Lower quality makes a smaller file of the same shape")
    func quality() throws {
        let image = TestImages.pattern8(width: 64, height: 64, channels: 3)
        let best = try ImageEncoder.jpeg(image, quality: 100)
        let rough = try ImageEncoder.jpeg(image, quality: 20)
        #expect(rough.count < best.count)
        let decoded = try decoder.decode(rough)
        #expect(decoded.raster.width == 64 && decoded.raster.height == 64 && decoded.raster.channels == 3)
    }
}
