import Foundation
import LacunaTestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every output of `lacuna analyze --save-masks` on the bundled images with bad files mixed in:
/// overlays, masks, plots and report.html exist and are well-formed, the exit code is 3, and
/// everything but run.json is byte-identical for `--jobs 1` and `--jobs 2`, for merged shards
/// and after `lacuna report DIR`.
@Suite("analyze: overlays, masks, plots and report.html", .enabled(if: TestPaths.lacunaBinary != nil), .serialized)
struct ReportOutputTests {
    static let badFiles: [(name: String, density: String)] = [("truncated.tif", "5"), ("notes.tif", "2"), ("empty.tif", "1")]

    /// A study folder: the eight TestImages, a truncated TIFF, a text file and an empty file, in
    /// one manifest (good images first, then the bad ones).
    static func makeStudy() throws -> String {
        let study = TestPaths.makeScratchFolder() + "/study"
        try FileManager.default.createDirectory(atPath: study, withIntermediateDirectories: true)
        var manifest = try String(contentsOfFile: LacunaProcess.manifest, encoding: .utf8)
        let images = try FileManager.default.contentsOfDirectory(atPath: TestPaths.testImages.appendingPathComponent("li-stripping").path)
        for name in images where name.hasSuffix(".tif") {
            try FileManager.default.copyItem(atPath: LacunaProcess.image(name), toPath: study + "/" + name)
        }
        let tiff = try Data(contentsOf: URL(fileURLWithPath: LacunaProcess.image("li_5mAcm2_1.tif")))
        try tiff.prefix(3000).write(to: URL(fileURLWithPath: study + "/truncated.tif"))
        try Data("lab notes, not an image\n".utf8).write(to: URL(fileURLWithPath: study + "/notes.tif"))
        try Data().write(to: URL(fileURLWithPath: study + "/empty.tif"))
        if !manifest.hasSuffix("\n") { manifest += "\n" }
        for bad in badFiles { manifest += "\(bad.name),\(bad.density),\(bad.density) mA/cm2\n" }
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: study + "/manifest.csv"))
        return study
    }

    /// Every file under `folder` except run.json and the cache, by relative path.
    static func outputs(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            if relative == "run.json" || relative.hasPrefix(".lacuna") { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)) }
        }
        return files
    }

    /// Width and height from a PNG's IHDR chunk, `nil` when the bytes are not a PNG.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12 ..< 16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        let be = { (at: Int) in bytes[at ..< at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test("exit 3; every output present and well-formed; --jobs 1 and 2 and 'lacuna report' give the same bytes")
    func outputsAndDeterminism() throws {
        let study = try Self.makeStudy()
        let out1 = study + "/../out1", out2 = study + "/../out2"
        let run1 = try LacunaProcess.run(["analyze", "--manifest", study + "/manifest.csv", "--out", out1, "--save-masks",
                                          "--jobs", "1", "--quiet"])
        let run2 = try LacunaProcess.run(["analyze", "--manifest", study + "/manifest.csv", "--out", out2, "--save-masks",
                                          "--jobs", "2", "--quiet"])
        #expect(run1.status == 3 && run2.status == 3, "\(run1.stderr)\n\(run2.stderr)")
        let files = try Self.outputs(in: out1)
        #expect(files == (try Self.outputs(in: out2)), "outputs differ between --jobs 1 and --jobs 2")

        // Tables: 11 rows, the three bad files failed with a reason.
        let imagesData = try #require(files["images.csv"])
        let images = try #require(String(data: imagesData, encoding: .utf8))
        let rows = images.split(separator: "\n").dropFirst()
        #expect(rows.count == 11)
        for bad in Self.badFiles {
            #expect(rows.contains { $0.hasPrefix(bad.name + ",error,") }, "\(bad.name) is not an error row")
        }
        for name in ["pores.csv", "fit.json", "conditions.csv", "report.html"] { #expect(files[name] != nil, "\(name) missing") }

        // Overlays and masks: one each per good image, PNGs of the analysed frame (768 × 512 without the data bar).
        let goods = try FileManager.default.contentsOfDirectory(atPath: TestPaths.testImages.appendingPathComponent("li-stripping").path)
            .filter { $0.hasSuffix(".tif") }.sorted()
        #expect(goods.count == 8)
        for name in goods {
            for file in ["overlays/\(name).png", "masks/\(name).mask.png"] {
                let size = Self.pngSize(try #require(files[file], "\(file) missing"))
                #expect(size.map { $0 == (768, 512) } == true, "\(file): \(String(describing: size))")
            }
            let labels = try #require(files["masks/\(name).labels.tif"])
            #expect(labels.prefix(4) == Data([0x49, 0x49, 0x2A, 0x00]))
            #expect(labels.range(of: Data("ImageJ=1.54f\nunit=micron\nmin=0.0\nmax=".utf8)) != nil)
        }
        #expect(files.keys.filter { $0.hasPrefix("overlays/") }.count == 16)
        for name in goods {
            let size = Self.pngSize(try #require(files["overlays/\(name).cells.png"], "\(name) cell overlay missing"))
            #expect(size.map { $0 == (768, 512) } == true)
        }
        #expect(files.keys.filter { $0.hasPrefix("masks/") }.count == 16)

        // Plots: three fit plots and one radius histogram per current density, all well-formed SVG.
        let plots = files.keys.filter { $0.hasPrefix("plots/") }.sorted()
        #expect(plots == ["plots/inverse_radius_vs_current_density.svg", "plots/lewis_plot.svg", "plots/radius_histogram_10mAcm2.svg",
                          "plots/radius_histogram_1mAcm2.svg", "plots/radius_histogram_2mAcm2.svg",
                          "plots/radius_histogram_5mAcm2.svg", "plots/radius_vs_current_density_loglog.svg",
                          "plots/residuals_inverse_radius.svg", "plots/sides_distribution.svg"])
        #if canImport(FoundationXML)
        for plot in plots {
            let parser = XMLParser(data: try #require(files[plot]))
            #expect(parser.parse(), "\(plot): \(String(describing: parser.parserError))")
        }
        #endif

        // The report: self-contained, every good image as a thumbnail, the fit plot, the verdict, the failures.
        let htmlData = try #require(files["report.html"])
        let html = try #require(String(data: htmlData, encoding: .utf8))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 8)
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(html.contains("<figure id=\"fit-0\">") && html.contains("r ∝ 1/i: supported"))
        for bad in Self.badFiles { #expect(html.contains("<td>\(bad.name)</td>"), "\(bad.name) not in the failures table") }

        // Shards with --save-masks merged: masks copied, the same bytes as one run.
        var shards: [String] = []
        for k in 1 ... 2 {
            let shard = study + "/../shard\(k)"
            let run = try LacunaProcess.run(["analyze", "--manifest", study + "/manifest.csv", "--out", shard,
                                             "--save-masks", "--shard", "\(k)/2", "--quiet"])
            #expect(run.status == 3, "\(run.stderr)")
            shards.append(shard)
        }
        let merged = study + "/../merged"
        let merge = try LacunaProcess.run(["merge"] + shards + ["--out", merged, "--quiet"])
        #expect(merge.status == 3, "\(merge.stderr)")
        #expect(try Self.outputs(in: merged) == files, "merged shards differ from one run")

        // `lacuna report` rebuilds plots and report from the tables alone: the same bytes.
        try FileManager.default.removeItem(atPath: out1 + "/report.html")
        try FileManager.default.removeItem(atPath: out1 + "/plots")
        let rebuilt = try LacunaProcess.run(["report", out1, "--quiet"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try Self.outputs(in: out1) == files)
    }

    @Test("'lacuna report' on a folder without images.csv exits 1 naming the file")
    func reportWithoutTables() throws {
        let folder = TestPaths.makeScratchFolder()
        let run = try LacunaProcess.run(["report", folder])
        #expect(run.status == 1 && run.stderr.contains("images.csv"), "\(run.status): \(run.stderr)")
    }
}
