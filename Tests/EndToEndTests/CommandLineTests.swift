import Foundation
import LacunaTestSupport
import Testing

/// Runs the built `lacuna` binary as a user would and checks exit codes, stderr and files.
@Suite("lacuna command line", .enabled(if: TestPaths.lacunaBinary != nil))
struct CommandLineTests {
    typealias Run = LacunaProcess.Run

    func lacuna(_ arguments: [String]) throws -> Run { try LacunaProcess.run(arguments) }

    var manifest: String { TestPaths.testImages.appendingPathComponent("li-stripping/manifest.csv").path }
    var firstImage: String { TestPaths.testImages.appendingPathComponent("li-stripping/li_1mAcm2_1.tif").path }

    func writeText(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("info --json: one object per file with the contract's keys; a bad file gives an error object and exit 3")
    func info() throws {
        let folder = TestPaths.makeScratchFolder()
        let bad = try writeText("plain text\n", "not-an-image.png", in: folder)
        let run = try lacuna(["info", "--json", firstImage, bad])
        #expect(run.status == 3)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let good = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(good["format"] as? String == "tiff")
        #expect(good["pixel_size_source"] as? String == "fei")
        #expect(good["databar_height_px"] as? Int == 48)
        #expect(good["height"] as? Int == 560 && good["width"] as? Int == 768)
        for key in ["file", "bits_per_sample", "channels", "pages", "pixel_size_um"] { #expect(good[key] != nil) }
        let error = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(error["file"] as? String == bad)
        #expect((error["error"] as? String)?.contains("magic bytes") == true)
        #expect(run.stderr.isEmpty)
    }

    @Test("info on an uncalibrated PNG: pixel_size_um is null and the source is none")
    func infoUncalibrated() throws {
        let folder = TestPaths.makeScratchFolder()
        let png = folder + "/plain.png"
        let analyze = try lacuna(["analyze", firstImage, "--out", folder + "/o", "--quiet"])
        #expect(analyze.status == 0)
        try FileManager.default.copyItem(atPath: folder + "/o/overlays/li_1mAcm2_1.tif.png", toPath: png)
        let run = try lacuna(["info", "--json", png])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["pixel_size_um"] is NSNull)
        #expect(json["pixel_size_source"] as? String == "none")
        #expect(json["channels"] as? Int == 3)
    }

    @Test("analyze the bundled manifest: exit 0, tables, overlays, fit; radii within 5 % of the truth file")
    func analyzeManifest() throws {
        let out = TestPaths.makeScratchFolder() + "/out"
        let run = try lacuna(["analyze", "--manifest", manifest, "--out", out, "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try String(contentsOfFile: out + "/images.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = rows[0]
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: TestPaths.testImages.appendingPathComponent("li-stripping/truth.json").path)))
            as? [String: [String: Any]])
        #expect(rows.count == 9)
        for row in rows.dropFirst() {
            let field = { (name: String) in row[header.firstIndex(of: name) ?? 0] }
            #expect(field("status") == "ok" && field("pixel_size_source") == "fei")
            let expected = try #require(truth[field("image")]?["mean_radius_um"] as? Double)
            let measured = try #require(Double(field("mean_radius_um")))
            #expect(abs(measured / expected - 1) < 0.05, "\(field("image")): \(measured) vs \(expected)")
            // The network: thick walls, so auto takes the pores' influence zones; ⟨n⟩ of the interior
            // cells within 0.1 of the Voronoi truth's interior holes (truth.json cell_sides).
            #expect(field("cell_method") == "pores")
            let holes = try #require(truth[field("image")]?["holes"] as? [[String: Any]])
            let sides = holes.filter { ($0["touches_border"] as? Bool) == false }.compactMap { $0["cell_sides"] as? Int }
            let truthMean = Double(sides.reduce(0, +)) / Double(max(1, sides.count))
            let meanSides = try #require(Double(field("mean_sides")))
            #expect(abs(meanSides - truthMean) < 0.1, "\(field("image")): ⟨n⟩ \(meanSides) vs \(truthMean)")
            #expect(Int(field("cell_count")) == Int(field("pore_count")))
        }
        // cells.csv: one cell per pore, each naming its pore, neighbours symmetric.
        let cells = try String(contentsOfFile: out + "/cells.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(cells.first == ["image", "cell", "pore", "sides", "corners", "area_um2", "perimeter_um", "centroid_x_um",
                                "centroid_y_um", "neighbours", "touches_border", "area_px", "perimeter_px",
                                "centroid_x_px", "centroid_y_px", "page"])
        var neighbours: [String: Set<String>] = [:]
        for cell in cells.dropFirst() {
            #expect(cell[1] == cell[2], "cell \(cell[1]) grew from pore \(cell[2])")
            #expect(Int(cell[3]) == cell[9].split(separator: " ").count)
            neighbours[cell[0] + "#" + cell[1]] = Set(cell[9].split(separator: " ").map(String.init))
        }
        for (key, set) in neighbours {
            let parts = key.split(separator: "#")
            for other in set { #expect(neighbours["\(parts[0])#\(other)"]?.contains(String(parts[1])) == true) }
        }
        let overlays = try FileManager.default.contentsOfDirectory(atPath: out + "/overlays")
        // A pore overlay and a cell overlay per image.
        #expect(overlays.count == 16)
        #expect(overlays.filter { $0.hasSuffix(".cells.png") }.count == 8)
        let fit = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/fit.json")))
            as? [String: Any])
        let power = try #require(fit["power_law"] as? [String: Any])
        // The synthetic radii follow r ∝ i^−1.02 (the paper's numbers), so n must come out near −1.
        #expect(abs((power["exponent"] as? Double ?? 0) + 1.02) < 0.1)
        #expect(run.stdout.contains("1/r = a + b·i"))
    }

    @Test("a batch with corrupt, truncated and missing files exits 3 and reports each; good images are analysed")
    func mixedBatch() throws {
        let folder = TestPaths.makeScratchFolder()
        let bad = try writeText("plain text\n", "not-an-image.png", in: folder)
        let image = try Data(contentsOf: URL(fileURLWithPath: firstImage))
        let truncated = folder + "/truncated.tif"
        try image.prefix(image.count / 3).write(to: URL(fileURLWithPath: truncated))
        let empty = try writeText("", "empty.jpg", in: folder)
        let out = folder + "/out"
        let run = try lacuna(["analyze", firstImage, bad, truncated, empty, folder + "/missing.png", folder,
                              "--out", out])
        #expect(run.status == 3)
        let csv = try String(contentsOfFile: out + "/images.csv", encoding: .utf8)
        let statuses = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(statuses == ["ok", "error", "error", "error", "error", "error"])
        for name in ["not-an-image.png", "truncated.tif", "empty.jpg", "missing.png"] {
            #expect(run.stderr.contains(name), "no report for \(name)")
        }
        // The folder argument is searched for images by magic bytes: only truncated.tif starts
        // like one (not-an-image.png holds text, empty.jpg nothing), so it is analysed twice.
        #expect(csv.split(separator: "\n").filter { $0.hasPrefix(truncated + ",error,") }.count == 2)
    }

    @Test("fit --json on the paper's table reproduces scipy's slope; a bad table exits 1")
    func fit() throws {
        let folder = TestPaths.makeScratchFolder()
        let table = try writeText("current_density,radius_um\n1,4.1\n2,2.4\n5,0.9\n10,0.4\n", "t.csv", in: folder)
        let run = try lacuna(["fit", "--json", table])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let linear = try #require(json["inverse_radius_linear"] as? [String: Any])
        #expect(abs((linear["slope"] as? Double ?? 0) - 0.25327) < 5e-6)
        let summary = try lacuna(["fit", table])
        #expect(summary.status == 0 && summary.stdout.contains("0.25327"))
        let bad = try writeText("current_density,radius_um\n1,abc\n", "bad.csv", in: folder)
        let failed = try lacuna(["fit", "--json", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.csv line 2"))
    }

    @Test("usage errors exit 2 with a message: unknown flag, bad values, nothing to analyse")
    func usage() throws {
        let out = TestPaths.makeScratchFolder()
        for arguments in [["analyze", "--out", out, "--no-such-flag"],
                          ["analyze", firstImage, "--out", out, "--pixel-size", "-1"],
                          ["analyze", firstImage, "--out", out, "--pixel-size", "nan"],
                          ["analyze", firstImage, "--out", out, "--pixel-size", "abc"],
                          ["analyze", firstImage, "--out", out, "--pores", "grey"],
                          ["analyze", firstImage, "--out", out, "--jobs", "0"],
                          ["analyze", "--out", out],
                          ["analyze", firstImage],
                          ["frobnicate"]] {
            let run = try lacuna(arguments)
            #expect(run.status == 2, "\(arguments): exit \(run.status)")
            #expect(!run.stderr.isEmpty)
        }
        let help = try lacuna(["analyze", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--manifest"))
    }

    @Test("a manifest naming a missing column exits 2 with the file and line")
    func badManifest() throws {
        let folder = TestPaths.makeScratchFolder()
        let manifest = try writeText("file,current_density\na.tif,1\n", "m.csv", in: folder)
        let run = try lacuna(["analyze", "--manifest", manifest, "--out", folder + "/o"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("m.csv line 1"))
    }

    @Test("the CLI contract checker passes (when ../shared/tools is present)")
    func contractCheck() throws {
        let checker = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/contract-check").path
        guard FileManager.default.isExecutableFile(atPath: checker) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: checker)
        process.arguments = [try #require(TestPaths.lacunaBinary), manifest]
        process.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
