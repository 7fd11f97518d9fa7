import Foundation
import LacunaImage
import LacunaIO
import Testing

/// `ImageEncoder.png` then `ImageDecoder.decode` gives back every sample exactly.
@Suite("PNG round trips")
struct PNGRoundTripTests {
    let decoder = ImageDecoder()

    @Test("8-bit grey: all 256 values")
    func grey8AllValues() throws {
        let image = Image(width: 16, height: 16, samples: (0 ... 255).map { UInt8($0) })
        let decoded = try decoder.decode(ImageEncoder.png(image))
        #expect(decoded.format == .png)
        #expect(decoded.raster == .uint8(image))
        #expect(decoded.bitsPerSample == 8)
        #expect(decoded.channels == 1)
        #expect(decoded.pages == 1)
        #expect(decoded.tiffTags.isEmpty)
    }

    @Test("8-bit grey, grey+alpha, RGB, RGBA", arguments: 1 ... 4)
    func eightBit(channels: Int) throws {
        let image = TestImages.pattern8(width: 13, height: 7, channels: channels)
        let decoded = try decoder.decode(ImageEncoder.png(image))
        #expect(decoded.raster == .uint8(image))
        #expect(decoded.raster.channels == channels)
        #expect(decoded.bitsPerSample == 8)
        #expect(decoded.channels == channels)
    }

    @Test("16-bit grey stays UInt16 with exact values 0, 1, 257, 65535")
    func grey16EdgeValues() throws {
        let values: [UInt16] = [0, 1, 255, 256, 257, 0x1234, 65280, 65535]
        let image = Image(width: 4, height: 2, samples: values)
        let decoded = try decoder.decode(ImageEncoder.png(image))
        guard case let .uint16(back) = decoded.raster else {
            Issue.record("a 16-bit PNG decoded as \(decoded.raster.bitsPerSample)-bit")
            return
        }
        #expect(back.samples == values)
        #expect(back.width == 4 && back.height == 2 && back.channels == 1)
        #expect(decoded.bitsPerSample == 16)
        #expect(decoded.channels == 1)
    }

    @Test("16-bit grey, grey+alpha, RGB, RGBA", arguments: 1 ... 4)
    func sixteenBit(channels: Int) throws {
        let image = TestImages.pattern16(width: 11, height: 6, channels: channels)
        let decoded = try decoder.decode(ImageEncoder.png(image))
        #expect(decoded.raster == .uint16(image))
        #expect(decoded.bitsPerSample == 16)
        #expect(decoded.channels == channels)
    }

    @Test("Palette indices expand to their RGB triplets; the file stores one 8-bit channel")
    func palette() throws {
        let palette: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (255, 0, 0), (0, 255, 0), (12, 34, 56), (255, 255, 255)]
        let indices: [UInt8] = [0, 1, 2, 3, 4,
                                4, 3, 2, 1, 0,
                                3, 3, 0, 1, 3]
        // Expected samples written out by hand from the table above.
        let expected: [UInt8] = [0, 0, 0, 255, 0, 0, 0, 255, 0, 12, 34, 56, 255, 255, 255,
                                 255, 255, 255, 12, 34, 56, 0, 255, 0, 255, 0, 0, 0, 0, 0,
                                 12, 34, 56, 12, 34, 56, 0, 0, 0, 255, 0, 0, 12, 34, 56]
        let png = try ImageEncoder.palettePNG(Image(width: 5, height: 3, samples: indices), palette: palette)
        let decoded = try decoder.decode(png)
        #expect(decoded.raster == .uint8(Image(width: 5, height: 3, channels: 3, samples: expected)))
        #expect(decoded.channels == 1)
        #expect(decoded.bitsPerSample == 8)
    }

    @Test("Extreme shapes: 1×1, one row, one column")
    func shapes() throws {
        for (width, height) in [(1, 1), (300, 1), (1, 300)] {
            let image = TestImages.pattern8(width: width, height: height, channels: 3)
            let decoded = try decoder.decode(ImageEncoder.png(image))
            #expect(decoded.raster == .uint8(image), "\(width)×\(height)")
        }
    }

    @Test("Compression level changes the size, not the pixels")
    func compressionLevels() throws {
        let image = Image(width: 64, height: 64, repeating: UInt8(200))
        let stored = try ImageEncoder.png(image, compressionLevel: 0)
        let packed = try ImageEncoder.png(image, compressionLevel: 9)
        // Level 0 stores the 64 × (64 + 1 filter byte) bytes of raw rows; level 9 deflates a flat image.
        #expect(stored.count > 64 * 65)
        #expect(packed.count < stored.count / 10)
        #expect(try decoder.decode(stored).raster == .uint8(image))
        #expect(try decoder.decode(packed).raster == .uint8(image))
    }
}
