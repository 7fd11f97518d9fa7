import Foundation
import LacunaImage
import LacunaMeasure

/// The `images.csv` and `pores.csv` tables of the CLI contract (docs/cli.md). Columns are fixed
/// and only ever appended to; µm columns are empty when an image has no calibration, and the
/// matching `_px` columns always hold the pixel values.
public enum ResultTables {
    /// Columns of images.csv, in order.
    public static let imageColumns = [
        "image", "status", "error", "current_density", "pixel_size_um", "pixel_size_source",
        "databar_height_px", "width", "height", "threshold", "pore_count", "porosity",
        "mean_radius_um", "median_radius_um", "sd_radius_um",
        "interior_pore_count", "pixel_size_y_um", "mean_radius_px", "median_radius_px", "sd_radius_px",
        "databar_method", "region_x_px", "region_y_px", "warnings", "page",
    ] + distributionColumns + networkColumns + regionColumns

    /// Columns of pores.csv, in order.
    public static let poreColumns = [
        "image", "pore", "area_um2", "equivalent_radius_um", "perimeter_um", "centroid_x_um",
        "centroid_y_um", "touches_border",
        "area_px", "equivalent_radius_px", "perimeter_px", "centroid_x_px", "centroid_y_px",
        "bbox_x_px", "bbox_y_px", "bbox_width_px", "bbox_height_px", "page",
    ] + shapeColumns

    /// images.csv: one row per input, in input order.
    public static func images(_ records: [ImageRecord]) -> CSVTable {
        var table = CSVTable(header: imageColumns)
        for record in records {
            let density = NumberFormat.significant(record.currentDensity)
            guard let m = record.measurement else {
                let message: String = if case let .failed(reason) = record.outcome { reason } else { "" }
                var row = Array(repeating: "", count: imageColumns.count)
                row.replaceSubrange(0 ..< 4, with: [record.image, "error", message, density])
                // (network columns stay empty)
                if let page = imageColumns.firstIndex(of: "page") { row[page] = String(record.page) }
                table.append(row)
                continue
            }
            let size = m.calibration.pixelSize
            let um = m.radiusStatisticsMicrometres
            let px = m.radiusStatisticsPixels
            table.append([
                record.image, "ok", "", density,
                NumberFormat.significant(size?.x, digits: 9), m.calibration.source.rawValue,
                String(m.databarHeight), String(m.width), String(m.height), String(m.threshold),
                String(m.pores.count), NumberFormat.fixed(m.porosity, decimals: 6),
                NumberFormat.significant(um?.mean), NumberFormat.significant(um?.median),
                NumberFormat.significant(um?.standardDeviation),
                String(px.count), NumberFormat.significant(size?.y, digits: 9),
                NumberFormat.significant(px.mean), NumberFormat.significant(px.median),
                NumberFormat.significant(px.standardDeviation),
                m.databarMethod.rawValue, String(m.originX), String(m.originY), m.warnings.joined(separator: "; "),
                String(record.page),
            ] + distributionFields(m) + networkFields(record) + regionFields(m))
        }
        return table
    }

    /// pores.csv: every pore of every analysed image, images in input order, pores in label
    /// order (row-major order of their first pixel). Each image's rows are formatted by up to
    /// `threads` threads (the same bytes for any number).
    public static func pores(_ records: [ImageRecord], threads: Int = 1) -> CSVTable {
        var table = CSVTable(header: poreColumns)
        for record in records {
            guard let m = record.measurement else { continue }
            for row in parallelMap(m.pores.count, threads: threads, { poreRow(m.pores[$0], of: record, in: m) }) {
                table.append(row)
            }
        }
        return table
    }

    /// One pores.csv row: `region` of `record`, whose measurement is `m`.
    static func poreRow(_ region: RegionProperties, of record: ImageRecord, in m: ImageMeasurement) -> [String] {
        let size = m.calibration.pixelSize
        // Positions relative to the stored image, so a region of interest keeps coordinates.
        var pore = region
        pore.centroidX += Double(m.originX)
        pore.centroidY += Double(m.originY)
        pore.minX += m.originX
        pore.maxX += m.originX
        pore.minY += m.originY
        pore.maxY += m.originY
        let areaUM = size.map { pore.measuredArea * $0.area }
        return [
            record.image, String(pore.label),
            NumberFormat.significant(areaUM),
            NumberFormat.significant(areaUM.map { ($0 / Double.pi).squareRoot() }),
            NumberFormat.significant(size.map { pore.perimeter * $0.isotropicLength }),
            NumberFormat.significant(size.map { pore.centroidX * $0.x }),
            NumberFormat.significant(size.map { pore.centroidY * $0.y }),
            pore.touchesBorder ? "true" : "false",
            String(pore.area), NumberFormat.significant(pore.equivalentRadius),
            NumberFormat.significant(pore.perimeter),
            NumberFormat.significant(pore.centroidX), NumberFormat.significant(pore.centroidY),
            String(pore.minX), String(pore.minY),
            String(pore.maxX - pore.minX), String(pore.maxY - pore.minY), String(record.page),
        ] + shapeFields(region, in: m)
    }
}
