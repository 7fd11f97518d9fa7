import CLacunaCodecs
import Foundation
import LacunaImage

/// Encoders for overlays, synthetic test images and round-trip tests.
public enum ImageEncoder {
    /// The filter the fast PNG path (`compressionLevel` 1) applies to every row (PNG,
    /// ISO/IEC 15948:2004, §9.2).
    public enum RowFilter: Int32, Sendable {
        /// Rows as they are. Measured on the cell overlay (tinted cells): 29 % faster to
        /// compress and 20 % smaller than Sub on a 17.3-MP synthetic frame, level with Sub on
        /// five real SEM frames.
        case none = 0
        /// Each byte minus the one a pixel to its left. Measured on the pore overlay (grey
        /// frame, coloured outlines): ~10 % faster and ~5 % smaller than None on five real SEM
        /// frames, level on the synthetic one.
        case sub = 1
    }

    /// PNG bytes of an 8-bit image with 1–4 channels (grey, grey+alpha, RGB, RGBA).
    /// `compressionLevel` is zlib's 0…9. 1 is the fast setting (overlays): `rowFilter` on every
    /// row, then libdeflate's level 1 over the whole filtered image in one call (on a 17.3-MP
    /// RGB overlay 2.7× zlib's level-1 speed for a file ~4 % larger). A caller that hands the
    /// image over (`consume`) has its samples freed once they are filtered, before the stream
    /// is compressed; one made with a spare byte per row (`Image.rgbFrame`) is filtered in
    /// place, so no second frame is made. Other levels, and images whose filtered rows exceed 2 GB (one IDAT
    /// chunk's limit), go through libpng and zlib, which choose filters per row themselves.
    public static func png(_ image: consuming Image<UInt8>, compressionLevel: Int = 6,
                           rowFilter: RowFilter = .sub) throws(ImageIOError) -> Data {
        let width = image.width, height = image.height, channels = image.channels
        let filteredSize = (width * channels + 1) * height
        if compressionLevel == 1, filteredSize <= 2_000_000_000 {
            var filtered = image.samples
            _ = consume image
            if filtered.capacity >= filteredSize {
                // A frame with a spare byte per row (`Image.rgbFrame`), handed over: filtered
                // where it is. The append stays within the capacity, so nothing is copied.
                filtered.append(contentsOf: repeatElement(0, count: height))
                filtered.withUnsafeMutableBufferPointer { buffer in
                    lc_png_filter_rows_in_place(buffer.baseAddress, UInt32(width), UInt32(height), UInt32(channels),
                                                rowFilter.rawValue)
                }
            } else {
                filtered = filtered.withUnsafeBufferPointer { raster in
                    [UInt8](unsafeUninitializedCapacity: filteredSize) { buffer, count in
                        lc_png_filter_rows(raster.baseAddress, UInt32(width), UInt32(height), UInt32(channels),
                                           rowFilter.rawValue, buffer.baseAddress)
                        count = filteredSize
                    }
                }
            }
            var out: UnsafeMutablePointer<UInt8>? = nil
            var size = 0
            var error = lc_error()
            let status = filtered.withUnsafeBufferPointer { rows in
                lc_png_encode_filtered(rows.baseAddress, UInt32(width), UInt32(height), UInt32(channels), &out, &size, &error)
            }
            return try takeBuffer(status: status, error: error, out: out, size: size)
        }
        return try image.samples.withUnsafeBytes { raw in
            Result { () throws(ImageIOError) in
                try encodePNG(raw, width, height, channels, 8, palette: nil, level: compressionLevel)
            }
        }.get()
    }

    /// PNG bytes of a 16-bit image with 1–4 channels.
    public static func png(_ image: Image<UInt16>, compressionLevel: Int = 6) throws(ImageIOError) -> Data {
        try image.samples.withUnsafeBytes { raw in
            Result { () throws(ImageIOError) in
                try encodePNG(raw, image.width, image.height, image.channels, 16, palette: nil, level: compressionLevel)
            }
        }.get()
    }

    /// A palette PNG: `indices` is a one-channel image of indices into `palette` (RGB triplets).
    public static func palettePNG(_ indices: Image<UInt8>, palette: [(UInt8, UInt8, UInt8)]) throws(ImageIOError) -> Data {
        let flat = palette.flatMap { [$0.0, $0.1, $0.2] }
        return try indices.samples.withUnsafeBytes { raw in
            Result { () throws(ImageIOError) in
                try encodePNG(raw, indices.width, indices.height, 1, 8, palette: flat, level: 6)
            }
        }.get()
    }

    /// JPEG bytes of an 8-bit grey or RGB image at `quality` (1…100).
    public static func jpeg(_ image: Image<UInt8>, quality: Int = 95) throws(ImageIOError) -> Data {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var error = lc_error()
        let status = image.samples.withUnsafeBufferPointer { buffer in
            lc_jpeg_encode(buffer.baseAddress, UInt32(image.width), UInt32(image.height),
                           UInt32(image.channels), Int32(quality), &out, &size, &error)
        }
        return try takeBuffer(status: status, error: error, out: out, size: size)
    }

    /// TIFF compression schemes the writer offers.
    public enum TIFFCompression: Sendable {
        case none, lzw, deflate, packBits
    }

    /// Layout and metadata of a TIFF file to write.
    public struct TIFFOptions: Sendable {
        public var compression: TIFFCompression = .none
        /// Square tile size (multiple of 16), or `nil` for strips.
        public var tileSize: Int? = nil
        /// Rows per strip, or `nil` for libtiff's default.
        public var rowsPerStrip: Int? = nil
        public var bigEndian = false
        /// One private tag (for example FEI 34682 as ASCII, Tescan 50431 as BYTE).
        public var privateTag: (tag: UInt32, bytes: [UInt8], ascii: Bool)? = nil
        /// ImageDescription (tag 270), e.g. ImageJ's `ImageJ=1.54f` header.
        public var description: String? = nil
        /// XResolution and YResolution in pixels per unit (ResolutionUnit none), as ImageJ
        /// stores its calibration: 1 / pixel width and 1 / pixel height. libtiff keeps them as
        /// 32-bit floats, about seven significant digits.
        public var resolution: (x: Double, y: Double)? = nil
        public init() {}
    }

    /// Writes a single-page 8- or 16-bit grey or RGB TIFF, or a 32-bit float grey TIFF
    /// (SampleFormat 3), to `path`.
    public static func writeTIFF(_ raster: Raster, to path: String, options: TIFFOptions = TIFFOptions()) throws(ImageIOError) {
        try writeTIFF(raster, unsigned32: nil, to: path, options: options)
    }

    /// Writes a single-page 32-bit unsigned integer grey TIFF (SampleFormat 1), the layout of
    /// label images with more than 65535 labels.
    public static func writeTIFF(_ image: Image<UInt32>, to path: String, options: TIFFOptions = TIFFOptions()) throws(ImageIOError) {
        precondition(image.channels == 1, "32-bit integer TIFFs are grey only, got \(image.channels) channels")
        try writeTIFF(nil, unsigned32: image, to: path, options: options)
    }

    private static func writeTIFF(_ raster: Raster?, unsigned32: Image<UInt32>?, to path: String,
                                  options: TIFFOptions) throws(ImageIOError) {
        var o = lc_tiff_write_options()
        if let resolution = options.resolution {
            o.has_resolution = 1
            o.x_resolution = resolution.x
            o.y_resolution = resolution.y
        }
        o.compression = switch options.compression {
        case .none: LC_TIFF_NONE
        case .lzw: LC_TIFF_LZW
        case .deflate: LC_TIFF_DEFLATE
        case .packBits: LC_TIFF_PACKBITS
        }
        o.tile_size = UInt32(options.tileSize ?? 0)
        o.rows_per_strip = UInt32(options.rowsPerStrip ?? 0)
        o.big_endian = options.bigEndian ? 1 : 0
        var error = lc_error()
        let privateBytes = options.privateTag?.bytes ?? []
        let description = options.description.map { Array($0.utf8CString) }
        let status = privateBytes.withUnsafeBufferPointer { tagBuffer in
            (description ?? []).withUnsafeBufferPointer { text in
                if description != nil { o.description = text.baseAddress }
                if let tag = options.privateTag {
                    o.private_tag = tag.tag
                    o.private_is_ascii = tag.ascii ? 1 : 0
                    o.private_bytes = tagBuffer.baseAddress
                    o.private_count = tagBuffer.count
                }
                return write(raster, unsigned32: unsigned32, to: path, options: &o, error: &error)
            }
        }
        if status != LC_OK { throw .encodeFailed(detail: message(of: error)) }
    }

    /// Calls the C writer with the samples of whichever image is given.
    private static func write(_ raster: Raster?, unsigned32: Image<UInt32>?, to path: String,
                              options o: inout lc_tiff_write_options, error: inout lc_error) -> lc_status {
        func put<T>(_ samples: [T], _ width: Int, _ height: Int, _ channels: Int, _ bits: UInt32) -> lc_status {
            samples.withUnsafeBytes { raw in
                lc_tiff_write(path, raw.baseAddress, UInt32(width), UInt32(height), UInt32(channels), bits, &o, &error)
            }
        }
        if let image = unsigned32 {
            o.unsigned_32 = 1
            return put(image.samples, image.width, image.height, 1, 32)
        }
        switch raster {
        case nil: return LC_ERR_ARGUMENT
        case let .uint8(image): return put(image.samples, image.width, image.height, image.channels, 8)
        case let .uint16(image): return put(image.samples, image.width, image.height, image.channels, 16)
        case let .float32(image): return put(image.samples, image.width, image.height, image.channels, 32)
        }
    }

    private static func encodePNG(_ raw: UnsafeRawBufferPointer, _ width: Int, _ height: Int, _ channels: Int,
                                  _ bits: Int, palette: [UInt8]?, level: Int) throws(ImageIOError) -> Data {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var error = lc_error()
        let status: lc_status
        if let palette {
            status = palette.withUnsafeBufferPointer { p in
                lc_png_encode(raw.baseAddress, UInt32(width), UInt32(height), UInt32(channels), UInt32(bits),
                              p.baseAddress, UInt32(palette.count / 3), Int32(level), &out, &size, &error)
            }
        } else {
            status = lc_png_encode(raw.baseAddress, UInt32(width), UInt32(height), UInt32(channels), UInt32(bits),
                                   nil, 0, Int32(level), &out, &size, &error)
        }
        return try takeBuffer(status: status, error: error, out: out, size: size)
    }

    /// The C encoder's buffer as `Data`, which takes it over (no copy) and frees it with `lc_free`.
    private static func takeBuffer(status: lc_status, error: lc_error, out: UnsafeMutablePointer<UInt8>?,
                                   size: Int) throws(ImageIOError) -> Data {
        guard status == LC_OK, let out else {
            lc_free(out)
            throw .encodeFailed(detail: message(of: error))
        }
        return Data(bytesNoCopy: out, count: size, deallocator: .custom { pointer, _ in lc_free(pointer) })
    }

    static func message(of error: lc_error) -> String {
        withUnsafeBytes(of: error.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
