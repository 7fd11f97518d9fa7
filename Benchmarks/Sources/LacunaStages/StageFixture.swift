import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaNetwork
import LacunaReport
import LacunaSegmentation

/// The inputs of every ``Stage`` for one fixture, computed once in advance with Lacuna's own
/// defaults (Gaussian σ = 1, Otsu, dark pores, holes filled, 8-connected labels), so that
/// timing a stage times that stage only.
///
/// Only what the requested stages need is prepared: a 16-bit fixture, whose mask-based
/// stages are not timed, keeps just its frame and blurred frame.
public struct StageFixture<Sample: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    public let files: FixtureFiles
    /// The decoded frame.
    public let grey: Image<Sample>
    /// `grey` blurred with σ = 1 (Lacuna's default): the input of ``Stage/threshold``.
    public let blurred: Image<Sample>
    /// The pore mask of `blurred` at Otsu's level: the input of opening and fill holes.
    public let mask: Mask?
    /// `mask` with its holes filled: the input of labelling and the distance transform.
    public let filled: Mask?
    /// The 8-connected components of `filled`.
    public let components: Components?
    /// Area, perimeter, centroid and box of each component: the input of ``Stage/shapes``.
    public let regions: [RegionProperties]?
    /// `blurred` as `Float`, walls bright: the relief of ``Stage/watershed``.
    public let relief: Image<Float>?
    /// The frame at 8 bits for the overlay (`nil` for 16-bit fixtures).
    public let display: Image<UInt8>?

    /// Prepares the inputs of `stages` for `grey`, decoded from `files`.
    public init(files: FixtureFiles, grey: Image<Sample>, display: Image<UInt8>?, stages: Set<Stage>) {
        self.files = files
        self.grey = grey
        self.display = display
        blurred = gaussianBlur(grey, sigma: 1)
        guard stages.contains(where: \.needsMask) else {
            (mask, filled, components, regions, relief) = (nil, nil, nil, nil, nil)
            return
        }
        let level = otsuThreshold(histogram: histogram(of: blurred)) ?? Int(Sample.max / 2)
        let mask = poreMask(blurred, threshold: level, polarity: .dark)
        let filled = fillingHoles(in: mask)
        let components = labelComponents(of: filled, connectivity: .eight)
        self.mask = mask
        self.filled = filled
        self.components = components
        regions = measureRegions(of: components.labels, count: components.count)
        relief = stages.contains(.watershed) ? blurred.map { Float($0) } : nil
    }

    /// The zlib level `lacuna analyze` writes overlays with (BatchRunner); the anchors use it too.
    public static var overlayCompressionLevel: Int { 1 }

    /// Number of pores in the prepared labels (0 when no mask was prepared).
    public var poreCount: Int { components?.count ?? 0 }

    /// Runs `stage` once and returns a number derived from its result, so that the work cannot
    /// be optimised away. Decoding and encoding errors (which the fixtures never raise) give -1.
    public func run(_ stage: Stage) -> Int {
        switch stage {
        case .copy: return copySamples()
        case .decodePNG: return decode(files.png)
        case .decodeJPEG: return decode(files.jpeg)
        case .decodeTIFF: return decode(files.tiff)
        case .blur: return Int(gaussianBlur(grey, sigma: 2).samples[grey.pixelCount / 2])
        case .threshold:
            let level = otsuThreshold(histogram: histogram(of: blurred)) ?? 0
            return level + middleRowCount(poreMask(blurred, threshold: level, polarity: .dark))
        case .opening: return middleRowCount(DiskMorphology.opening(prepared(mask), radius: 1))
        case .fillHoles: return middleRowCount(fillingHoles(in: prepared(mask)))
        case .labelStatistics:
            let labelled = labelComponents(of: prepared(filled), connectivity: .eight)
            return measureRegions(of: labelled.labels, count: labelled.count, perimeters: false).count
        case .regions:
            let c = prepared(components)
            return measureRegions(of: c.labels, count: c.count).count
        case .shapes:
            return measureShapes(of: prepared(components).labels, regions: prepared(regions)).count
        case .subpixel:
            let response = plusEdgeResponse(grey, sigma: 1)
            let areas = subpixelBoundaryAreas(of: prepared(components).labels, regions: prepared(regions),
                                              response: response, polarity: .dark)
            return areas.count(where: { $0 != nil })
        case .distance:
            return Int(euclideanDistanceTransform(of: prepared(filled)).samples.max() ?? 0)
        case .watershed:
            return Int(watershed(prepared(relief), markers: prepared(components).labels).samples[grey.pixelCount / 2])
        case .cells:
            return Int(influenceZones(of: prepared(components).labels).samples[grey.pixelCount / 2])
        case .overlay: return encodeOverlay()
        }
    }

    /// Foreground pixels of the middle row: a result the stage cannot skip, without a pass over
    /// the frame that OpenCV's stages do not make.
    private func middleRowCount(_ mask: Mask) -> Int {
        let y = mask.height / 2
        return mask.samples[y * mask.width ..< (y + 1) * mask.width].count(where: { $0 })
    }

    private func prepared<T>(_ value: T?) -> T {
        guard let value else { preconditionFailure("stage input not prepared for fixture \(files.name)") }
        return value
    }

    private func copySamples() -> Int {
        let n = grey.samples.count
        let copy = [Sample](unsafeUninitializedCapacity: n) { buffer, count in
            grey.samples.withUnsafeBufferPointer { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(source))
            }
            count = n
        }
        return Int(copy[n / 2])
    }

    private func decode(_ path: String) -> Int {
        guard let decoded = try? ImageDecoder().decodeFile(atPath: path) else { return -1 }
        return decoded.raster.width * decoded.raster.height
    }

    private func encodeOverlay() -> Int {
        let c = prepared(components)
        let overlay = Overlay.render(grey: prepared(display), labels: c.labels,
                                     touchesBorder: prepared(regions).map(\.touchesBorder), excluded: mask)
        return (try? ImageEncoder.png(overlay, compressionLevel: StageFixture.overlayCompressionLevel).count) ?? -1
    }
}
