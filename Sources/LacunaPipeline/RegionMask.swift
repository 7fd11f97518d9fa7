import LacunaImage
import LacunaIO

/// The region-of-interest mask file of `--roi-mask`: an image (PNG, or any format Lacuna reads,
/// sniffed from its bytes) of the frame's size — the stored image minus the data bar — whose
/// non-zero pixels are analysed.
enum RegionMask {
    /// The mask at `path` for a `width × height` frame: true where the file's luminance is not 0.
    ///
    /// - Throws: `AnalysisError.regionMaskUnreadable` when the file cannot be read or is not a
    ///   decodable image; `.regionMaskSize` when its size differs from the frame's.
    static func load(path: String, width: Int, height: Int, maxPixels: Int) throws(AnalysisError) -> Mask {
        let decoded: DecodedImage
        do {
            decoded = try ImageDecoder(maxPixels: maxPixels).decodeFile(atPath: path)
        } catch {
            throw .regionMaskUnreadable(path: path, reason: error.message)
        }
        let raster = decoded.raster
        guard raster.width == width && raster.height == height else {
            throw .regionMaskSize(path: path, width: raster.width, height: raster.height,
                                  frameWidth: width, frameHeight: height)
        }
        switch raster.luminance() {
        case let .uint8(grey): return grey.map { $0 != 0 }
        case let .uint16(grey): return grey.map { $0 != 0 }
        case let .float32(grey): return grey.map { $0 != 0 }
        }
    }
}
