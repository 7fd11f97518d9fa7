import Foundation

/// Rebuilds `plots/` and `report.html` of an output folder from its files alone (the tables,
/// fit.json, run.json and the overlays), each written atomically. Used at the end of
/// `lacuna analyze` and `lacuna merge`, and by `lacuna report DIR`, so all three write the same
/// bytes for the same tables.
public enum ReportBuilder {
    /// What was written.
    public struct Result: Sendable, Equatable {
        /// Plot file names in `plots/`.
        public var plots: [String]
        /// Path of report.html.
        public var report: String
    }

    /// Writes the plots and the report of `folder`. `thumbnails` maps overlay file names
    /// (relative to `overlays/`) to thumbnail data URIs already made from the overlays' pixels
    /// (``Thumbnail/dataURI(of:maxWidth:)``); the other overlays are decoded from their files.
    /// `written` holds the three main tables when the caller has just written them (the same
    /// bytes as reading them back).
    ///
    /// - Throws: ``ReportError`` when images.csv is missing, a file cannot be read or a write fails.
    @discardableResult
    public static func build(folder path: String, thumbnails: [String: String] = [:],
                             written: WrittenTables? = nil) throws(ReportError) -> Result {
        let folder = try ReportFolder(path: path, written: written)
        let plots = ReportPlots.render(folder)
        let plotFolder = (path as NSString).appendingPathComponent("plots")
        do {
            if !plots.isEmpty { try AtomicFile.makeDirectory(plotFolder) }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: plotFolder)) ?? []
            let fresh = Set(plots.map(\.name))
            for name in existing where ReportPlots.isOwned(name) && !fresh.contains(name) {
                try? FileManager.default.removeItem(atPath: (plotFolder as NSString).appendingPathComponent(name))
            }
            for plot in plots {
                try AtomicFile.write(Data(plot.svg.utf8), to: (plotFolder as NSString).appendingPathComponent(plot.name))
            }
            let overlayFolder = (path as NSString).appendingPathComponent("overlays")
            let images = overlayNames(folder).map { name in
                name.flatMap { thumbnails[$0] ?? Thumbnail.dataURI(ofPNGAt: (overlayFolder as NSString).appendingPathComponent($0),
                                                                   maxWidth: HTMLReport.thumbnailWidth) }
            }
            let html = HTMLReport.render(folder, plots: plots, thumbnails: images)
            let report = (path as NSString).appendingPathComponent("report.html")
            try AtomicFile.write(Data(html.utf8), to: report)
            return Result(plots: plots.map(\.name), report: report)
        } catch {
            throw .write(error)
        }
    }

    /// The overlay file of each images.csv row, from run.json's inputs (`overlay`, and
    /// `<name>.p<k>.png` for inputs with several pages); without run.json, `<file name>.png`.
    /// `nil` for rows that failed.
    static func overlayNames(_ folder: ReportFolder) -> [String?] {
        var byRow: [String: String] = [:]
        for input in folder.run?["inputs"]?.array ?? [] {
            guard let name = input["name"]?.string, let overlay = input["overlay"]?.string else { continue }
            let pages = input["pages"]?.array ?? []
            for page in pages {
                let number = page["page"]?.double.map { Int($0) } ?? 1
                let file = pages.count > 1 ? String(overlay.dropLast(4)) + ".p\(number).png" : overlay
                byRow[name + "\u{1F}" + String(number)] = file
            }
        }
        let t = folder.images
        return t.rows.map { row in
            guard t.field("status", in: row) == "ok", let image = t.field("image", in: row) else { return nil }
            let page = t.field("page", in: row) ?? "1"
            if folder.run != nil { return byRow[image + "\u{1F}" + page] }
            return (image as NSString).lastPathComponent + ".png"
        }
    }
}
