/// A decoded file: its pixels at full depth plus what the container said about them.
public struct DecodedImage: Sendable, Equatable {
    /// The container format found by sniffing.
    public var format: ImageFormat
    /// The first page's pixels (palette images expanded to RGB).
    public var raster: Raster
    /// Bits per sample stored in the file (8 or 16).
    public var bitsPerSample: Int
    /// Samples per pixel stored in the file (1 for palette images).
    public var channels: Int
    /// Number of pages (TIFF directories); 1 for PNG and JPEG.
    public var pages: Int
    /// Byte values of the first TIFF directory's metadata tags that Lacuna reads (ImageDescription
    /// 270, FEI 34680/34682/34683, Zeiss 34118, Tescan 50431), keyed by tag number.
    public var tiffTags: [UInt32: [UInt8]]

    public init(format: ImageFormat, raster: Raster, bitsPerSample: Int, channels: Int, pages: Int,
                tiffTags: [UInt32: [UInt8]] = [:]) {
        self.format = format
        self.raster = raster
        self.bitsPerSample = bitsPerSample
        self.channels = channels
        self.pages = pages
        self.tiffTags = tiffTags
    }
}

/// TIFF tag numbers that carry calibration metadata.
public enum MetadataTag {
    public static let imageDescription: UInt32 = 270
    public static let feiSFEG: UInt32 = 34680
    public static let feiHelios: UInt32 = 34682
    public static let feiTitan: UInt32 = 34683
    public static let zeissSEM: UInt32 = 34118
    public static let tescan: UInt32 = 50431
    static let all: [UInt32] = [imageDescription, feiSFEG, feiHelios, feiTitan, zeissSEM, tescan]
}
