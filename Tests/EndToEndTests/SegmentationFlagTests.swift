import Foundation
import LacunaTestSupport
import Testing

/// `analyze --threshold/--local/--background/…`: bad values exit 2 naming the flag before any
/// image is read; good ones are recorded in run.json and change the recorded threshold.
@Suite("analyze segmentation flags", .enabled(if: TestPaths.lacunaBinary != nil))
struct SegmentationFlagTests {
    @Test("bad values exit 2 with the flag named, and nothing is written", arguments: [
        (["--local", "sauvola", "--window", "14"], "--window"), (["--window", "0"], "--window"),
        (["--window", "100001"], "--window"), (["--local", "niblack", "--k", "nan"], "--k"),
        (["--threshold", "otsu3"], "--threshold"), (["--threshold", "manual"], "--threshold-value"),
        (["--threshold-convention", "matlab"], "--threshold-convention"), (["--local", "wolf"], "--local"),
        (["--denoise", "median", "--denoise-radius", "1.5"], "--denoise-radius"), (["--clahe-tiles", "0"], "--clahe-tiles"),
        (["--poisson", "sqrt"], "--poisson"), (["--background", "ball"], "--background"),
        (["--poisson-bin", "0"], "--poisson-bin"),
    ])
    func badValues(flags: [String], named: String) throws {
        let out = TestPaths.makeScratchFolder() + "/o"
        let run = try LacunaProcess.run(["analyze", LacunaProcess.image("li_1mAcm2_1.tif"), "--out", out] + flags)
        #expect(run.status == 2, "\(flags): exit \(run.status)")
        #expect(run.stderr.contains(named), "\(flags): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/images.csv"))
    }

    @Test("ImageJ's Li and a Sauvola run: run.json records the keys, images.csv the level used")
    func recorded() throws {
        let image = LacunaProcess.image("li_1mAcm2_1.tif")
        let plain = TestPaths.makeScratchFolder(), li = TestPaths.makeScratchFolder(), local = TestPaths.makeScratchFolder()
        #expect(try LacunaProcess.run(["analyze", image, "--out", plain, "--quiet"]).status == 0)
        let a = try LacunaProcess.run(["analyze", image, "--out", li, "--quiet", "--threshold", "li",
                                       "--threshold-convention", "imagej"])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try LacunaProcess.run(["analyze", image, "--out", local, "--quiet", "--local", "sauvola", "--window", "31",
                                       "--k", "0.1", "--background", "rolling-ball"])
        #expect(b.status == 0, "\(b.stderr)")
        let config = try #require(try LacunaProcess.runLog(in: li)["config"] as? [String: Any])
        #expect(config["threshold"] as? String == "li" && config["threshold_convention"] as? String == "imagej")
        let localConfig = try #require(try LacunaProcess.runLog(in: local)["config"] as? [String: Any])
        #expect(localConfig["local"] as? String == "sauvola" && localConfig["window"] as? Int == 31)
        #expect(localConfig["k"] as? Double == 0.1 && localConfig["background"] as? String == "rolling-ball")
        let plainConfig = try #require(try LacunaProcess.runLog(in: plain)["config"] as? [String: Any])
        #expect(plainConfig["threshold"] as? String == "otsu" && plainConfig["local"] is NSNull)
        func threshold(_ folder: String) throws -> String {
            let rows = try RadiusOptionTests.table(folder + "/images.csv")
            return try #require(rows.first?["threshold"])
        }
        // Li sits below Otsu on these images (dark holes are the smaller, darker class).
        let otsuLevel = try #require(Int(try threshold(plain))), liLevel = try #require(Int(try threshold(li)))
        #expect(liLevel < otsuLevel)
    }

    @Test("config --defaults lists every segmentation key with a comment")
    func defaults() throws {
        let run = try LacunaProcess.run(["config", "--defaults"])
        #expect(run.status == 0)
        for line in ["threshold: otsu", "threshold_convention: skimage", "local: null", "window: 15", "k: null",
                     "background: null", "denoise: null", "clahe: false", "poisson: none", "poisson_bin: 1"] {
            #expect(run.stdout.contains("\n" + line + "\n"), "\(line)")
        }
        #expect(run.stdout.contains("# global threshold: otsu, li, triangle"))
    }
}
