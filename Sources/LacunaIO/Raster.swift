import LacunaImage

/// Decoded pixels at the file's own depth: 8-bit files stay `UInt8`, 16-bit files stay `UInt16`,
/// 32-bit float TIFFs (ImageJ's 32-bit images) stay `Float`.
public enum Raster: Sendable, Equatable {
    case uint8(Image<UInt8>)
    case uint16(Image<UInt16>)
    /// One grey channel of IEEE 754 single-precision values, as stored (NaN and ±∞ included).
    /// Integer-only consumers map it with `Raster.uint16(linearlyMapping:)`.
    case float32(Image<Float>)

    public var width: Int {
        switch self {
        case let .uint8(image): image.width
        case let .uint16(image): image.width
        case let .float32(image): image.width
        }
    }

    public var height: Int {
        switch self {
        case let .uint8(image): image.height
        case let .uint16(image): image.height
        case let .float32(image): image.height
        }
    }

    public var channels: Int {
        switch self {
        case let .uint8(image): image.channels
        case let .uint16(image): image.channels
        case let .float32(image): image.channels
        }
    }

    /// Bits per sample of the raster (8, 16, or 32 for float).
    public var bitsPerSample: Int {
        switch self {
        case .uint8: 8
        case .uint16: 16
        case .float32: 32
        }
    }

    /// Rows `rows` of the raster (to exclude a data bar).
    public func cropping(rows: Range<Int>) -> Raster {
        switch self {
        case let .uint8(image): .uint8(image.cropping(rows: rows))
        case let .uint16(image): .uint16(image.cropping(rows: rows))
        case let .float32(image): .float32(image.cropping(rows: rows))
        }
    }

    /// The rectangle of `width × height` pixels whose top-left pixel is `(x, y)`.
    public func cropping(x: Int, y: Int, width: Int, height: Int) -> Raster {
        switch self {
        case let .uint8(image): .uint8(image.cropping(x: x, y: y, width: width, height: height))
        case let .uint16(image): .uint16(image.cropping(x: x, y: y, width: width, height: height))
        case let .float32(image): .float32(image.cropping(x: x, y: y, width: width, height: height))
        }
    }

    /// One grey channel at the same depth. Grey(+alpha) keeps the grey sample; RGB(A) becomes
    /// luma Y′ = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, as ImageJ's weighted conversion and
    /// libjpeg do), rounded to the nearest integer. Alpha is dropped. Float rasters are grey
    /// already (the decoder reads only one-channel float files) and come back unchanged; any other
    /// float layout gets the same weights without rounding.
    public func luminance() -> Raster {
        switch self {
        case let .uint8(image): .uint8(Raster.luminance(of: image))
        case let .uint16(image): .uint16(Raster.luminance(of: image))
        case let .float32(image): .float32(Raster.luminance(of: image))
        }
    }

    private static func luminance(of image: Image<Float>) -> Image<Float> {
        let c = image.channels
        if c == 1 { return image }
        var out = [Float](repeating: 0, count: image.pixelCount)
        image.samples.withUnsafeBufferPointer { src in
            for i in 0 ..< image.pixelCount {
                out[i] = c <= 2 ? src[i * c] : 0.299 * src[i * c] + 0.587 * src[i * c + 1] + 0.114 * src[i * c + 2]
            }
        }
        return Image(width: image.width, height: image.height, channels: 1, samples: out)
    }

    @_specialize(where S == UInt8)
    @_specialize(where S == UInt16)
    private static func luminance<S: FixedWidthInteger & UnsignedInteger & Sendable>(of image: Image<S>) -> Image<S> {
        let c = image.channels
        if c == 1 { return image }
        var out = [S](repeating: 0, count: image.pixelCount)
        image.samples.withUnsafeBufferPointer { src in
            if c <= 2 {
                for i in 0 ..< image.pixelCount { out[i] = src[i * c] }
            } else {
                for i in 0 ..< image.pixelCount {
                    let y = 0.299 * Double(src[i * c]) + 0.587 * Double(src[i * c + 1]) + 0.114 * Double(src[i * c + 2])
                    out[i] = S(min(Double(S.max), y.rounded()))
                }
            }
        }
        return Image(width: image.width, height: image.height, channels: 1, samples: out)
    }
}
