import LacunaImage
import LacunaMeasure
import LacunaReport

/// An `ImageRecord` in a form JSON can hold exactly: every stored field of the record, its
/// measurement and each pore. Doubles go through JSON as Swift's shortest round-trip decimal,
/// so a decoded record equals the original bit for bit; `ResultCache` checks this before it
/// trusts an entry (a field added to the measurement types and missing here fails that check,
/// and the image is then simply analysed again).
struct CachedRecord: Codable, Equatable {
    struct Pore: Codable, Equatable {
        var label, area: Int
        var perimeter, centroidX, centroidY: Double
        var minX, minY, maxX, maxY: Int
        var touchesBorder: Bool
    }

    struct Measurement: Codable, Equatable {
        var width, height, databarHeight, threshold, originX, originY: Int
        var pixelSize: PixelSize?
        var pixelSizeSource: PixelSizeSource
        var databarMethod: DatabarMethod
        var warnings: [String]
        var pores: [Pore]
    }

    var image: String
    var currentDensity: Double?
    var page: Int
    /// The one-line reason, for a failed image.
    var error: String?
    /// The measurement, for an analysed image.
    var measurement: Measurement?

    init(_ record: ImageRecord) {
        image = record.image
        currentDensity = record.currentDensity
        page = record.page
        switch record.outcome {
        case let .failed(reason):
            error = reason
            measurement = nil
        case let .measured(m):
            error = nil
            measurement = Measurement(
                width: m.width, height: m.height, databarHeight: m.databarHeight, threshold: m.threshold,
                originX: m.originX, originY: m.originY, pixelSize: m.calibration.pixelSize,
                pixelSizeSource: m.calibration.source, databarMethod: m.databarMethod, warnings: m.warnings,
                pores: m.pores.map {
                    Pore(label: $0.label, area: $0.area, perimeter: $0.perimeter, centroidX: $0.centroidX,
                         centroidY: $0.centroidY, minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY,
                         touchesBorder: $0.touchesBorder)
                })
        }
    }

    /// The record, or `nil` when the entry is inconsistent (neither or both of error and
    /// measurement; a pixel size without a source or the reverse).
    var record: ImageRecord? {
        switch (error, measurement) {
        case let (reason?, nil):
            return ImageRecord(image: image, currentDensity: currentDensity, outcome: .failed(reason), page: page)
        case let (nil, m?):
            let calibration: Calibration
            switch (m.pixelSize, m.pixelSizeSource) {
            case (nil, .none): calibration = .none
            case let (size?, source) where source != .none: calibration = Calibration(pixelSize: size, source: source)
            default: return nil
            }
            let measurement = ImageMeasurement(
                width: m.width, height: m.height, databarHeight: m.databarHeight, calibration: calibration,
                threshold: m.threshold,
                pores: m.pores.map {
                    RegionProperties(label: $0.label, area: $0.area, perimeter: $0.perimeter, centroidX: $0.centroidX,
                                     centroidY: $0.centroidY, minX: $0.minX, minY: $0.minY, maxX: $0.maxX,
                                     maxY: $0.maxY, touchesBorder: $0.touchesBorder)
                },
                databarMethod: m.databarMethod, originX: m.originX, originY: m.originY, warnings: m.warnings)
            return ImageRecord(image: image, currentDensity: currentDensity, outcome: .measured(measurement), page: page)
        default:
            return nil
        }
    }
}
