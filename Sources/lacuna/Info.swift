import ArgumentParser
import Foundation
import LacunaImage
import LacunaIO

/// `lacuna info [--json] FILE...`: format, size, depth and calibration of each file.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe image files: format, size, depth, pages, pixel size and data bar.")

    @Flag(name: .long, help: "One JSON object per line per file (the contract's machine format).")
    var json = false

    @Option(name: .long, help: "Largest image accepted, in pixels.")
    var maxPixels: Int = 500_000_000

    @Argument(help: "Image files (PNG, JPEG, TIFF; recognised by content).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
        if maxPixels <= 0 { throw ValidationError("--max-pixels must be positive") }
    }

    func run() throws {
        var failed = false
        let decoder = ImageDecoder(maxPixels: maxPixels)
        for file in files {
            let line: FileInfo
            do {
                let image = try decoder.decodeFile(atPath: file)
                line = FileInfo(file: file, image: image, metadata: SEMMetadata.read(from: image, path: file))
            } catch {
                failed = true
                line = FileInfo(file: file, error: error.message)
            }
            print(json ? line.json() : line.text())
        }
        if failed { throw ExitCode(ExitStatus.someInputsFailed) }
    }
}

/// One line of `lacuna info`.
struct FileInfo: Encodable {
    var file: String
    var error: String?
    var format: String?
    var width: Int?
    var height: Int?
    var bitsPerSample: Int?
    var channels: Int?
    var pages: Int?
    var pixelSize: PixelSize?
    var source: PixelSizeSource = .none
    var pixelSizeDetail: String?
    var databar: Int?
    var databarMethod = "none"
    var databarDetail: String?
    var warnings: [String] = []

    init(file: String, error: String) {
        self.file = file
        self.error = error
    }

    /// The data bar as `lacuna analyze --databar auto` finds it: the metadata's when it records a
    /// bar, else the pixel heuristic (`DatabarDetector`).
    init(file: String, image: DecodedImage, metadata: SEMMetadata?) {
        self.file = file
        format = image.format.rawValue
        width = image.raster.width
        height = image.raster.height
        bitsPerSample = image.bitsPerSample
        channels = image.channels
        pages = image.pages
        pixelSize = metadata?.pixelSize
        source = pixelSize == nil ? .none : metadata?.vendor ?? .none
        pixelSizeDetail = metadata?.pixelSizeDetail
        warnings = metadata?.warnings ?? []
        if let metadata, metadata.databarHeight > 0 {
            databar = metadata.databarHeight
            databarMethod = "metadata"
            databarDetail = metadata.databarDetail
        } else {
            let found = DatabarDetector().barHeight(of: image.raster)
            databar = found
            databarMethod = found > 0 ? "pixels" : "none"
            databarDetail = metadata?.databarDetail
        }
    }

    enum Key: String, CodingKey {
        case file, error, format, width, height, bits_per_sample, channels, pages
        case pixel_size_um, pixel_size_y_um, pixel_size_source, pixel_size_detail
        case databar_height_px, databar_method, databar_detail, warnings
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(file, forKey: .file)
        if let error {
            try c.encode(error, forKey: .error)
            return
        }
        try c.encode(format, forKey: .format)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(bitsPerSample, forKey: .bits_per_sample)
        try c.encode(channels, forKey: .channels)
        try c.encode(pages, forKey: .pages)
        try c.encode(pixelSize?.x, forKey: .pixel_size_um)
        try c.encode(pixelSize?.y, forKey: .pixel_size_y_um)
        try c.encode(source.rawValue, forKey: .pixel_size_source)
        try c.encode(pixelSizeDetail, forKey: .pixel_size_detail)
        try c.encode(databar, forKey: .databar_height_px)
        try c.encode(databarMethod, forKey: .databar_method)
        try c.encode(databarDetail, forKey: .databar_detail)
        try c.encode(warnings, forKey: .warnings)
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{\"file\":\"?\",\"error\":\"cannot encode\"}" }
        return String(decoding: data, as: UTF8.self)
    }

    func text() -> String {
        if let error { return "\(file): error: \(error)" }
        var size = "uncalibrated"
        if let pixelSize {
            let xy = pixelSize.x == pixelSize.y ? "\(pixelSize.x)" : "\(pixelSize.x) × \(pixelSize.y)"
            size = "\(xy) µm/px (\(source.rawValue)\(pixelSizeDetail.map { ": \($0)" } ?? ""))"
        }
        let line = "\(file): \(format ?? "?") \(width ?? 0)×\(height ?? 0), \(bitsPerSample ?? 0)-bit, "
            + "\(channels ?? 0) channel(s), \(pages ?? 1) page(s), \(size), data bar \(databar ?? 0) rows (\(databarMethod))"
        // One line per file: warnings follow on the same line.
        return warnings.isEmpty ? line : line + "; warnings: " + warnings.joined(separator: "; ")
    }
}
