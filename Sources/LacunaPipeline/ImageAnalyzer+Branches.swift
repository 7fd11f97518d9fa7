import Foundation
import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaNetwork
import LacunaReport
import LacunaSegmentation

/// The three independent parts of an image's analysis after its pores are labelled: the pore
/// measurements, the pore overlay, and the cell network with its overlay. `segmentAndMeasure`
/// runs them side by side when the image may use two threads (`runBoth(parallel:_:_:thenEach:)`).
extension ImageAnalyzer {
    /// Shape descriptors (with `--measure full`), sub-pixel outlines, the image's statistics and
    /// quality flags (the threshold-sensitivity pass is the caller's to add); `wholePores` the
    /// split's distance-map numbers, which spare the shape descriptors a distance map per pore.
    func measuredPores<S: FixedWidthInteger & UnsignedInteger & Sendable, L: FixedWidthInteger & Sendable>(
        _ pores: [RegionProperties], labels: Image<L>, grey: Image<S>, display: Image<UInt8>,
        context: FrameContext, threshold: Int,
        wholePores: WholePoreDistances?, region: (mask: Mask?, source: String), cutByRegion: [Bool]?
    ) -> ImageMeasurement {
        var pores = pores
        if options.measure == .full {
            for (i, shape) in measureShapes(of: labels, regions: pores, threads: threads, known: wholePores).enumerated() {
                pores[i].shape = shape
            }
        }
        let edgeBlur = ImageAnalyzer.measuringEdges(&pores, labels: labels, grey: grey, cutByRegion: cutByRegion,
                                                    options: options, threads: threads)
        var measurement = ImageMeasurement(
            width: grey.width, height: grey.height, databarHeight: context.databar,
            calibration: context.calibration, threshold: threshold, pores: pores,
            databarMethod: context.databarMethod, originX: context.origin.x, originY: context.origin.y,
            warnings: context.warnings, radiusDefinition: options.radiusDefinition,
            edgeHandling: options.edgeHandling,
            quality: ImageQuality(histogram: histogram(of: grey), fullScale: Int(S.max)))
        measurement.analysedPixelCount = region.mask.map { $0.samples.count(where: { $0 }) }
        measurement.analysedRegionSource = region.source
        measurement.boundaryMethod = options.boundary
        measurement.measurementSet = options.measure
        measurement.edgeBlur = edgeBlur
        return measurement
    }

    /// What the pore overlay draws at each pixel (`Overlay.codes`): the pores' outlines, border
    /// pores and pores below the minimum area (`mask` without a label) marked.
    func poreOverlayCodes<L: FixedWidthInteger & Sendable>(labels: Image<L>, touchesBorder: [Bool], mask: PackedMask,
                                                           analysed: Mask?) -> Image<UInt8> {
        let mask = mask.unpacked() // only while the outlines are found
        return Overlay.codes(labels: labels, touchesBorder: touchesBorder, excluded: analysed.map { roi in
            Mask(width: roi.width, height: roi.height, samples: zip(mask.samples, roi.samples).map { $0 && $1 })
        } ?? mask)
    }

    /// The pore overlay with its legend from its `codes` (`poreOverlayCodes`), outside the
    /// analysed region shaded. With `overlayThumbnailWidth` set it is PNG-encoded here (zlib
    /// level 1) with its thumbnail, and the image returned is empty.
    func poreOverlay(display: Image<UInt8>, codes: consuming Image<UInt8>, touchesBorder: [Bool], analysed: Mask?,
                     excludedBySize: Int, calibration: Calibration) -> (image: Image<UInt8>, encoded: EncodedOverlay?) {
        var overlay = Overlay.render(grey: display, codes: consume codes)
        if let analysed { overlay = Overlay.shadingExcluded(overlay, analysed: analysed) }
        let border = touchesBorder.count(where: { $0 })
        OverlayAnnotations.annotate(&overlay, legend: Overlay.legend(
            interior: touchesBorder.count - border, border: border, excluded: excludedBySize,
            minimumArea: options.minimumPoreArea), calibration: calibration)
        guard let thumbnailWidth = overlayThumbnailWidth else { return (overlay, nil) }
        let thumbnail = Thumbnail.dataURI(of: overlay, maxWidth: thumbnailWidth)
        let png = ImageAnalyzer.overlayPNG(consume overlay, rowFilter: .sub)
        return (Image(width: 0, height: 0, channels: 3, samples: []),
                EncodedOverlay(png: ImageAnalyzer.writing(png, to: overlayFiles?.pores, digest: overlayFiles?.digest),
                               thumbnail: thumbnail))
    }

    /// `png` written to `path` when both are there (the file's `digest`, or why it could not be
    /// written; the bytes are then let go), else kept.
    static func writing(_ png: Result<Data, ImageIOError>, to path: String?,
                        digest: (@Sendable (Data) -> String)?) -> OverlayPNG {
        guard let path, let digest, case let .success(data) = png else { return .encoded(png) }
        do {
            try AtomicFile.write(data, to: path)
            return .written(.success(digest(data)))
        } catch {
            return .written(.failure(error))
        }
    }

    /// The cell network of the pores (`nil` with `--cells none`) and what its overlay draws at
    /// each pixel (`CellOverlay.codes`, with its legend; `nil` with `--overlays pores`);
    /// `poreRegions` are the pores' `measureRegions`. The cell labels are let go here.
    func cellNetwork<S: FixedWidthInteger & UnsignedInteger & Sendable, L: FixedWidthInteger & Sendable>(
        labels: Image<L>, poreCount: Int, poreRegions: [RegionProperties], grey: Image<S>, field: Mask?
    ) -> (network: NetworkSummary, overlay: CellOverlayCodes?)? {
        let network = NetworkAnalysis(pores: labels, poreCount: poreCount, grey: wallsBright(grey), field: field,
                                      options: options.network, poreRegions: poreRegions, threads: threads)
        return summary(of: network) { labelBoundaries(of: labels, threads: threads) }
    }

    /// `cellNetwork` with the pore labels handed over (`NetworkAnalysis(consumingPores:)`): they
    /// become the cells, and the overlay's pore outlines are taken from them first.
    func cellNetwork<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        consuming labels: consuming Labels, poreCount: Int, poreRegions: [RegionProperties], grey: Image<S>,
        field: Mask?
    ) -> (network: NetworkSummary, overlay: CellOverlayCodes?)? {
        let threads = threads
        let drawn = options.overlays != .pores && options.network.method != .none
        let outlines: PackedMask? = switch labels {
        case let .narrow(pores) where drawn: labelBoundaries(of: pores, threads: threads)
        case let .wide(pores) where drawn: labelBoundaries(of: pores, threads: threads)
        default: nil
        }
        let network = NetworkAnalysis(consumingPores: consume labels, poreCount: poreCount, grey: wallsBright(grey),
                                      field: field, options: options.network, poreRegions: poreRegions, threads: threads)
        return summary(of: network) { outlines! }
    }

    /// The smoothed frame with the walls bright, made only if the ridge method asks for it.
    private func wallsBright<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ grey: Image<S>) -> () -> Image<Float> {
        let options = options
        return { ImageAnalyzer.wallsBright(gaussianBlur(grey, sigma: options.blurSigma), polarity: options.polarity) }
    }

    /// What `cellNetwork` returns of `network`: its tables, and its overlay's codes with the pore
    /// outlines `outlines` gives (unless `--overlays pores`).
    private func summary(of network: NetworkAnalysis?,
                         outlines: () -> PackedMask) -> (network: NetworkSummary, overlay: CellOverlayCodes?)? {
        guard let network else { return nil }
        if options.overlays == .pores { return (NetworkSummary(network), nil) }
        return (NetworkSummary(network),
                CellOverlayCodes(codes: CellOverlay.codes(network: network.network, poreOutlines: outlines(),
                                                          threads: threads),
                                 legend: CellOverlay.legend(for: network.network.cells)))
    }

    /// What the cell overlay draws, waiting to be drawn: its codes and legend.
    struct CellOverlayCodes {
        var codes: Image<UInt8>
        var legend: [OverlayAnnotations.LegendEntry]
    }

    /// The cell overlay drawn from its codes, annotated and PNG-encoded, written to
    /// `overlayFiles` when set.
    func cellOverlay(display: Image<UInt8>, codes: consuming CellOverlayCodes, calibration: Calibration) -> OverlayPNG {
        let legend = codes.legend
        var image = CellOverlay.render(grey: display, codes: (consume codes).codes, threads: threads)
        OverlayAnnotations.annotate(&image, legend: legend, calibration: calibration)
        // Its tinted cells compress faster unfiltered (ImageEncoder.RowFilter).
        let png = ImageAnalyzer.overlayPNG(consume image, rowFilter: .none)
        return ImageAnalyzer.writing(png, to: overlayFiles?.cells, digest: overlayFiles?.digest)
    }

    /// An overlay as PNG at the fast setting (zlib level 1) with `rowFilter`, or the encoder's
    /// error. The overlay is handed over, so the encoder frees the RGB frame once it is filtered.
    static func overlayPNG(_ image: consuming Image<UInt8>,
                           rowFilter: ImageEncoder.RowFilter) -> Result<Data, ImageIOError> {
        do {
            return .success(try ImageEncoder.png(consume image, compressionLevel: 1, rowFilter: rowFilter))
        } catch {
            return .failure(error)
        }
    }
}
