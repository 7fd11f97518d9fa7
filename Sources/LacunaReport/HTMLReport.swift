import Foundation

/// report.html: one self-contained page (inline CSS and SVG, thumbnails as PNG data URIs, no
/// script, no network) with the run's settings, the fit and its verdict on r ∝ 1/i, the
/// per-condition table, the plots, every image with its overlay and QA flags, and the failures.
///
/// Built from the output folder's files alone (``ReportFolder``), so `lacuna report DIR` and the
/// end of `lacuna analyze` write the same bytes. Nothing that changes between equivalent runs
/// (times, `--jobs`, `--resume`, the output path) is shown: those live in run.json.
public enum HTMLReport {
    /// Largest thumbnail width in pixels.
    public static let thumbnailWidth = 320

    /// The page for `folder` with `plots` (from ``ReportPlots``) and the thumbnail data URI of
    /// each images.csv row (`nil` for none).
    public static func render(_ folder: ReportFolder, plots: [ReportPlots.Plot], thumbnails: [String?]) -> String {
        var sections = [summary(folder)]
        sections.append(fitSection(folder, plots: plots))
        sections.append(conditionsSection(folder))
        sections.append(plotSection("Pore radius distributions", plots.filter { $0.name.hasPrefix("radius_histogram_") },
                                    empty: "No pores in the statistics."))
        let cellPlots = plots.filter { ["sides_distribution.svg", "lewis_plot.svg"].contains($0.name) }
        if folder.cells != nil {
            sections.append(plotSection("Cells of the framework", cellPlots, empty: "cells.csv has no interior cells."))
        }
        sections.append(imagesSection(folder, thumbnails: thumbnails))
        sections.append(failuresSection(folder))
        sections.append(settingsSection(folder))
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Lacuna report</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <h1>Lacuna report</h1>
        \(sections.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let style = """
    body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1180px; color: #222; line-height: 1.4; }
    h1 { font-size: 26px; } h2 { font-size: 20px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 32px; }
    table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
    th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }
    th { background: #f0f0f0; }
    .verdict { padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
    .supported { background: #e3f4e6; border: 1px solid #3c9a4f; }
    .partly-supported { background: #fff5dc; border: 1px solid #c99a1e; }
    .not-supported { background: #fbe3e1; border: 1px solid #c0392b; }
    .undecided { background: #eeeeee; border: 1px solid #888; }
    figure { display: inline-block; margin: 8px; vertical-align: top; width: 560px; }
    figure svg { width: 100%; height: auto; }
    figcaption { font-size: 12px; color: #555; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { border: 1px solid #ccc; border-radius: 6px; padding: 8px; width: 330px; font-size: 12px; }
    .card img { width: 100%; image-rendering: auto; }
    .name { font-weight: bold; word-break: break-all; }
    .flag { display: inline-block; background: #fbe3e1; color: #8a1f11; border-radius: 3px; padding: 0 5px; margin: 1px; }
    .ok { color: #2c7a3d; }
    .error { color: #b0281a; }
    code { font-size: 12px; }
    """
}
