import Foundation
import LacunaImage
import LacunaIO
@testable import LacunaReport
import LacunaTestSupport
import Testing

@Suite("report.html pieces")
struct HTMLReportTests {
    @Test("escaping covers & < > \" '")
    func escaping() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("µm² · plain") == "µm² · plain")
        #expect(HTML.table(["<h>"], [["a&b"]]).contains("<th>&lt;h&gt;</th>") )
        #expect(HTML.table(["<h>"], [["a&b"]]).contains("<td>a&amp;b</td>"))
    }

    @Test("inlined SVG loses its XML declaration and gets unique clip ids")
    func inlineSVG() {
        let svg = "<?xml version=\"1.0\"?>\n<svg><clipPath id=\"plot-area\"/><g clip-path=\"url(#plot-area)\"/></svg>\n"
        #expect(HTML.inlineSVG(svg, suffix: "k") == "<svg><clipPath id=\"plot-area-k\"/><g clip-path=\"url(#plot-area-k)\"/></svg>\n")
    }

    static func fitJSON(slopeCI: [Double], exponentCI: [Double]) -> Data {
        let text = """
        {"models": {"inverse_radius_linear": {"slope": 0.26, "slope_ci95": [\(slopeCI[0]), \(slopeCI[1])],
          "intercept": -0.08, "intercept_ci95": [-0.38, 0.22], "r_squared": 0.996},
          "power_law": {"exponent": -1.03, "exponent_ci95": [\(exponentCI[0]), \(exponentCI[1])],
          "test_exponent_minus_one": {"p_value": 0.69}}}, "conditions": [{}, {}, {}, {}]}
        """
        return Data(text.utf8)
    }

    @Test("verdict: rising line and n = −1 inside its interval → supported; otherwise partly, not, undecided")
    func verdict() throws {
        let supported = try #require(FitVerdict(fitJSON: Self.fitJSON(slopeCI: [0.2, 0.3], exponentCI: [-1.28, -0.78])))
        #expect(supported.outcome == .supported)
        #expect(supported.reasons.contains { $0.contains("n = -1.03, 95 % CI [-1.28, -0.78]; t test of n = −1: p = 0.69") })
        #expect(supported.reasons.contains { $0.contains("includes 0") })
        #expect(FitVerdict(fitJSON: Self.fitJSON(slopeCI: [0.2, 0.3], exponentCI: [-0.9, -0.5]))?.outcome == .partlySupported)
        #expect(FitVerdict(fitJSON: Self.fitJSON(slopeCI: [-0.1, 0.3], exponentCI: [-1.2, -0.5]))?.outcome == .notSupported)
        let two = try #require(FitVerdict(fitJSON: Data("{\"models\": null, \"conditions\": [{}, {}]}".utf8)))
        #expect(two.outcome == .undecided && two.reasons == [
            "The models over conditions need at least 3 current densities (have 2); the data cannot decide."])
        #expect(FitVerdict(fitJSON: Data("[1]".utf8)) == nil)
    }

    @Test("tables are read by header name with RFC 4180 quoting")
    func tableFile() throws {
        let t = try TableFile.parse("image,error,status\n\"a,b.tif\",\"say \"\"hi\"\"\",error\nc.tif\n", path: "images.csv")
        #expect(t.rows.count == 2)
        #expect(t.field("image", in: t.rows[0]) == "a,b.tif" && t.field("error", in: t.rows[0]) == "say \"hi\"")
        #expect(t.field("status", in: t.rows[1]) == nil && t.field("missing", in: t.rows[0]) == nil)
        #expect(throws: ReportError.missingColumn(path: "images.csv", column: "x")) { try t.require("x") }
    }

    @Test("thumbnails average f × f blocks, partial blocks over the pixels they have")
    func thumbnail() {
        let image = Image<UInt8>(width: 5, height: 2, samples: [0, 10, 20, 30, 40, 2, 12, 22, 32, 41])
        let small = Thumbnail.downscaled(image, maxWidth: 3)
        // factor 2: blocks (0,10,2,12) → 6, (20,30,22,32) → 26, (40,41) → 40.5 → 41 (rounded half up)
        #expect(small == Image(width: 3, height: 1, samples: [6, 26, 41]))
        #expect(Thumbnail.downscaled(image, maxWidth: 5) == image)
    }

    @Test("RGB thumbnails: each channel of each block is the rounded mean of the pixels it covers")
    func thumbnailRGB() {
        let w = 23, h = 11, c = 3
        let image = Image<UInt8>(width: w, height: h, channels: c,
                                 samples: (0 ..< w * h * c).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 11) })
        let small = Thumbnail.downscaled(image, maxWidth: 6)  // factor 4: partial blocks on both edges
        #expect(small.width == 6 && small.height == 3 && small.channels == 3)
        for y in 0 ..< 3 {
            for x in 0 ..< 6 {
                for channel in 0 ..< c {
                    var sum = 0, n = 0
                    for yy in 4 * y ..< min(h, 4 * y + 4) {
                        for xx in 4 * x ..< min(w, 4 * x + 4) {
                            sum += Int(image.samples[(yy * w + xx) * c + channel])
                            n += 1
                        }
                    }
                    #expect(Int(small.samples[(y * 6 + x) * c + channel]) == (sum + n / 2) / n)
                }
            }
        }
    }

    @Test("the thumbnail made in memory is the one decoded from the overlay's PNG file")
    func thumbnailFromMemory() throws {
        try TestSupport.withTemporaryDirectory { folder in
            // An RGB overlay-like image with partial blocks at the right and bottom (factor 3).
            let samples = (0 ..< 961 * 95 * 3).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
            let image = Image<UInt8>(width: 961, height: 95, channels: 3, samples: samples)
            let path = folder + "/overlay.png"
            try ImageEncoder.png(image, compressionLevel: 1).write(to: URL(fileURLWithPath: path))
            let fromFile = try #require(Thumbnail.dataURI(ofPNGAt: path, maxWidth: 320))
            #expect(Thumbnail.dataURI(of: image, maxWidth: 320) == fromFile)
        }
    }

    @Test("report from hand-written tables: escaped names, failures, cells plots, no fit")
    func reportFromTables() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let images = """
            image,status,error,current_density,pixel_size_um,pixel_size_source,pore_count,interior_pore_count,porosity,mean_radius_um,qa_flags,page
            <b>.tif,ok,,,0.1,manual,3,2,0.25,1.5,few_pores,1
            bad.tif,error,"not an image: <script>",,,,,,,,,1

            """
            let pores = """
            image,page,radius_um,radius_px,area_um2,area_px,statistics_weight
            <b>.tif,1,1,10,3.14,314,1
            <b>.tif,1,2,20,12.6,1256,1
            <b>.tif,1,3,30,28.3,2827,0

            """
            let cells = "image,cell,pore,sides,corners,area_um2,perimeter_um,centroid_x_um,centroid_y_um,neighbours,touches_border\n"
                + "<b>.tif,1,1,6,6,10,12,1,1,6,false\n<b>.tif,2,2,5,5,8,11,2,2,5,false\n<b>.tif,3,3,4,4,5,9,3,3,4,true\n"
            for (name, text) in [("images.csv", images), ("pores.csv", pores), ("cells.csv", cells)] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
            let result = try ReportBuilder.build(folder: folder)
            #expect(result.plots == ["radius_histogram_all.svg", "sides_distribution.svg", "lewis_plot.svg"])
            let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
            #expect(html.contains("&lt;b&gt;.tif") && !html.contains("<b>.tif"))
            #expect(html.contains("not an image: &lt;script&gt;") && !html.contains("<script"))
            #expect(html.contains("No fit") && html.contains("few_pores") && html.contains("id=\"lewis_plot\""))
            #expect(html.contains("2 images (1 analysed,"))
            // A second build writes the same bytes.
            try ReportBuilder.build(folder: folder)
            #expect(try String(contentsOfFile: folder + "/report.html", encoding: .utf8) == html)
            // Without cells.csv its plots go away.
            try FileManager.default.removeItem(atPath: folder + "/cells.csv")
            #expect(try ReportBuilder.build(folder: folder).plots == ["radius_histogram_all.svg"])
            #expect(!FileManager.default.fileExists(atPath: folder + "/plots/lewis_plot.svg"))
        }
    }

    @Test("hand-edited fit tables with a zero current density give no fit plots, not a crash")
    func badFitTables() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let files = [
                ("images.csv", "image,status,current_density\na.tif,ok,0\nb.tif,ok,2\n"),
                ("conditions.csv", "current_density,n_images,mean_radius_um,se_radius_um\n0,1,2,0.1\n2,1,1,0.1\n"),
                ("fit.json", "{\"points\": [{\"current_density\": 0, \"radius_um\": 2}, {\"current_density\": 2, \"radius_um\": 1}]}"),
            ]
            for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
            #expect(try ReportBuilder.build(folder: folder).plots == [])
            try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/fit.json"))
            _ = #expect(throws: ReportError.unreadable(path: folder + "/fit.json", reason: "not a JSON object")) {
                try ReportBuilder.build(folder: folder)
            }
        }
    }

    @Test("thumbnails come from run.json's overlay names: <name>.p<k>.png for multi-page inputs; none for failures")
    func overlayNames() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let images = "image,status,page\nstack.tif,ok,1\nstack.tif,ok,2\ndir/x.tif,ok,1\nbad.tif,error,1\n"
            try Data(images.utf8).write(to: URL(fileURLWithPath: folder + "/images.csv"))
            let withoutLog = try ReportFolder(path: folder)
            #expect(ReportBuilder.overlayNames(withoutLog) == ["stack.tif.png", "stack.tif.png", "x.tif.png", nil])
            let run = """
            {"inputs": [{"name": "stack.tif", "overlay": "stack.tif.png", "pages": [{"page": 1}, {"page": 2}]},
                        {"name": "dir/x.tif", "overlay": "x.tif-2.png", "pages": [{"page": 1}]},
                        {"name": "bad.tif", "overlay": "bad.tif.png", "pages": [{"page": 1}]}]}
            """
            try Data(run.utf8).write(to: URL(fileURLWithPath: folder + "/run.json"))
            let withLog = try ReportFolder(path: folder)
            #expect(ReportBuilder.overlayNames(withLog) == ["stack.tif.p1.png", "stack.tif.p2.png", "x.tif-2.png", nil])
        }
    }

    @Test("a folder without images.csv is an error naming the file")
    func missingImages() throws {
        try TestSupport.withTemporaryDirectory { folder in
            _ = #expect(throws: ReportError.missingFile(path: folder + "/images.csv")) { try ReportBuilder.build(folder: folder) }
        }
    }
}
