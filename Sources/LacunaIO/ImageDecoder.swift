import CLacunaCodecs
import Foundation
import LacunaImage

/// Decodes PNG, JPEG and TIFF files through libpng, libjpeg-turbo and libtiff.
///
/// The format comes from the magic bytes (`ImageFormat.sniff`). The header is read first and
/// its dimensions are checked against `maxPixels` before the raster is allocated; then C fills
/// the Swift-owned raster in place. Every library error becomes an `ImageIOError`.
public struct ImageDecoder: Sendable {
    /// Largest accepted `width × height`; default 500 megapixels.
    public var maxPixels: Int
    /// Largest accepted file size in bytes; default 4 GiB.
    public var maxFileBytes: Int

    public init(maxPixels: Int = 500_000_000, maxFileBytes: Int = 4 << 30) {
        precondition(maxPixels > 0 && maxFileBytes > 0, "limits must be positive")
        self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes
    }

    /// Reads and decodes the file at `path`.
    public func decodeFile(atPath path: String) throws(ImageIOError) -> DecodedImage {
        try decode(ImageDecoder.readBytes(atPath: path, limit: maxFileBytes))
    }

    /// Decodes an in-memory file.
    public func decode(_ data: Data) throws(ImageIOError) -> DecodedImage {
        if data.isEmpty { throw .emptyFile }
        guard let format = ImageFormat.sniff(data) else { throw .unknownFormat }
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

    private func decode(_ base: UnsafePointer<UInt8>, count: Int, format: ImageFormat) -> Result<DecodedImage, ImageIOError> {
        switch format {
        case .png:
            decode(base, count, format, open: { lc_png_open($0, $1, $2, $3) },
                   read: { lc_png_read($0, $1, $2, $3) }, close: { lc_png_close($0) })
        case .jpeg:
            decode(base, count, format, open: { lc_jpeg_open($0, $1, $2, $3) },
                   read: { lc_jpeg_read($0, $1, $2, $3) }, close: { lc_jpeg_close($0) })
        case .tiff:
            decode(base, count, format, open: { lc_tiff_open($0, $1, $2, $3) },
                   read: { lc_tiff_read($0, $1, $2, $3) }, close: { lc_tiff_close($0) },
                   tags: ImageDecoder.tiffTags)
        }
    }

    private func decode(_ base: UnsafePointer<UInt8>, _ count: Int, _ format: ImageFormat,
                        open: OpenCall, read: ReadCall, close: CloseCall,
                        tags: (OpaquePointer) -> [UInt32: [UInt8]] = { _ in [:] }) -> Result<DecodedImage, ImageIOError> {
        var info = lc_image_info()
        var error = lc_error()
        guard let reader = open(base, count, &info, &error) else {
            return .failure(ImageDecoder.error(from: error, format: format))
        }
        defer { close(reader) }
        let width = Int(info.width), height = Int(info.height), channels = Int(info.channels)
        if width == 0 || height == 0 { return .failure(.emptyImage(width: width, height: height)) }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels {
            return .failure(.tooLarge(width: width, height: height, limit: maxPixels))
        }
        let sampleCount = pixels * channels
        var status = LC_OK
        let raster: Raster
        if info.bits == 16 {
            let samples = [UInt16](unsafeUninitializedCapacity: sampleCount) { buffer, initialized in
                buffer.initialize(repeating: 0)
                initialized = sampleCount
                guard let start = buffer.baseAddress else { return }
                status = read(reader, UnsafeMutableRawPointer(start), sampleCount * 2, &error)
            }
            raster = .uint16(Image(width: width, height: height, channels: channels, samples: samples))
        } else {
            let samples = [UInt8](unsafeUninitializedCapacity: sampleCount) { buffer, initialized in
                buffer.initialize(repeating: 0)
                initialized = sampleCount
                guard let start = buffer.baseAddress else { return }
                status = read(reader, UnsafeMutableRawPointer(start), sampleCount, &error)
            }
            raster = .uint8(Image(width: width, height: height, channels: channels, samples: samples))
        }
        if status != LC_OK { return .failure(ImageDecoder.error(from: error, format: format)) }
        return .success(DecodedImage(format: format, raster: raster, bitsPerSample: Int(info.source_bits),
                                     channels: Int(info.source_channels), pages: Int(info.pages),
                                     tiffTags: tags(reader)))
    }

    private static func tiffTags(_ reader: OpaquePointer) -> [UInt32: [UInt8]] {
        var found: [UInt32: [UInt8]] = [:]
        for tag in MetadataTag.all {
            var pointer: UnsafePointer<UInt8>? = nil
            var count = 0
            if lc_tiff_tag_bytes(reader, tag, &pointer, &count) == 1, let pointer, count > 0 {
                found[tag] = Array(UnsafeBufferPointer(start: pointer, count: count))
            }
        }
        return found
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
