import Foundation
import LacunaImage
import LacunaIO

/// How to draw one synthetic SEM top view of a porous Li framework.
public struct SynthSpec: Sendable, Codable, Equatable {
    /// Frame width and height in pixels (the data bar is appended below).
    public var width = 768
    public var height = 512
    /// Cell-seed lattice spacing and wall thickness in pixels.
    public var spacing = 48.0
    public var wallWidth = 9.0
    /// Seed jitter as a fraction of the spacing.
    public var jitter = 0.25
    /// Mean hole radius the image should have, in µm; sets the pixel size.
    public var meanRadiusMicrometres = 1.0
    /// Grey levels (0…1 of full scale) of hole floors and walls.
    public var holeLevel = 0.22
    public var wallLevel = 0.78
    /// Point-spread blur σ in pixels.
    public var blurSigma = 1.2
    /// Additive Gaussian noise SD as a fraction of full scale.
    public var noise = 0.035
    /// Illumination gradient: brightness changes by this fraction from left to right edge.
    public var gradient = 0.15
    /// Rows of FEI-style data bar appended below the frame (0 for none).
    public var databarHeight = 48
    /// 8 or 16 bits per sample.
    public var bitDepth = 8
    /// Seed of the random layout and noise.
    public var seed: UInt64 = 1
    /// Hole floors of varying depth: each hole's floor level is `holeLevel` plus a uniform
    /// offset in ±`floorSpread`/2 (fraction of full scale; default 0, every floor alike).
    public var floorSpread = 0.0
    /// SEM edge effect: a bright rim on the walls at each hole's edge, adding
    /// `rimAmplitude`·exp(−d/`rimWidth`) at distance d (px) from the hole outline
    /// (amplitude a fraction of full scale; default 0, no rim).
    public var rimAmplitude = 0.0
    public var rimWidth = 1.5
    /// Bright debris on hole floors: on average this many discs per hole (default 0), each of
    /// radius 0.5…1 × `debrisRadius` px at wall brightness, kept 1.5 px off the hole's outline
    /// (debris is pore space: the truth areas include it).
    public var debrisPerHole = 0.0
    public var debrisRadius = 2.0
    /// Scan-line noise: SD of an offset added to each whole row (fraction of full scale;
    /// default 0).
    public var scanLineNoise = 0.0

    /// Whether any artefact beyond blur, noise and gradient is drawn.
    var hasExtraArtefacts: Bool {
        floorSpread != 0 || rimAmplitude != 0 || debrisPerHole != 0 || scanLineNoise != 0
    }

    public init() {}
}

/// Known answers of a synthetic image, in the form written to truth JSON.
public struct SynthTruth: Sendable, Codable, Equatable {
    public struct Hole: Sendable, Codable, Equatable {
        public var centroid_x_px: Double
        public var centroid_y_px: Double
        public var area_px: Double
        public var equivalent_radius_px: Double
        public var cell_sides: Int
        public var touches_border: Bool
    }

    public var seed: UInt64
    public var width: Int
    public var height: Int
    public var databar_height_px: Int
    public var pixel_size_um: Double
    /// Interior holes (not within 1 px of the frame edge).
    public var pore_count: Int
    /// Mean equivalent radius √(A/π) of the interior holes, from exact polygon areas.
    public var mean_radius_um: Double
    public var mean_radius_px: Double
    /// Exact hole area within the frame over the frame area (from the pixel coverage).
    public var porosity: Double
    public var holes: [Hole]
}

/// A rendered synthetic micrograph and its truth.
public struct SyntheticMicrograph: Sendable {
    /// The stored image: frame plus data bar, one grey channel.
    public var raster: Raster
    public var truth: SynthTruth
    /// The FEI tag-34682 INI text describing it.
    public var metadata: String

    /// Renders `spec`: exact hole coverage per pixel → grey levels (with per-hole floors, rims and
    /// debris when asked, `SynthArtefacts`) → Gaussian blur → gradient → noise and scan-line
    /// offsets → quantisation, then the data bar.
    public init(spec: SynthSpec) {
        precondition(spec.bitDepth == 8 || spec.bitDepth == 16, "bit depth must be 8 or 16")
        var random = SeededRandom(seed: spec.seed)
        let layout = HoleLayout(width: spec.width, height: spec.height, spacing: spec.spacing,
                                wallWidth: spec.wallWidth, jitter: spec.jitter, random: &random)
        let w = spec.width, h = spec.height
        let cover = layout.coverage(width: w, height: h)
        var level = cover.map { Double(spec.wallLevel) + Double($0) * (spec.holeLevel - spec.wallLevel) }
        var rowOffsets = [Double](repeating: 0, count: h)
        if spec.hasExtraArtefacts {
            // A generator of its own, so images without these artefacts keep their pixels.
            var extra = SeededRandom(seed: spec.seed ^ 0x5EED_A27E_FAC7_0001)
            SynthArtefacts.draw(on: &level, layout: layout, cover: cover, spec: spec, random: &extra)
            rowOffsets = (0 ..< h).map { _ in spec.scanLineNoise * extra.normal() }
        }
        level = SyntheticMicrograph.blur(level, width: w, height: h, sigma: spec.blurSigma)
        let fullScale = spec.bitDepth == 8 ? 255.0 : 65535.0
        var frame = [Double](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                let shade = 1 + spec.gradient * (Double(x) / Double(max(1, w - 1)) - 0.5)
                let value = level[y * w + x] * shade + spec.noise * random.normal() + rowOffsets[y]
                frame[y * w + x] = min(fullScale, max(0, (value * fullScale).rounded()))
            }
        }
        let bar = SyntheticMicrograph.databar(width: w, rows: spec.databarHeight, fullScale: fullScale)
        let samples = frame + bar
        raster = spec.bitDepth == 8
            ? .uint8(Image(width: w, height: h + spec.databarHeight, samples: samples.map { UInt8($0) }))
            : .uint16(Image(width: w, height: h + spec.databarHeight, samples: samples.map { UInt16($0) }))

        let interior = layout.holes.filter { !$0.touchesBorder }
        let radiiPx = interior.map { ($0.polygon.area / Double.pi).squareRoot() }
        let meanPx = radiiPx.isEmpty ? 0 : radiiPx.reduce(0, +) / Double(radiiPx.count)
        let pixelSize = meanPx > 0 ? spec.meanRadiusMicrometres / meanPx : 1
        truth = SynthTruth(
            seed: spec.seed, width: w, height: h, databar_height_px: spec.databarHeight,
            pixel_size_um: pixelSize, pore_count: interior.count,
            mean_radius_um: meanPx * pixelSize, mean_radius_px: meanPx,
            porosity: Double(cover.reduce(0, +)) / Double(w * h),
            holes: layout.holes.map { hole in
                let c = hole.polygon.centroid
                return SynthTruth.Hole(centroid_x_px: c.x, centroid_y_px: c.y, area_px: hole.polygon.area,
                                       equivalent_radius_px: (hole.polygon.area / Double.pi).squareRoot(),
                                       cell_sides: hole.cellSides, touches_border: hole.touchesBorder)
            })
        metadata = FEIMetadataText.make(pixelSizeMicrometres: pixelSize, width: w, height: h,
                                        databarHeight: spec.databarHeight)
    }

    /// Writes the image as a Deflate TIFF with the FEI metadata in tag 34682.
    public func writeTIFF(to path: String) throws(ImageIOError) {
        var options = ImageEncoder.TIFFOptions()
        options.compression = .deflate
        options.privateTag = (tag: MetadataTag.feiHelios, bytes: Array(metadata.utf8) + [0], ascii: true)
        try ImageEncoder.writeTIFF(raster, to: path, options: options)
    }

    /// A black bar with white blocks where an instrument prints its text and a scale bar.
    static func databar(width: Int, rows: Int, fullScale: Double) -> [Double] {
        var bar = [Double](repeating: 0, count: width * rows)
        guard rows >= 8 else { return bar }
        for y in rows / 4 ..< rows * 3 / 4 {
            for x in 0 ..< width where (x / 9) % 3 != 2 && x % 200 < 150 {
                bar[y * width + x] = (x / 5 + y).isMultiple(of: 3) ? fullScale : 0
            }
        }
        return bar
    }

    /// Separable Gaussian blur of a Double field with mirrored edges (truncated at 4σ).
    static func blur(_ field: [Double], width w: Int, height h: Int, sigma: Double) -> [Double] {
        guard sigma > 0 else { return field }
        let radius = Int((4 * sigma).rounded(.up))
        var kernel = (-radius ... radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        func mirror(_ i: Int, _ n: Int) -> Int {
            var j = i
            while j < 0 || j >= n { j = j < 0 ? -j - 1 : 2 * n - j - 1 }
            return j
        }
        var pass = [Double](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                var s = 0.0
                for k in -radius ... radius { s += kernel[k + radius] * field[y * w + mirror(x + k, w)] }
                pass[y * w + x] = s
            }
        }
        var out = [Double](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                var s = 0.0
                for k in -radius ... radius { s += kernel[k + radius] * pass[mirror(y + k, h) * w + x] }
                out[y * w + x] = s
            }
        }
        return out
    }
}

/// The INI text an FEI/Thermo Fisher xT instrument writes to TIFF tag 34682, reduced to the
/// keys Lacuna reads (../shared/reference/sem-metadata.md §1.1), values in SI units.
public enum FEIMetadataText {
    public static func make(pixelSizeMicrometres: Double, width: Int, height: Int, databarHeight: Int) -> String {
        let metres = pixelSizeMicrometres * 1e-6
        let e = { (v: Double) in String(format: "%.6e", locale: nil, v) }
        return [
            "[User]", "Date=11/25/2026", "User=lacuna-synth", "",
            "[System]", "SystemType=Lacuna synthetic", "",
            "[Beam]", "HV=5000", "Beam=EBeam", "Scan=EScan", "",
            "[EBeam]", "HFW=\(e(metres * Double(width)))", "VFW=\(e(metres * Double(height)))", "",
            "[Scan]", "PixelWidth=\(e(metres))", "PixelHeight=\(e(metres))",
            "HorFieldsize=\(e(metres * Double(width)))", "VerFieldsize=\(e(metres * Double(height)))", "",
            "[EScan]", "PixelWidth=\(e(metres))", "PixelHeight=\(e(metres))", "",
            "[Image]", "ResolutionX=\(width)", "ResolutionY=\(height)", "",
            "[PrivateFei]", "DatabarHeight=\(databarHeight)", "",
        ].joined(separator: "\r\n")
    }
}
