/// A raster image as a value: a flat, row-major, channel-interleaved array of samples.
///
/// `Image` is copy-on-write through its array storage and `Sendable`, so algorithms take it by
/// value and return new images; no algorithm in Lacuna changes its input. Kernels iterate over
/// `samples.withUnsafeBufferPointer`, never over nested arrays. The model is koher/swift-image's
/// `Image<Pixel>`, with the channel count kept at run time because decoded files differ in it.
///
/// Coordinates: `x` is the column (0 at the left), `y` the row (0 at the top). Pixel `(x, y)`
/// covers the square `[x, x+1) × [y, y+1)` in pixel units, so its centre is `(x + ½, y + ½)`.
public struct Image<Sample: Sendable>: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Samples per pixel (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA).
    public let channels: Int
    /// `width × height × channels` samples, row-major, channels interleaved.
    public var samples: [Sample]

    /// Wraps existing samples; `samples.count` must equal `width × height × channels`.
    public init(width: Int, height: Int, channels: Int = 1, samples: [Sample]) {
        precondition(width >= 0 && height >= 0 && channels >= 1,
                     "invalid image shape \(width)×\(height)×\(channels)")
        precondition(samples.count == width * height * channels,
                     "sample count \(samples.count) ≠ \(width)×\(height)×\(channels)")
        self.width = width
        self.height = height
        self.channels = channels
        self.samples = samples
    }

    /// An image with every sample set to `value`.
    public init(width: Int, height: Int, channels: Int = 1, repeating value: Sample) {
        self.init(width: width, height: height, channels: channels,
                  samples: Array(repeating: value, count: width * height * channels))
    }

    /// Number of pixels, `width × height`.
    public var pixelCount: Int { width * height }

    /// The sample of `channel` at column `x`, row `y`.
    @inlinable
    public subscript(x: Int, y: Int, channel: Int = 0) -> Sample {
        get { samples[(y * width + x) * channels + channel] }
        set { samples[(y * width + x) * channels + channel] = newValue }
    }

    /// Rows `rows` of the image as a new image (for cutting off an appended data bar); all rows
    /// give the image itself, sharing its samples (no second frame).
    public func cropping(rows: Range<Int>) -> Image<Sample> {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= height,
                     "rows \(rows) outside 0..<\(height)")
        if rows == 0 ..< height { return self }
        let stride = width * channels
        return Image(width: width, height: rows.count, channels: channels,
                     samples: Array(samples[rows.lowerBound * stride ..< rows.upperBound * stride]))
    }

    /// The rectangle of `width × height` pixels whose top-left pixel is `(x, y)`, as a new image.
    public func cropping(x: Int, y: Int, width w: Int, height h: Int) -> Image<Sample> {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height,
                     "rectangle (\(x), \(y), \(w)×\(h)) outside \(width)×\(height)")
        var out: [Sample] = []
        out.reserveCapacity(w * h * channels)
        for row in y ..< y + h {
            let start = (row * width + x) * channels
            out.append(contentsOf: samples[start ..< start + w * channels])
        }
        return Image(width: w, height: h, channels: channels, samples: out)
    }

    /// Applies `transform` to every sample.
    @inlinable
    public func map<T: Sendable>(_ transform: (Sample) throws -> T) rethrows -> Image<T> {
        Image<T>(width: width, height: height, channels: channels, samples: try samples.map(transform))
    }
}

extension Image: Equatable where Sample: Equatable {}

extension Image where Sample == UInt8 {
    /// A `width` × `height` RGB frame whose `3 · width · height` samples `draw` writes, stored
    /// with one spare byte per row: `ImageEncoder.png`, handed the frame, turns it into PNG's
    /// filtered rows (a filter byte before each row) in place instead of in a second frame
    /// (192 MiB at 8192 × 8192).
    public static func rgbFrame(width: Int, height: Int,
                                draw: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> Image<UInt8> {
        let count = width * height * 3
        let samples = [UInt8](unsafeUninitializedCapacity: count + height) { buffer, initialized in
            draw(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
            initialized = count
        }
        return Image(width: width, height: height, channels: 3, samples: samples)
    }
}

/// A binary image: `true` marks foreground (pores, unless a function says otherwise).
public typealias Mask = Image<Bool>

/// A label image: 0 is background, 1…n are connected components in row-major order of their
/// first pixel.
public typealias LabelImage = Image<Int32>
