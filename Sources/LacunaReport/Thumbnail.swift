import Foundation
import LacunaImage
import LacunaIO

/// Small copies of overlay PNGs for the report, embedded as `data:image/png;base64,…` URIs so
/// report.html stays one self-contained file.
public enum Thumbnail {
    /// `image` (8-bit, any channel count) shrunk by the smallest whole factor f that makes it at
    /// most `maxWidth` pixels wide: each output pixel is the rounded mean of an f × f block
    /// (partial blocks at the right and bottom edges average the pixels they have). O(pixels).
    public static func downscaled(_ image: Image<UInt8>, maxWidth: Int) -> Image<UInt8> {
        precondition(maxWidth >= 1, "maxWidth must be ≥ 1")
        let factor = max(1, (image.width + maxWidth - 1) / maxWidth)
        guard factor > 1 else { return image }
        let w = (image.width + factor - 1) / factor, h = (image.height + factor - 1) / factor, c = image.channels
        var out = [UInt8](repeating: 0, count: w * h * c)
        // Sums of one band of `factor` source rows per output sample, source rows read in order.
        var sums = [Int](repeating: 0, count: w * c)
        image.samples.withUnsafeBufferPointer { source in
            sums.withUnsafeMutableBufferPointer { sums in
                out.withUnsafeMutableBufferPointer { out in
                    for y in 0 ..< h {
                        let y0 = y * factor, y1 = min(image.height, y0 + factor)
                        for k in sums.indices { sums[k] = 0 }
                        for yy in y0 ..< y1 {
                            let row = yy * image.width * c
                            // Block by block: each output column's source samples are contiguous.
                            for x in 0 ..< w {
                                let from = row + x * factor * c, to = row + min(image.width, (x + 1) * factor) * c
                                var i = from
                                while i < to {
                                    for channel in 0 ..< c { sums[x * c + channel] += Int(source[i + channel]) }
                                    i += c
                                }
                            }
                        }
                        for x in 0 ..< w {
                            let x1 = min(image.width, (x + 1) * factor)
                            let n = (x1 - x * factor) * (y1 - y0)
                            for channel in 0 ..< c { out[(y * w + x) * c + channel] = UInt8((sums[x * c + channel] + n / 2) / n) }
                        }
                    }
                }
            }
        }
        return Image(width: w, height: h, channels: c, samples: out)
    }

    /// The data URI of the PNG at `path` shrunk to at most `maxWidth` pixels; `nil` when the file
    /// is missing or not an 8-bit image.
    public static func dataURI(ofPNGAt path: String, maxWidth: Int) -> String? {
        guard let decoded = try? ImageDecoder().decodeFile(atPath: path), case let .uint8(image) = decoded.raster else {
            return nil
        }
        return dataURI(of: image, maxWidth: maxWidth)
    }

    /// The data URI of `image` (8-bit) shrunk to at most `maxWidth` pixels: the same bytes as
    /// ``dataURI(ofPNGAt:maxWidth:)`` gives for a lossless PNG of `image`, so a batch run can
    /// make its overlays' thumbnails while the overlays are still in memory instead of decoding
    /// them again for the report (4 % of the 17-MP whole job). `nil` when encoding fails.
    public static func dataURI(of image: Image<UInt8>, maxWidth: Int) -> String? {
        guard let png = try? ImageEncoder.png(downscaled(image, maxWidth: maxWidth), compressionLevel: 9) else { return nil }
        return "data:image/png;base64," + png.base64EncodedString()
    }
}
