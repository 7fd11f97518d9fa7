import Foundation
import LacunaIO
import LacunaPipeline

/// One fuzz target per input parser; the raw value is the name scripts/fuzz takes.
enum FuzzTarget: String, CaseIterable {
    /// `ImageDecoder.decode` through sniffing (PNG, JPEG, TIFF, BMP, text matrices), then the
    /// vendor metadata of what decoded (TIFF tags, ImageJ description, resolution).
    case decode
    /// FEI/Thermo Fisher INI metadata (TIFF tag 34682).
    case fei
    /// Zeiss SmartSEM metadata (TIFF tag 34118).
    case zeiss
    /// Tescan metadata (TIFF tag 50431 and `.hdr` sidecars).
    case tescan
    /// JEOL `.txt` sidecars.
    case jeol
    /// Hitachi `.txt` sidecars.
    case hitachi
    /// ImageJ `ImageDescription` with resolution tags.
    case imagej
    /// `analyze --manifest` CSV.
    case manifest
    /// `analyze --config` YAML, applied to the default options.
    case config
    /// `lacuna fit` radius table, read and grouped into conditions.
    case fittable

    /// Runs the parser on `bytes`; errors are thrown values and end here.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .decode: FuzzTarget.decode(bytes)
        case .fei: _ = FEIMetadata.parse(bytes, imageHeight: 968, imageWidth: 1024)
        case .zeiss: _ = ZeissMetadata.parse(bytes, imageWidth: 1024)
        case .tescan: _ = TescanMetadata.parse(bytes, imageHeight: 1024)
        case .jeol: _ = JEOLMetadata.parse(bytes, name: "s01.tif", imageWidth: 1280, imageHeight: 1024)
        case .hitachi: _ = HitachiMetadata.parse(bytes, name: "s01.tif", imageWidth: 1280, imageHeight: 960)
        case .imagej:
            _ = ImageJMetadata.parse(description: bytes, resolution: TIFFResolution(x: 20, y: 20, unit: 1))
            _ = ImageJMetadata.parse(description: bytes, resolution: nil)
        case .manifest: FuzzTarget.manifest(bytes)
        case .config: FuzzTarget.config(bytes)
        case .fittable: FuzzTarget.fitTable(bytes)
        }
    }

    /// Small enough that no input makes the fuzzer allocate gigabytes; real limits are tested apart.
    static let decoder = ImageDecoder(maxPixels: 1 << 22, maxFileBytes: 1 << 24)

    static func decode(_ bytes: [UInt8]) {
        let data = Data(bytes)
        guard let image = try? decoder.decode(data) else { return }
        _ = SEMMetadata.read(from: image)
        if image.pages > 1 {
            var second = decoder
            second.page = 1
            _ = try? second.decode(data)
        }
    }

    static func config(_ bytes: [UInt8]) {
        do {
            let pairs = try ConfigFile.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml")
            _ = try ConfigFile.apply(pairs, to: AnalysisOptions())
        } catch {
            _ = error.message
        }
    }

    /// The table readers read a file and parse its UTF-8 text; the fuzzer feeds the text
    /// directly: file reading is tested apart, and a file per input halved the rate.
    static func manifest(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? Manifest.parse(text, path: "/fuzz/manifest.csv")
    }

    static func fitTable(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        do {
            _ = try RadiusTable.parse(text, path: "fuzz.csv").conditions()
        } catch {}
        _ = try? FitTable.parse(text, path: "fuzz.csv")
    }
}
