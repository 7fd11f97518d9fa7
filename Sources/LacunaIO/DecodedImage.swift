/// A decoded file: its pixels at full depth plus what the container said about them.
public struct DecodedImage: Sendable, Equatable {
    /// The container format found by sniffing.
    public var format: ImageFormat
    /// The decoded page's pixels (palette images expanded to RGB).
    public var raster: Raster
    /// Bits per sample stored in the file (8 or 16; 32 for float TIFFs).
    public var bitsPerSample: Int
    /// Samples per pixel stored in the file (1 for palette images).
    public var channels: Int
    /// Number of pages (TIFF directories); 1 for PNG and JPEG.
    public var pages: Int
    /// The page that was decoded, 0-based (`ImageDecoder.page`).
    public var page: Int
    /// Byte values of the metadata tags that Lacuna reads (ImageDescription 270, FEI
    /// 34680/34682/34683, Zeiss 34118, Tescan 50431), keyed by tag number, from the decoded page's
    /// directory. For a page after the first, a tag the page lacks is taken from the first
    /// directory when both pages have the same width and height (ImageJ writes its description
    /// only into the first directory of a stack; a thumbnail page of another size must not
    /// inherit the full frame's calibration).
    public var tiffTags: [UInt32: [UInt8]]
    /// The decoded page's resolution tags (same fallback to the first directory as `tiffTags`),
    /// `nil` without XResolution or for PNG/JPEG.
    public var tiffResolution: TIFFResolution?

    public init(format: ImageFormat, raster: Raster, bitsPerSample: Int, channels: Int, pages: Int,
                tiffTags: [UInt32: [UInt8]] = [:], page: Int = 0, tiffResolution: TIFFResolution? = nil) {
        self.format = format
        self.raster = raster
        self.bitsPerSample = bitsPerSample
        self.channels = channels
        self.pages = pages
        self.page = page
        self.tiffTags = tiffTags
        self.tiffResolution = tiffResolution
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
