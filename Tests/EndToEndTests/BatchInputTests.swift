import Foundation
import LacunaTestSupport
import Testing

/// `lacuna analyze` over folders and globs, the config file, run.json and progress output.
@Suite("analyze: inputs, config, run.json, progress", .enabled(if: TestPaths.lacunaBinary != nil))
struct BatchInputTests {
    /// A folder tree: `top/b.tif`, `top/sub/a.bin` (a TIFF under another extension),
    /// `top/notes.tif` (text under an image extension), `top/.hidden/c.tif`.
    func makeTree() throws -> String {
        let top = TestPaths.makeScratchFolder() + "/top"
        let manager = FileManager.default
        try manager.createDirectory(atPath: top + "/sub", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: top + "/.hidden", withIntermediateDirectories: true)
        try manager.copyItem(atPath: LacunaProcess.image("li_1mAcm2_1.tif"), toPath: top + "/b.tif")
        try manager.copyItem(atPath: LacunaProcess.image("li_2mAcm2_1.tif"), toPath: top + "/sub/a.bin")
        try manager.copyItem(atPath: LacunaProcess.image("li_5mAcm2_1.tif"), toPath: top + "/.hidden/c.tif")
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: top + "/notes.tif"))
        return top
    }

    @Test("a folder is searched recursively by magic bytes, sorted; hidden files and the output folder are skipped")
    func folderInput() throws {
        let top = try makeTree()
        // A link back up the tree must not make the search endless.
        try FileManager.default.createSymbolicLink(atPath: top + "/sub/loop", withDestinationPath: top)
        let out = top + "/results"
        let run = try LacunaProcess.run(["analyze", top, "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try LacunaProcess.imageColumn(in: out) == [top + "/b.tif", top + "/sub/a.bin"])
        // A second run must not pick up the overlays written into the output folder inside it.
        let again = try LacunaProcess.run(["analyze", top, "--out", out, "--quiet"])
        #expect(again.status == 0)
        #expect(try LacunaProcess.imageColumn(in: out) == [top + "/b.tif", top + "/sub/a.bin"])
    }

    @Test("globs expand in sorted order; a folder without images and a pattern matching nothing fail as inputs")
    func globInput() throws {
        let top = try makeTree()
        let empty = top + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let folder = TestPaths.testImages.appendingPathComponent("li-stripping").path
        let out = top + "/out"
        let run = try LacunaProcess.run(["analyze", folder + "/li_?mAcm2_2.tif", top + "/*.none", empty,
                                         "--out", out, "--quiet"])
        #expect(run.status == 3)
        #expect(try LacunaProcess.imageColumn(in: out)
            == [folder + "/li_1mAcm2_2.tif", folder + "/li_2mAcm2_2.tif", folder + "/li_5mAcm2_2.tif",
                top + "/*.none", empty])
    }

    @Test("--config: file values apply, flags override them, config --defaults round-trips")
    func configPrecedence() throws {
        let folder = TestPaths.makeScratchFolder()
        let config = folder + "/lacuna.yaml"
        try Data("# test\nsigma: 0\nmin_area: 50\npores: dark\nroi: \"0,0,300,200\"\n".utf8)
            .write(to: URL(fileURLWithPath: config))
        let run = try LacunaProcess.run(["analyze", LacunaProcess.image("li_1mAcm2_1.tif"), "--config", config,
                                         "--min-area", "20", "--out", folder + "/o", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let used = try #require(try LacunaProcess.runLog(in: folder + "/o")["config"] as? [String: Any])
        #expect(used["sigma"] as? Double == 0)
        #expect(used["min_area"] as? Int == 20)
        #expect(used["roi"] as? String == "0,0,300,200")
        #expect(used["databar"] as? String == "auto")
        let csv = try String(contentsOfFile: folder + "/o/images.csv", encoding: .utf8)
        #expect(csv.contains(",300,200,"), "the roi from the file sets the analysed frame")

        let defaults = try LacunaProcess.run(["config", "--defaults"])
        #expect(defaults.status == 0 && defaults.stdout.contains("# "))
        let defaultsFile = folder + "/defaults.yaml"
        try Data(defaults.stdout.utf8).write(to: URL(fileURLWithPath: defaultsFile))
        let viaFile = try LacunaProcess.run(["analyze", LacunaProcess.image("li_1mAcm2_1.tif"), "--config",
                                             defaultsFile, "--out", folder + "/d1", "--quiet"])
        let plain = try LacunaProcess.run(["analyze", LacunaProcess.image("li_1mAcm2_1.tif"),
                                           "--out", folder + "/d2", "--quiet"])
        #expect(viaFile.status == 0 && plain.status == 0)
        let a = try #require(try LacunaProcess.runLog(in: folder + "/d1")["config"] as? NSDictionary)
        let b = try #require(try LacunaProcess.runLog(in: folder + "/d2")["config"] as? NSDictionary)
        #expect(a == b)
        #expect(try LacunaProcess.deterministicFiles(in: folder + "/d1") == LacunaProcess.deterministicFiles(in: folder + "/d2"))
    }

    @Test("--config: an unknown key, a wrong type or bad YAML exits 2 naming the key")
    func configErrors() throws {
        let folder = TestPaths.makeScratchFolder()
        let cases = [("sigma: 1\nmin_aera: 5\n", "min_aera"), ("min_area: lots\n", "min_area"),
                     ("page: 0\n", "page"), ("pores: [dark]\n", "pores"), ("sigma: [1\n", "not valid YAML")]
        for (text, named) in cases {
            let config = folder + "/c.yaml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: config))
            let run = try LacunaProcess.run(["analyze", LacunaProcess.image("li_1mAcm2_1.tif"), "--config", config,
                                             "--out", folder + "/o"])
            #expect(run.status == 2, "\(text): exit \(run.status)")
            #expect(run.stderr.contains(named), "\(text): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/o/images.csv"))
    }

    @Test("run.json: version, commit or its reason, config, per-input size and SHA-256 (as sha256sum), calibration, status, times, host")
    func runLog() throws {
        let folder = TestPaths.makeScratchFolder()
        let bad = folder + "/bad.png"
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: bad))
        let good = LacunaProcess.image("li_2mAcm2_2.tif")
        let run = try LacunaProcess.run(["analyze", good, bad, "--out", folder + "/o", "--quiet"])
        #expect(run.status == 3)
        let log = try LacunaProcess.runLog(in: folder + "/o")
        let tool = try #require(log["tool"] as? [String: Any])
        #expect(tool["version"] as? String == "0.1.0")
        #expect((tool["git_commit"] as? String)?.count == 40 || tool["git_commit_note"] is String)
        // 12 first-release keys, 18 segmentation keys (threshold … poisson_bin, docs/cli.md),
        // 5 cell-network keys, 8 boundary, splitting, morphology and ROI keys (boundary …
        // auto_mask_window), `measure` and `overlays`.
        let keyCount: Int = 12 + 18 + 5 + 8 + 2
        #expect((log["config"] as? [String: Any])?.count == keyCount)
        let host = try #require(log["host"] as? [String: Any])
        #expect(host["cores"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
        #expect(host["os"] is String)
        #expect(log["input_count"] as? Int == 2 && log["failures"] as? Int == 1)
        let started = try #require(log["started_at"] as? String), finished = try #require(log["finished_at"] as? String)
        #expect(started.hasSuffix("Z") && started <= finished)
        let inputs = try #require(log["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2)
        for (entry, path) in zip(inputs, [good, bad]) {
            #expect(entry["path"] as? String == path)
            #expect(entry["sha256"] as? String == (try LacunaProcess.sha256sum(path)))
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(entry["size_bytes"] as? Int == size)
            #expect((entry["time_s"] as? Double ?? -1) >= 0)
        }
        let page = try #require((inputs[0]["pages"] as? [[String: Any]])?.first)
        #expect(page["status"] as? String == "ok" && page["pixel_size_source"] as? String == "fei")
        #expect(page["databar_height_px"] as? Int == 48 && page["databar_method"] as? String == "metadata")
        let csv = try String(contentsOfFile: folder + "/o/images.csv", encoding: .utf8)
        let pixel = try #require(page["pixel_size_um"] as? Double)
        #expect(csv.contains(String(format: "%.9g", pixel)))
        let failed = try #require((inputs[1]["pages"] as? [[String: Any]])?.first)
        #expect(failed["status"] as? String == "error" && (failed["error"] as? String)?.contains("magic bytes") == true)
        // Timing lives only in run.json: the tables carry no clock.
        #expect(!csv.contains(String(started.prefix(10))))
    }

    @Test("progress on a pipe: one plain line per image; --quiet prints nothing on success")
    func progressLines() throws {
        let out = TestPaths.makeScratchFolder()
        let images = ["li_1mAcm2_1.tif", "li_2mAcm2_1.tif", "li_5mAcm2_1.tif"].map(LacunaProcess.image)
        let run = try LacunaProcess.run(["analyze"] + images + ["--out", out + "/a", "--jobs", "2"])
        #expect(run.status == 0)
        let lines = run.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(lines.count == 3)
        #expect(Set(lines.map { String($0.prefix(5)) }) == ["[1/3]", "[2/3]", "[3/3]"])
        #expect(!run.stderr.contains("\r"))
        let quiet = try LacunaProcess.run(["analyze"] + images + ["--out", out + "/b", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }
}
