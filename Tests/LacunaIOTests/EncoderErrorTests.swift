import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

/// Layouts the encoders do not write throw `encodeFailed` instead of writing a broken file.
@Suite("Encoder errors")
struct EncoderErrorTests {
    @Test("PNG: no pixels")
    func emptyPNG() {
        #expect(encodingErrorCase { try ImageEncoder.png(Image<UInt8>(width: 0, height: 3, samples: [])) } == .encodeFailed)
    }

    @Test("Palette PNG: empty palette, or more than 256 entries")
    func badPalette() {
        let indices = Image(width: 2, height: 1, samples: [UInt8(0), 1])
        #expect(encodingErrorCase { try ImageEncoder.palettePNG(indices, palette: []) } == .encodeFailed)
        let big = (0 ..< 257).map { (UInt8($0 % 256), UInt8(0), UInt8(0)) }
        #expect(encodingErrorCase { try ImageEncoder.palettePNG(indices, palette: big) } == .encodeFailed)
    }

    @Test("JPEG: two or four channels")
    func jpegChannels() {
        for channels in [2, 4] {
            let image = Image(width: 2, height: 2, channels: channels, repeating: UInt8(9))
            #expect(encodingErrorCase { try ImageEncoder.jpeg(image) } == .encodeFailed, "\(channels) channels")
        }
    }

    @Test("TIFF: two channels, tiles not a multiple of 16, a folder that does not exist")
    func tiff() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/out.tif"
            let twoChannels = Raster.uint8(Image(width: 4, height: 4, channels: 2, repeating: 1))
            #expect(encodingErrorCase { try ImageEncoder.writeTIFF(twoChannels, to: path) } == .encodeFailed)
            var options = ImageEncoder.TIFFOptions()
            options.tileSize = 10
            let grey = Raster.uint8(Image(width: 4, height: 4, repeating: 1))
            #expect(encodingErrorCase { try ImageEncoder.writeTIFF(grey, to: path, options: options) } == .encodeFailed)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(encodingErrorCase { try ImageEncoder.writeTIFF(grey, to: directory + "/missing/out.tif") } == .encodeFailed)
        }
    }
}

/// The case of the `ImageIOError` that `body` throws, or `nil` when it succeeds.
private func encodingErrorCase(_ body: () throws -> some Any) -> ErrorCase? {
    do {
        _ = try body()
        return nil
    } catch let error as ImageIOError {
        return error.errorCase
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}
