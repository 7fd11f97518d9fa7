import Foundation
import LacunaTestSupport
import Testing

/// `analyze --measure basic`: the same pores, sizes and cells as `full`, without the shape
/// descriptors and the threshold-sensitivity pass; and the options it cannot serve refused.
/// `analyze --overlays pores`: the same tables without the cell overlay.
@Suite("analyze --measure and --overlays", .enabled(if: TestPaths.lacunaBinary != nil))
struct MeasureOptionTests {
    /// The shape-descriptor columns of pores.csv (docs/cli.md).
    static let shapeColumns = [
        "perimeter_imagej_px", "perimeter_crofton_px", "circularity_imagej", "solidity_imagej", "solidity_skimage",
        "ellipse_major_imagej_px", "ellipse_minor_imagej_px", "ellipse_angle_deg", "major_axis_skimage_px",
        "minor_axis_skimage_px", "eccentricity", "orientation_skimage_rad", "feret_px", "min_feret_px",
        "feret_angle_deg", "inscribed_radius_px", "local_thickness_radius_px", "feret_skimage_px",
    ]
    /// The threshold-sensitivity columns of images.csv.
    static let sensitivityColumns = ["threshold_step", "porosity_threshold_lower", "porosity_threshold_raised",
                                     "mean_radius_px_threshold_lower", "mean_radius_px_threshold_raised"]
    static let edgeBlurColumns = ["psf_sigma_px", "psf_sigma_um", "edge_sigma_px", "edge_wall_width_px", "edge_profile_pores"]

    static func analyse(_ flags: [String]) throws -> (images: [[String: String]], pores: [[String: String]], cells: String) {
        let out = TestPaths.makeScratchFolder()
        let run = try LacunaProcess.run(["analyze", LacunaProcess.image("li_2mAcm2_1.tif"), "--out", out, "--quiet"] + flags)
        #expect(run.status == 0, "\(flags): \(run.stderr)")
        return (try RadiusOptionTests.table(out + "/images.csv"), try RadiusOptionTests.table(out + "/pores.csv"),
                try String(contentsOfFile: out + "/cells.csv", encoding: .utf8))
    }

    @Test("basic gives full's pores, sizes and cells, with the descriptor and sensitivity columns empty",
          arguments: [["--jobs", "1"], ["--jobs", "2"], ["--boundary", "pixels"]])
    func basicIsASubsetOfFull(flags: [String]) throws {
        let full = try Self.analyse(flags), basic = try Self.analyse(flags + ["--measure", "basic"])
        #expect(basic.pores.count == full.pores.count && full.pores.count > 100)
        #expect(basic.cells == full.cells)
        for (b, f) in zip(basic.pores, full.pores) {
            for key in f.keys where !Self.shapeColumns.contains(key) { #expect(b[key] == f[key], "\(key)") }
            for key in Self.shapeColumns { #expect(b[key] == "", "\(key)") }
        }
        // Full fills the descriptors of every pore.
        #expect(full.pores.allSatisfy { $0["feret_px"] != "" && $0["local_thickness_radius_px"] != "" })
        let b = try #require(basic.images.first), f = try #require(full.images.first)
        #expect(b["measure"] == "basic" && f["measure"] == "full")
        let pixels = flags.contains("pixels")
        for key in f.keys where !["measure"].contains(key) && !Self.sensitivityColumns.contains(key)
            && !(pixels && Self.edgeBlurColumns.contains(key)) {
            #expect(b[key] == f[key], "\(key)")
        }
        for key in Self.sensitivityColumns {
            #expect(b[key] == "" && f[key] != "", "\(key)")
        }
        // Without sub-pixel outlines nothing else needs the edge response: no edge-blur estimate.
        for key in Self.edgeBlurColumns where pixels { #expect(b[key] == "" && f[key] != "", "\(key)") }
    }

    @Test("a radius that needs the shape descriptors is refused with basic, from a flag or the config file")
    func radiusNeedsFull() throws {
        let image = LacunaProcess.image("li_2mAcm2_1.tif")
        let flag = try LacunaProcess.run(["analyze", image, "--out", TestPaths.makeScratchFolder(), "--measure", "basic",
                                          "--radius", "feret"])
        #expect(flag.status == 2 && flag.stderr.contains("--radius feret needs the shape descriptors"), "\(flag.stderr)")
        let folder = TestPaths.makeScratchFolder()
        let config = folder + "/c.yaml"
        try "measure: basic\nradius: inscribed\n".write(toFile: config, atomically: true, encoding: .utf8)
        let out = folder + "/out"
        let fromFile = try LacunaProcess.run(["analyze", image, "--out", out, "--config", config])
        #expect(fromFile.status == 2 && fromFile.stderr.contains("--radius inscribed"), "\(fromFile.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/images.csv"))
        // The flag overrides the file's basic.
        let overridden = try LacunaProcess.run(["analyze", image, "--out", out, "--config", config, "--measure", "full",
                                                "--quiet"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let bad = try LacunaProcess.run(["analyze", image, "--out", TestPaths.makeScratchFolder(), "--measure", "quick"])
        #expect(bad.status == 2 && bad.stderr.contains("--measure"), "\(bad.stderr)")
    }

    @Test("--overlays pores writes the same tables and the pore overlay, no cell overlay, and removes an earlier one")
    func poreOverlayOnly() throws {
        let image = LacunaProcess.image("li_5mAcm2_1.tif")
        let all = TestPaths.makeScratchFolder(), pores = TestPaths.makeScratchFolder()
        #expect(try LacunaProcess.run(["analyze", image, "--out", all, "--quiet"]).status == 0)
        // The same folder twice: the first run's cell overlay must not outlive the second.
        #expect(try LacunaProcess.run(["analyze", image, "--out", pores, "--quiet"]).status == 0)
        let cellOverlay = pores + "/overlays/li_5mAcm2_1.tif.cells.png"
        #expect(FileManager.default.fileExists(atPath: cellOverlay))
        let run = try LacunaProcess.run(["analyze", image, "--out", pores, "--quiet", "--overlays", "pores"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cellOverlay))
        for file in ["images.csv", "pores.csv", "cells.csv", "overlays/li_5mAcm2_1.tif.png"] {
            #expect(FileManager.default.contents(atPath: all + "/" + file) == FileManager.default.contents(atPath: pores + "/" + file),
                    "\(file)")
        }
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pores + "/run.json")))
            as? [String: Any])
        #expect((log["config"] as? [String: Any])?["overlays"] as? String == "pores")
        let bad = try LacunaProcess.run(["analyze", image, "--out", TestPaths.makeScratchFolder(), "--overlays", "none"])
        #expect(bad.status == 2 && bad.stderr.contains("--overlays"), "\(bad.stderr)")
    }

    @Test("an overlay that cannot be written fails its row, and the other overlay, already written beside it, is removed")
    func overlayWriteFailure() throws {
        let image = LacunaProcess.image("li_5mAcm2_1.tif")
        let out = TestPaths.makeScratchFolder()
        // A folder where the pore overlay should go: its write fails, the cell overlay's does not.
        try FileManager.default.createDirectory(atPath: out + "/overlays/li_5mAcm2_1.tif.png", withIntermediateDirectories: true)
        for jobs in ["1", "2"] {
            let run = try LacunaProcess.run(["analyze", image, "--out", out, "--quiet", "--jobs", jobs])
            #expect(run.status == 3, "\(run.stderr)")
            let rows = try RadiusOptionTests.table(out + "/images.csv")
            #expect(rows.first?["status"] == "error" && rows.first?["error"]?.contains("cannot write") == true, "\(rows)")
            #expect(!FileManager.default.fileExists(atPath: out + "/overlays/li_5mAcm2_1.tif.cells.png"), "--jobs \(jobs)")
        }
    }
}
