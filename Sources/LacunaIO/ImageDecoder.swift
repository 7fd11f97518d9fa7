import CLacunaCodecs
import Foundation
import LacunaImage

/// Decodes PNG, JPEG and TIFF files through libpng, libjpeg-turbo and libtiff; uncompressed BMP
/// and text matrices (TOF-SIMS exports) in Swift.
///
/// The format comes from the magic bytes (`ImageFormat.sniff`). The header is read first and
/// its dimensions are checked against `maxPixels` before the raster is allocated; then C fills
/// the Swift-owned raster in place. Every library error becomes an `ImageIOError`.
public struct ImageDecoder: Sendable {
    /// Largest accepted `width × height`; default 500 megapixels.
    public var maxPixels: Int
    /// Largest accepted file size in bytes; default 4 GiB.
    public var maxFileBytes: Int
    /// The page to decode, 0-based: a TIFF directory (TOF-SIMS depth frames, FIB-SEM serial
    /// sections). PNG and JPEG have only page 0. A page not in the file throws
    /// `ImageIOError.pageOutOfRange`.
    public var page: Int

    public init(maxPixels: Int = 500_000_000, maxFileBytes: Int = 4 << 30, page: Int = 0) {
        precondition(maxPixels > 0 && maxFileBytes > 0, "limits must be positive")
        precondition(page >= 0, "page \(page) must not be negative")
        self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes
        self.page = page
    }

    /// Reads and decodes the file at `path`.
    public func decodeFile(atPath path: String) throws(ImageIOError) -> DecodedImage {
        try decode(ImageDecoder.readBytes(atPath: path, limit: maxFileBytes))
    }

    /// Decodes an in-memory file.
    public func decode(_ data: Data) throws(ImageIOError) -> DecodedImage {
        if data.isEmpty { throw .emptyFile }
        guard let format = ImageFormat.sniff(data) else {
            guard TextMatrix.looksLikeMatrix(data) else { throw .unknownFormat }
            if page > 0 { throw .pageOutOfRange(page: page, pages: 1) }
            let raster = try TextMatrix.parse(data, maxPixels: maxPixels)
            return DecodedImage(format: .text, raster: raster, bitsPerSample: raster.bitsPerSample, channels: 1, pages: 1)
        }
        if format == .bmp {
            if page > 0 { throw .pageOutOfRange(page: page, pages: 1) }
            return try BMPDecoder.decode(data, maxPixels: maxPixels)
        }
        let result: Result<DecodedImage, ImageIOError> = data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return .failure(.emptyFile) }
            return decode(base, count: bytes.count, format: format)
        }
        return try result.get()
    }

    /// Reads a whole file with POSIX-level errors turned into `ImageIOError.unreadableFile`.
    public static func readBytes(atPath path: String, limit: Int) throws(ImageIOError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadableFile(path: path, reason: "is a directory") }
        if !RegularFile.exists(atPath: path) { throw .unreadableFile(path: path, reason: "not a regular file") }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            if size > UInt64(limit) {
                throw ImageIOError.unreadableFile(path: path, reason: "file of \(size) bytes exceeds the \(limit)-byte limit")
            }
            try handle.seek(toOffset: 0)
            return try handle.readToEnd() ?? Data()
        } catch let error as ImageIOError {
            throw error
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private typealias OpenCall = (UnsafePointer<UInt8>, Int, UnsafeMutablePointer<lc_image_info>,
                                  UnsafeMutablePointer<lc_error>) -> OpaquePointer?
    private typealias ReadCall = (OpaquePointer, UnsafeMutableRawPointer, Int, UnsafeMutablePointer<lc_error>) -> lc_status
    private typealias CloseCall = (OpaquePointer) -> Void
    /// Runs between open and the size check: selects the page and collects container metadata.
    private typealias PrepareCall = (OpaquePointer, inout lc_image_info) -> Result<ContainerMetadata, ImageIOError>

    private func decode(_ base: UnsafePointer<UInt8>, count: Int, format: ImageFormat) -> Result<DecodedImage, ImageIOError> {
        let page = page
        let onlyFirstPage: PrepareCall = { _, info in
            page < Int(info.pages) ? .success(ContainerMetadata()) : .failure(.pageOutOfRange(page: page, pages: Int(info.pages)))
        }
        return switch format {
        case .png:
            decode(base, count, format, open: { lc_png_open($0, $1, $2, $3) }, prepare: onlyFirstPage,
                   read: { lc_png_read($0, $1, $2, $3) }, close: { lc_png_close($0) })
        case .jpeg:
            decode(base, count, format, open: { lc_jpeg_open($0, $1, $2, $3) }, prepare: onlyFirstPage,
                   read: { lc_jpeg_read($0, $1, $2, $3) }, close: { lc_jpeg_close($0) })
        case .tiff:
            decode(base, count, format, open: { lc_tiff_open($0, $1, $2, $3) },
                   prepare: { ImageDecoder.selectTIFFPage(page, reader: $0, info: &$1) },
                   read: { lc_tiff_read($0, $1, $2, $3) }, close: { lc_tiff_close($0) })
        case .bmp, .text:
            // Decoded in Swift before the C path (see `decode(_:)`); never reached.
            .failure(.unsupported(format, detail: "not a C-decoded format"))
        }
    }

    private func decode(_ base: UnsafePointer<UInt8>, _ count: Int, _ format: ImageFormat, open: OpenCall,
                        prepare: PrepareCall, read: ReadCall, close: CloseCall) -> Result<DecodedImage, ImageIOError> {
        var info = lc_image_info()
        var error = lc_error()
        guard let reader = open(base, count, &info, &error) else {
            return .failure(ImageDecoder.error(from: error, format: format))
        }
        defer { close(reader) }
        let metadata: ContainerMetadata
        switch prepare(reader, &info) {
        case let .success(found): metadata = found
        case let .failure(failure): return .failure(failure)
        }
        let width = Int(info.width), height = Int(info.height), channels = Int(info.channels)
        if width == 0 || height == 0 { return .failure(.emptyImage(width: width, height: height)) }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels {
            return .failure(.tooLarge(width: width, height: height, limit: maxPixels))
        }
        let sampleCount = pixels * channels
        var status = LC_OK
        let raster: Raster
        if info.is_float != 0 {
            let samples = ImageDecoder.fill(Float.self, count: sampleCount) { start in
                status = read(reader, start, sampleCount * MemoryLayout<Float>.size, &error)
            }
            raster = .float32(Image(width: width, height: height, channels: channels, samples: samples))
        } else if info.bits == 16 {
            let samples = ImageDecoder.fill(UInt16.self, count: sampleCount) { start in
                status = read(reader, start, sampleCount * 2, &error)
            }
            raster = .uint16(Image(width: width, height: height, channels: channels, samples: samples))
        } else {
            let samples = ImageDecoder.fill(UInt8.self, count: sampleCount) { start in
                status = read(reader, start, sampleCount, &error)
            }
            raster = .uint8(Image(width: width, height: height, channels: channels, samples: samples))
        }
        if status != LC_OK { return .failure(ImageDecoder.error(from: error, format: format)) }
        return .success(DecodedImage(format: format, raster: raster, bitsPerSample: Int(info.source_bits),
                                     channels: Int(info.source_channels), pages: Int(info.pages),
                                     tiffTags: metadata.tags, page: page, tiffResolution: metadata.resolution))
    }

    /// A zeroed array of `count` samples that `body` fills through a raw pointer to its storage.
    private static func fill<S: Numeric>(_: S.Type, count: Int, _ body: (UnsafeMutableRawPointer) -> Void) -> [S] {
        [S](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            initialized = count
            guard let start = buffer.baseAddress else { return }
            body(UnsafeMutableRawPointer(start))
        }
    }

    static func error(from error: lc_error, format: ImageFormat) -> ImageIOError {
        let detail = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch error.status {
        case LC_ERR_TRUNCATED: return .truncated(format, detail: detail)
        case LC_ERR_UNSUPPORTED: return .unsupported(format, detail: detail)
        case LC_OK: return .corrupt(format, detail: "decoder failed without a message")
        default: return .corrupt(format, detail: detail.isEmpty ? "decoder error \(error.status.rawValue)" : detail)
        }
    }
}
