import Foundation
import LacunaImage
import LacunaIO
import LacunaSynth

/// Synthetic micrographs as the pipeline sees them.
public enum SyntheticFiles {
    /// A spec with randomised artefacts drawn from `seed` (a seed not used for TestImages):
    /// spacing 30–70 px, walls 12–25 % of it, jitter, blur σ 0.8–1.6 px, noise 2–5 % of full
    /// scale, an illumination gradient up to 25 %, 8 or 16 bits.
    public static func randomSpec(seed: UInt64, radiusMicrometres: Double = 1.0) -> SynthSpec {
        var r = SeededRandom(seed: seed ^ 0xA5A5_5A5A_0F0F_F0F0)
        var spec = SynthSpec()
        spec.width = 384 + Int(r.uniform() * 256)
        spec.height = 288 + Int(r.uniform() * 192)
        spec.spacing = 30 + 40 * r.uniform()
        spec.wallWidth = spec.spacing * (0.12 + 0.13 * r.uniform())
        spec.jitter = 0.15 + 0.15 * r.uniform()
        spec.blurSigma = 0.8 + 0.8 * r.uniform()
        spec.noise = 0.02 + 0.03 * r.uniform()
        spec.gradient = 0.25 * r.uniform()
        spec.holeLevel = 0.15 + 0.15 * r.uniform()
        spec.wallLevel = 0.7 + 0.2 * r.uniform()
        spec.databarHeight = r.uniform() < 0.5 ? 0 : 24 + Int(r.uniform() * 60)
        spec.bitDepth = r.uniform() < 0.5 ? 8 : 16
        spec.meanRadiusMicrometres = radiusMicrometres
        spec.seed = seed
        return spec
    }

    /// The image as a decoded FEI TIFF would be: raster plus tag 34682.
    public static func decoded(_ image: SyntheticMicrograph) -> DecodedImage {
        DecodedImage(format: .tiff, raster: image.raster, bitsPerSample: image.raster.bitsPerSample, channels: 1,
                     pages: 1, tiffTags: [MetadataTag.feiHelios: Array(image.metadata.utf8) + [0]])
    }

    /// Writes the image as a PNG without metadata (uncalibrated); float rasters go through
    /// `Raster.uint16(linearlyMapping:)`, as PNG holds no floats.
    public static func writeUncalibratedPNG(_ raster: Raster, to path: String) throws {
        let data: Data = switch raster {
        case let .uint8(image): try ImageEncoder.png(image)
        case let .uint16(image): try ImageEncoder.png(image)
        case let .float32(image): try ImageEncoder.png(Raster.uint16(linearlyMapping: image))
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
