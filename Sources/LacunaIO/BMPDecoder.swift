import Foundation
import LacunaImage

/// Windows bitmaps (BMP), as Hitachi and other instruments export: uncompressed
/// (`BI_RGB`) 8-bit palette, 24-bit BGR and 32-bit BGRX images with a BITMAPINFOHEADER or a
/// later (V4/V5) header; bottom-up and top-down rows, rows padded to 4 bytes.
///
/// Format facts: Microsoft, "BITMAPINFOHEADER structure" and "Bitmap Storage" (Win32 GDI
/// documentation). An 8-bit image whose palette is grey (R = G = B for every entry used) is
/// returned as one grey channel of the palette's values; other palettes are expanded to RGB.
/// RLE-compressed and 1/4/16-bit bitmaps are refused as unsupported. Every offset and size is
/// checked against the file before it is read; the pixel limit is checked before allocation.
enum BMPDecoder {
    static func decode(_ data: Data, maxPixels: Int) throws(ImageIOError) -> DecodedImage {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func s32(_ at: Int) -> Int { Int(Int32(bitPattern: UInt32(u32(at)))) }
        guard bytes.count >= 54 else { throw .truncated(.bmp, detail: "\(bytes.count) bytes, the headers need 54") }
        let pixelOffset = u32(10)
        let headerSize = u32(14)
        guard [40, 52, 56, 108, 124].contains(headerSize) else {
            throw .unsupported(.bmp, detail: "header of \(headerSize) bytes (OS/2 or unknown)")
        }
        let width = s32(18), signedHeight = s32(22)
        let planes = u16(26), bits = u16(28), compression = u32(30)
        let height = abs(signedHeight)
        guard width > 0, height > 0, planes == 1 else {
            throw .corrupt(.bmp, detail: "size \(width)×\(signedHeight), \(planes) planes")
        }
        guard compression == 0 || (compression == 3 && bits == 32) else {
            throw .unsupported(.bmp, detail: "compression \(compression) (RLE/JPEG/PNG inside BMP)")
        }
        guard [8, 24, 32].contains(bits) else { throw .unsupported(.bmp, detail: "\(bits) bits per pixel") }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels { throw .tooLarge(width: width, height: height, limit: maxPixels) }
        let rowBytes = (width * bits + 31) / 32 * 4
        guard pixelOffset >= 14 + headerSize, pixelOffset <= bytes.count,
              rowBytes * height <= bytes.count - pixelOffset else {
            throw .truncated(.bmp, detail: "pixel data needs \(rowBytes * height) bytes from offset \(pixelOffset), file has \(bytes.count)")
        }
        var palette: [(UInt8, UInt8, UInt8)] = []
        if bits == 8 {
            let declared = u32(46)
            let count = declared == 0 ? 256 : min(declared, 256)
            let start = 14 + headerSize
            guard start + 4 * count <= pixelOffset else { throw .corrupt(.bmp, detail: "palette overlaps the pixels") }
            palette = (0 ..< count).map { i in (bytes[start + 4 * i + 2], bytes[start + 4 * i + 1], bytes[start + 4 * i]) }
        }
        let topDown = signedHeight < 0
        func rowStart(_ y: Int) -> Int { pixelOffset + (topDown ? y : height - 1 - y) * rowBytes }
        let raster: Raster
        let storedChannels: Int
        if bits == 8 {
            storedChannels = 1
            let grey = palette.allSatisfy { $0.0 == $0.1 && $0.1 == $0.2 }
            var out = [UInt8](repeating: 0, count: pixels * (grey ? 1 : 3))
            for y in 0 ..< height {
                let row = rowStart(y)
                for x in 0 ..< width {
                    let index = Int(bytes[row + x])
                    guard index < palette.count else {
                        throw .corrupt(.bmp, detail: "palette index \(index) beyond \(palette.count) entries")
                    }
                    let c = palette[index]
                    if grey {
                        out[y * width + x] = c.0
                    } else {
                        out[3 * (y * width + x)] = c.0
                        out[3 * (y * width + x) + 1] = c.1
                        out[3 * (y * width + x) + 2] = c.2
                    }
                }
            }
            raster = .uint8(Image(width: width, height: height, channels: grey ? 1 : 3, samples: out))
        } else {
            storedChannels = 3
            let step = bits / 8
            var out = [UInt8](repeating: 0, count: pixels * 3)
            for y in 0 ..< height {
                let row = rowStart(y)
                for x in 0 ..< width {
                    let p = row + x * step
                    out[3 * (y * width + x)] = bytes[p + 2]
                    out[3 * (y * width + x) + 1] = bytes[p + 1]
                    out[3 * (y * width + x) + 2] = bytes[p]
                }
            }
            raster = .uint8(Image(width: width, height: height, channels: 3, samples: out))
        }
        return DecodedImage(format: .bmp, raster: raster, bitsPerSample: 8, channels: storedChannels, pages: 1)
    }
}
