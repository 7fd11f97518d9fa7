import Foundation
import LacunaImage
import LacunaIO
import LacunaMeasure
import LacunaReport
import LacunaSegmentation

/// The result of analysing one image.
public struct AnalyzedImage: Sendable {
    public var measurement: ImageMeasurement
    /// The overlay (RGB, analysed frame only).
    public var overlay: Image<UInt8>
}

/// The first-release analysis of one micrograph:
/// decode → calibration and data bar from metadata (overridden by a manual pixel size) → cut
/// the data bar → grey → Gaussian blur → Otsu → pore mask → fill holes → 8-connected labels →
/// drop pores under the minimum area → measure.
public struct ImageAnalyzer: Sendable {
    public var options: AnalysisOptions

    public init(options: AnalysisOptions) {
        self.options = options
    }

    /// Analyses `input`. Pure apart from reading the file (and its sidecar).
    public func analyze(_ input: ImageInput) throws(AnalysisError) -> AnalyzedImage {
        let decoded: DecodedImage
        do {
            decoded = try ImageDecoder(maxPixels: options.maxPixels).decodeFile(atPath: input.path)
        } catch {
            throw .image(error)
        }
        return try analyze(decoded, input: input)
    }

    /// Analyses an already decoded image.
    public func analyze(_ decoded: DecodedImage, input: ImageInput) throws(AnalysisError) -> AnalyzedImage {
        let metadata = SEMMetadata.read(from: decoded, path: input.path)
        let calibration = ImageAnalyzer.calibration(metadata: metadata, input: input, options: options)
        let databar = metadata?.databarHeight ?? 0
        let stored = decoded.raster.height
        if databar >= stored { throw .noFrame(height: stored, databar: databar) }
        let frame = decoded.raster.cropping(rows: 0 ..< stored - databar).luminance()
        switch frame {
        case let .uint8(grey):
            return try segmentAndMeasure(grey, display: grey, calibration: calibration, databar: databar)
        case let .uint16(grey):
            return try segmentAndMeasure(grey, display: Overlay.displayImage(grey), calibration: calibration,
                                         databar: databar)
        }
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
        _ grey: Image<S>, display: Image<UInt8>, calibration: Calibration, databar: Int
    ) throws(AnalysisError) -> AnalyzedImage {
        let smooth = gaussianBlur(grey, sigma: options.blurSigma)
        guard let threshold = otsuThreshold(histogram: histogram(of: smooth)) else { throw .uniformImage }
        let mask = fillingHoles(in: poreMask(smooth, threshold: threshold, polarity: options.polarity))
        let components = removingSmallComponents(labelComponents(of: mask, connectivity: .eight),
                                                 minimumArea: options.minimumPoreArea)
        let pores = measureRegions(of: components.labels, count: components.count)
        let measurement = ImageMeasurement(width: grey.width, height: grey.height, databarHeight: databar,
                                           calibration: calibration, threshold: threshold, pores: pores)
        let overlay = Overlay.render(grey: display, labels: components.labels, touchesBorder: pores.map(\.touchesBorder))
        return AnalyzedImage(measurement: measurement, overlay: overlay)
    }
}
