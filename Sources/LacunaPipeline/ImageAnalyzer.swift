import Foundation
import CLacunaCodecs
import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaNetwork
import LacunaReport
import LacunaSegmentation

/// The result of analysing one image.
public struct AnalyzedImage: Sendable {
    public var measurement: ImageMeasurement
    /// The overlay (RGB, analysed frame only) with its legend and scale bar.
    public var overlay: Image<UInt8>
    /// The pores of the analysed frame: label k is pore k of `measurement.pores`, 0 is framework
    /// (pores below the minimum area included); in 16 bits when there are fewer than 65 535.
    /// `nil` when the analyzer was told not to keep them (`ImageAnalyzer.keepsLabels`).
    public var labels: Labels?
    /// The cell network's tables (`nil` with `--cells none`; its label image is dropped once the
    /// cell overlay is drawn) and its overlay.
    public var network: NetworkSummary? = nil
    /// The cell overlay, already PNG-encoded (zlib level 1) so its RGB frame is not held while
    /// the pores are measured, and written when the analyzer was given its file; `nil` with
    /// `--cells none` or `--overlays pores`.
    public var cellOverlay: OverlayPNG? = nil
    /// The pore overlay PNG-encoded, when the analyzer was asked to encode it
    /// (`ImageAnalyzer.overlayThumbnailWidth`); `overlay` is then empty.
    public var encodedOverlay: EncodedOverlay? = nil
    /// Whether the files of `--save-masks` were written (`ImageAnalyzer.maskFiles`), or why
    /// not; `nil` when they were not asked for.
    public var maskFiles: Result<Void, AtomicFile.WriteError>? = nil
}

/// A pore overlay encoded during the analysis: the PNG (zlib level 1), and the report's
/// thumbnail of it (a `data:` URI, `nil` when it could not be made).
public struct EncodedOverlay: Sendable {
    public var png: OverlayPNG
    public var thumbnail: String?
}

/// An overlay PNG-encoded (zlib level 1) during the analysis.
public enum OverlayPNG: Sendable {
    /// The PNG, kept because no file was given for it, or the encoder's error (with or
    /// without a file).
    case encoded(Result<Data, ImageIOError>)
    /// Written to its file (`ImageAnalyzer.overlayFiles`): the file's fingerprint, or why the
    /// write failed. The bytes are not kept (an 8192² overlay is about 90 MB).
    case written(Result<String, AtomicFile.WriteError>)
}

/// The analysis of one micrograph:
/// decode → calibration (manual, scale bar, metadata) and data bar (metadata or pixels) → cut
/// the data bar → region of interest → grey → pre-processing (`SegmentationOptions.prepare`) →
/// Gaussian blur → global or local threshold (`ImageAnalyzer.cut`) → pore mask → fill holes →
/// analysed region (ROI mask, automatic mask) → open/close → split touching pores (or
/// 8-connected labels) → drop pores under the minimum area → measure, with sub-pixel outlines by
/// default (docs/methods.md).
public struct ImageAnalyzer: Sendable {
    public var options: AnalysisOptions
    /// Threads one image may use (the cell network beside the pore measurements, regions in
    /// parallel); the results are the same for any number.
    public var threads = 1
    /// When set, the pore overlay is PNG-encoded during the analysis, with a thumbnail at most
    /// this many pixels wide (`AnalyzedImage.encodedOverlay`), beside the pore measurements and
    /// the cell network when the image has two threads; when `nil` it is returned as an image.
    public var overlayThumbnailWidth: Int? = nil
    /// When set with `overlayThumbnailWidth`, the files the pore overlay and the cell overlay are
    /// written to, each by the thread that encoded it (`OverlayPNG.written`), so neither write
    /// waits for the other part and the bytes are not held after.
    public var overlayFiles: OverlayFiles? = nil
    /// Frames of at least this many pixels (by default 32 Mi, an RGB overlay of 96 MiB) are
    /// finished in the order that holds the least at once (`finishLarge`): the pore
    /// measurements, then the cells grown in the pore labels' own frame, then the two overlays
    /// one after the other from held codes (at 8192², ~430 MiB at the peak instead of 540 on one
    /// thread and ~620 on two). Smaller frames run the network beside the pore measurements on
    /// two threads and draw each overlay as soon as its part is done. The results are the same
    /// either way.
    public var largeFrameFrom = 1 << 25
    /// Whether `AnalyzedImage.labels` is returned; when not, a large frame grows its cells in
    /// the pore labels' frame and does not keep them for its overlays.
    public var keepsLabels = true
    /// When set, the mask and label files of `--save-masks` (`MaskFiles`) are written during the
    /// analysis, while the pore labels are held anyway (a large frame, before its network);
    /// the outcome is `AnalyzedImage.maskFiles`.
    public var maskFiles: MaskFileNames? = nil

    /// Where `maskFiles` puts the files: `<base>.mask.png` and `<base>.labels.tif` in `folder`.
    public struct MaskFileNames: Sendable {
        public var folder: String
        public var base: String

        public init(folder: String, base: String) {
            self.folder = folder
            self.base = base
        }
    }

    /// Where `overlayFiles` puts the overlays, and the fingerprint recorded of a written file's
    /// bytes (the batch's SHA-256; given by the caller, so the analysis needs no hashing library).
    public struct OverlayFiles: Sendable {
        public var pores: String
        public var cells: String
        public var digest: @Sendable (Data) -> String

        public init(pores: String, cells: String, digest: @escaping @Sendable (Data) -> String) {
            self.pores = pores
            self.cells = cells
            self.digest = digest
        }
    }

    public init(options: AnalysisOptions) {
        self.options = options
    }

    /// Analyses page `page` (counted from 0) of `input`. Pure apart from reading the file (and
    /// its sidecar).
    public func analyze(_ input: ImageInput, page: Int = 0) throws(AnalysisError) -> AnalyzedImage {
        try analyze(decodePage(page, of: input), input: input)
    }

    /// Decodes page `page` (from 0) of `input` within the pixel limit.
    public func decodePage(_ page: Int, of input: ImageInput) throws(AnalysisError) -> DecodedImage {
        do {
            return try ImageDecoder(maxPixels: options.maxPixels, page: page).decodeFile(atPath: input.path)
        } catch {
            throw .image(error)
        }
    }

    /// Analyses an already decoded image.
    public func analyze(_ decoded: DecodedImage, input: ImageInput) throws(AnalysisError) -> AnalyzedImage {
        try Deadline.check(during: "calibration")
        let metadata = SEMMetadata.read(from: decoded, path: input.path)
        let stored = decoded.raster.height
        let (databar, databarMethod) = ImageAnalyzer.databar(of: decoded.raster, metadata: metadata, options: options)
        if databar >= stored { throw .noFrame(height: stored, databar: databar) }
        var warnings: [String] = []
        var calibration = ImageAnalyzer.calibration(metadata: metadata, input: input, options: options)
        if let length = options.scaleBarMicrometres, calibration.source != .manual {
            calibration = ImageAnalyzer.scaleBarCalibration(
                length, raster: decoded.raster, barRows: stored - databar ..< stored,
                metadata: calibration, warnings: &warnings)
        }
        var frame = decoded.raster.cropping(rows: 0 ..< stored - databar)
        var regionMask: Mask? = nil
        if let path = options.regionMaskPath {
            regionMask = try RegionMask.load(path: path, width: frame.width, height: frame.height, maxPixels: options.maxPixels)
        }
        var origin = (x: 0, y: 0)
        if let r = options.region {
            guard r.x >= 0, r.y >= 0, r.width > 0, r.height > 0, r.x + r.width <= frame.width,
                  r.y + r.height <= frame.height else {
                throw .regionOutsideFrame(x: r.x, y: r.y, width: r.width, height: r.height,
                                          frameWidth: frame.width, frameHeight: frame.height)
            }
            frame = frame.cropping(x: r.x, y: r.y, width: r.width, height: r.height)
            regionMask = regionMask?.cropping(x: r.x, y: r.y, width: r.width, height: r.height)
            origin = (r.x, r.y)
        }
        if let map = options.colorMap {
            frame = ImageAnalyzer.inverting(frame, through: map, warnings: &warnings)
        }
        try Deadline.check(during: "thresholding")
        let context = FrameContext(calibration: calibration, databar: databar, databarMethod: databarMethod,
                                   origin: origin, warnings: warnings, regionMask: regionMask)
        switch frame.luminance() {
        case let .uint8(grey):
            return try segmentAndMeasure(grey, display: grey, context: context)
        case let .uint16(grey):
            return try segmentAndMeasure(grey, display: Overlay.displayImage(grey), context: context)
        case let .float32(values):
            // Otsu's level is invariant under the linear min–max mapping up to its 1/65535 step.
            let grey = Raster.uint16(linearlyMapping: values)
            return try segmentAndMeasure(grey, display: Overlay.displayImage(grey), context: context)
        }
    }

    /// What the measurement records besides the pores.
    struct FrameContext {
        var calibration: Calibration
        var databar: Int
        var databarMethod: DatabarMethod
        var origin: (x: Int, y: Int)
        var warnings: [String]
        /// The `--roi-mask` pixels, cropped like the frame.
        var regionMask: Mask?
    }

    /// An RGB frame inverted through `map` to levels 0…255 (16-bit RGB is first reduced to its
    /// top 8 bits); grey frames are returned unchanged with a warning.
    static func inverting(_ frame: Raster, through map: ColorMap, warnings: inout [String]) -> Raster {
        let rgb: Image<UInt8>
        switch frame {
        case let .uint8(image) where image.channels >= 3: rgb = image
        case let .uint16(image) where image.channels >= 3: rgb = image.map { UInt8($0 >> 8) }
        default:
            warnings.append("the image is not RGB; --colormap \(map.rawValue) ignored")
            return frame
        }
        let inversion = map.invert(rgb)
        if inversion.worstDistance > AnalysisOptions.colorMapTolerance {
            warnings.append("colours do not match the \(map.rawValue) map (worst RGB distance "
                + "\(NumberFormat.fixed(inversion.worstDistance, decimals: 1))): wrong map, annotations or a colour bar in the frame?")
        }
        return .uint8(inversion.levels)
    }

    /// The data-bar height and how it was found: `--databar N` or `none` as given; automatically,
    /// the vendor metadata when it records a bar, else the pixel heuristic.
    static func databar(of raster: Raster, metadata: SEMMetadata?, options: AnalysisOptions) -> (Int, DatabarMethod) {
        switch options.databar {
        case .none: return (0, .none)
        case let .rows(n): return (n, n > 0 ? .manual : .none)
        case .automatic:
            if let bar = metadata?.databarHeight, bar > 0 { return (bar, .metadata) }
            let found = DatabarDetector().barHeight(of: raster)
            return (found, found > 0 ? .pixels : .none)
        }
    }

    /// The pixel size from the scale bar's known length over its measured length. Disagreement
    /// with instrument metadata above 2 % is a warning; no bar found is a warning and leaves the
    /// metadata calibration (if any) in place.
    static func scaleBarCalibration(_ micrometres: Double, raster: Raster, barRows: Range<Int>,
                                    metadata: Calibration, warnings: inout [String]) -> Calibration {
        guard !barRows.isEmpty, let bar = ScaleBar.find(in: raster, rows: barRows) else {
            warnings.append("no scale bar found in the data bar; --scale-bar-um ignored")
            return metadata
        }
        let size = micrometres / Double(bar.length)
        if let known = metadata.pixelSize {
            let difference = size / known.x - 1
            if abs(difference) > 0.02 {
                warnings.append("scale bar gives \(NumberFormat.significant(size)) µm/px, \(metadata.source.rawValue) "
                    + "metadata \(NumberFormat.significant(known.x)) µm/px (\(NumberFormat.fixed(100 * difference, decimals: 1)) %)")
            }
        }
        return Calibration(pixelSize: PixelSize(square: size), source: .scaleBar)
    }

    /// The calibration to use: a manual pixel size (CLI, then manifest) wins over metadata.
    static func calibration(metadata: SEMMetadata?, input: ImageInput, options: AnalysisOptions) -> Calibration {
        if let manual = options.pixelSizeOverride ?? input.pixelSize {
            return Calibration(pixelSize: PixelSize(square: manual), source: .manual)
        }
        if let metadata, let size = metadata.pixelSize {
            return Calibration(pixelSize: size, source: metadata.vendor)
        }
        return .none
    }

    private func segmentAndMeasure<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ grey: Image<S>, display: Image<UInt8>, context: FrameContext
    ) throws(AnalysisError) -> AnalyzedImage {
        let (threshold, mask, sensitivity) = try thresholded(grey)
        try Deadline.check(during: "labelling")
        let region = try ImageAnalyzer.analysedRegion(grey: grey, poreMask: mask, file: context.regionMask,
                                                      options: options)
        // Only the pore overlay needs the mask again: an eighth of it is held until then, and the
        // mask itself goes once it is labelled.
        let packedMask = PackedMask(mask)
        let (labelled, wholePores) = ImageAnalyzer.poreComponents(of: consume mask, analysed: region.mask,
                                                                  options: options, threads: threads)
        var components = consume labelled
        let found = components.count
        removeSmallComponents(&components, minimumArea: options.minimumPoreArea)
        let keptBySize = components.count
        try Deadline.check(during: "shape measurement")
        var pores = measureRegions(of: components.labels, count: components.count)
        var regions = pores  // as measured, for the cell network (before the region's edge marks them)
        var cutByRegion = region.mask.map { ImageAnalyzer.markingRegionEdge(&pores, labels: components.labels, analysed: $0) }
        if options.clearBorder {
            components = ImageAnalyzer.removing(components, where: pores.map(\.touchesBorder))
            pores = measureRegions(of: components.labels, count: components.count)
            regions = pores
            cutByRegion = nil
        }
        try Deadline.check(during: "shapes, outlines, sensitivity and the cell network")
        // From here on the pores' labels are read only: in 16 bits when there are fewer than
        // 65 535 pores (half the frame of `Int32`).
        let poreCount = components.count, poreRegions = regions
        let frame = components.labels
        _ = consume components
        switch Labels(consuming: consume frame, count: poreCount) {
        case let .narrow(labels):
            return grey.pixelCount >= largeFrameFrom ? finishLarge(labels, Labels.narrow) : finish(labels, Labels.narrow)
        case let .wide(labels):
            return grey.pixelCount >= largeFrameFrom ? finishLarge(labels, Labels.wide) : finish(labels, Labels.wide)
        }

        /// The parts after the labelling, on `labels` (`wrap`: as `Labels`).
        func finish<L: FixedWidthInteger & Sendable>(_ labels: Image<L>, _ wrap: (Image<L>) -> Labels) -> AnalyzedImage {
            // On one thread the network goes first: its distance map and zones are freed before the
            // pore overlay exists (a lower peak than the other order); the overlay, encoded and freed
            // when asked, goes before the pores' edge response.
            // With two threads, whichever of the network and the pore measurements finishes first
            // renders and encodes the pore overlay; the other, or the same after it, runs the
            // threshold-sensitivity pass (already done on one thread).
            let overlayPart = {
                let touchesBorder = pores.map(\.touchesBorder)
                return AfterPart.overlay(poreOverlay(
                    display: display,
                    codes: poreOverlayCodes(labels: labels, touchesBorder: touchesBorder, mask: packedMask,
                                            analysed: region.mask),
                    touchesBorder: touchesBorder, analysed: region.mask, excludedBySize: found - keptBySize,
                    calibration: context.calibration))
            }
            let sensitivityPart = sensitivity.map { pass in { AfterPart.sensitivity(pass()) } }
            let (cells, measured, extras) = runBoth(parallel: threads > 1, {
                cellNetwork(labels: labels, poreCount: poreCount, poreRegions: poreRegions, grey: grey,
                            field: region.mask).map { cells in
                    (cells.network, cells.overlay.map { cellOverlay(display: display, codes: $0,
                                                                    calibration: context.calibration) })
                }
            }, {
                measuredPores(pores, labels: labels, grey: grey, display: display, context: context,
                              threshold: threshold, wholePores: wholePores, region: region, cutByRegion: cutByRegion)
            }, thenEach: [overlayPart, sensitivityPart].compactMap { $0 })
            var measurement = measured
            var overlay: (image: Image<UInt8>, encoded: EncodedOverlay?)? = nil
            for extra in extras {
                switch extra {
                case .overlay(let made): overlay = made
                case .sensitivity(let pass): measurement.thresholdSensitivity = pass
                }
            }
            guard let overlay else { preconditionFailure("the pore overlay was not made") }
            var analyzed = AnalyzedImage(measurement: measurement, overlay: overlay.image,
                                         labels: keepsLabels ? wrap(labels) : nil)
            analyzed.maskFiles = writingMaskFiles(wrap(labels))
            analyzed.encodedOverlay = overlay.encoded
            analyzed.network = cells?.0
            analyzed.cellOverlay = cells?.1
            return analyzed
        }

        /// `finish` for a large frame (`largeFrameFrom`), in the order that holds the least at
        /// once: the pore measurements (beside the sensitivity pass on two threads) leave the codes
        /// of the pore overlay, packed; the network then takes the pore labels over and grows its
        /// cells in them (unless the labels are kept), leaving the codes of its overlay; the two
        /// overlays are drawn and encoded last, one after the other. The same results as `finish`.
        func finishLarge<L: FixedWidthInteger & Sendable>(_ labels: consuming Image<L>,
                                                          _ wrap: (Image<L>) -> Labels) -> AnalyzedImage {
            var held: Image<L>? = consume labels
            let touchesBorder = pores.map(\.touchesBorder)
            let ((measured, poreCodes), extras) = poreParts(held!, touchesBorder: touchesBorder)
            let maskFiles = writingMaskFiles(wrap(held!))
            var measurement = measured
            if case .sensitivity(let pass)? = extras.first { measurement.thresholdSensitivity = pass }
            let kept = keepsLabels ? held.map(wrap) : nil
            var cells = keepsLabels
                ? cellNetwork(labels: held!, poreCount: poreCount, poreRegions: poreRegions, grey: grey, field: region.mask)
                : cellNetwork(consuming: wrap(held.take()!), poreCount: poreCount, poreRegions: poreRegions, grey: grey,
                              field: region.mask)
            held = nil
            var analyzed = AnalyzedImage(measurement: measurement, overlay: Image(width: 0, height: 0, channels: 3, samples: []),
                                         labels: kept)
            analyzed.network = cells?.network
            analyzed.maskFiles = maskFiles
            // What the two threads freed stays in their heap arenas unless given back; the
            // overlays are the peak (at 8192² on two threads, ~15 MiB less).
            lc_release_free_heap()
            // The cell overlay's codes are handed over, so they go as soon as its RGB frame is drawn.
            if let codes = cells?.overlay {
                cells = nil
                analyzed.cellOverlay = cellOverlay(display: display, codes: consume codes, calibration: context.calibration)
            }
            let overlay = poreOverlay(display: display, codes: poreCodes.unpacked(), touchesBorder: touchesBorder,
                                      analysed: region.mask, excludedBySize: found - keptBySize,
                                      calibration: context.calibration)
            analyzed.overlay = overlay.image
            analyzed.encodedOverlay = overlay.encoded
            return analyzed
        }

        /// The files of `--save-masks` written from `labels` when asked (`maskFiles`).
        func writingMaskFiles(_ labels: Labels) -> Result<Void, AtomicFile.WriteError>? {
            guard let target = maskFiles else { return nil }
            do {
                try MaskFiles.write(labels: labels, labelCount: poreCount, calibration: context.calibration,
                                    folder: target.folder, base: target.base)
                return .success(())
            } catch {
                return .failure(error)
            }
        }

        /// The parts of `finishLarge` that read the pore labels before the network: the pore
        /// measurements and the pore overlay's codes, beside the sensitivity pass.
        func poreParts<L: FixedWidthInteger & Sendable>(
            _ labels: Image<L>, touchesBorder: [Bool]
        ) -> ((ImageMeasurement, PackedCodes), [AfterPart]) {
            let (parts, _, extras) = runBoth(parallel: threads > 1, {
                (measuredPores(pores, labels: labels, grey: grey, display: display, context: context,
                               threshold: threshold, wholePores: wholePores, region: region, cutByRegion: cutByRegion),
                 PackedCodes(poreOverlayCodes(labels: labels, touchesBorder: touchesBorder, mask: packedMask,
                                              analysed: region.mask)))
            }, { () }, thenEach: [sensitivity.map { pass in { AfterPart.sensitivity(pass()) } }].compactMap { $0 })
            return (parts, extras)
        }
    }

    /// What the two threads do once their own part is done (`segmentAndMeasure`).
    private enum AfterPart {
        case overlay((image: Image<UInt8>, encoded: EncodedOverlay?))
        case sensitivity(ThresholdSensitivity)
    }

    /// The recorded threshold level, the hole-filled pore mask and the threshold-sensitivity
    /// pass (`nil` with `--measure basic`). On one thread the pass runs now, so the smoothed
    /// frame is freed before the pores are labelled (a full frame less at the peak); on more it
    /// is left to run beside the shape measurements, on its two masks cut now and held packed
    /// (a quarter of the smoothed frame, which is freed as on one thread).
    private func thresholded<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ grey: Image<S>
    ) throws(AnalysisError) -> (threshold: Int, mask: Mask, sensitivity: (() -> ThresholdSensitivity)?) {
        let segmenter = try ImageAnalyzer.segmenter(for: grey, options: options, threads: threads)
        let mask = fillingHoles(in: segmenter.mask(0))
        if options.measure == .basic { return (segmenter.threshold, mask, nil) }
        let options = options, width = grey.width, height = grey.height, step = segmenter.step
        if threads > 1 {
            // Taken by the pass when it runs, so the two masks go then, not with the closure.
            let masks = Handover((lower: PackedMask(segmenter.mask(-step)), raised: PackedMask(segmenter.mask(step))))
            return (segmenter.threshold, mask, {
                let (lower, raised) = masks.take()
                return ImageAnalyzer.thresholdSensitivity(width: width, height: height, step: step, options: options) {
                    ($0 < 0 ? lower : raised).unpacked()
                }
            })
        }
        let done = ImageAnalyzer.thresholdSensitivity(width: width, height: height, step: step, options: options,
                                                      mask: segmenter.mask)
        return (segmenter.threshold, mask, { done })
    }

    /// The smoothed frame as `Float` with the walls bright: as is for dark pores, negated for
    /// bright pores (the ridge method looks for bright walls).
    static func wallsBright<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ smooth: Image<S>,
                                                                              polarity: PorePolarity) -> Image<Float> {
        polarity == .dark ? smooth.map { Float($0) } : smooth.map { Float(S.max) - Float($0) }
    }
}
