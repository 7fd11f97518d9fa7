import Foundation
import LacunaTestSupport
import Testing

/// docs/reliability.md, as the user sees it: the output folder never mixes with or replaces
/// inputs, failed writes are reported without a complete-looking table, a per-image time limit,
/// and hostile paths and values that must end in a one-line error rather than a crash or a hang.
@Suite("Output safety and hostile runs", .enabled(if: TestPaths.lacunaBinary != nil))
struct OutputSafetyTests {
    typealias Run = LacunaProcess.Run

    /// A scratch folder holding a copy of one bundled image, `a.tif`.
    func folderWithImage() throws -> (folder: String, image: String) {
        let folder = TestPaths.makeScratchFolder()
        let image = folder + "/a.tif"
        try FileManager.default.copyItem(atPath: LacunaProcess.image("li_1mAcm2_1.tif"), toPath: image)
        return (folder, image)
    }

    @Test("--out in the input's folder exits 2 and writes nothing; --force allows it and leaves the input unchanged")
    func outputIsInputFolder() throws {
        let (folder, image) = try folderWithImage()
        let before = try LacunaProcess.sha256sum(image)
        let refused = try LacunaProcess.run(["analyze", image, "--out", folder, "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: --out \(folder) is the folder of the input \(image); choose another output folder or add --force\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/images.csv"))
        let forced = try LacunaProcess.run(["analyze", image, "--out", folder, "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/images.csv"))
        #expect(try LacunaProcess.sha256sum(image) == before)
    }

    @Test("A manifest named images.csv inside --out is refused even with --force")
    func outputWouldReplaceManifest() throws {
        let (folder, _) = try folderWithImage()
        let manifest = folder + "/images.csv"
        try Data("image\na.tif\n".utf8).write(to: URL(fileURLWithPath: manifest))
        let run = try LacunaProcess.run(["analyze", "--manifest", manifest, "--out", folder, "--force"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("would overwrite the input \(manifest)"))
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == "image\na.tif\n")
    }

    @Test("An overlay that cannot be written makes that image an error row (exit 3); a table that cannot be written exits 1 and leaves no partial file")
    func failedWrites() throws {
        let (folder, image) = try folderWithImage()
        let out = folder + "/out"
        // A non-empty folder where the overlay file should go: the rename onto it fails.
        try FileManager.default.createDirectory(atPath: out + "/overlays/a.tif.png/blocker", withIntermediateDirectories: true)
        let overlay = try LacunaProcess.run(["analyze", image, "--out", out, "--quiet"])
        #expect(overlay.status == 3)
        let rows = try String(contentsOfFile: out + "/images.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2 && rows[1].hasPrefix("\(image),error,cannot write \(out)/overlays/a.tif.png: "), "\(rows)")

        let tables = folder + "/tables"
        try FileManager.default.createDirectory(atPath: tables + "/images.csv/blocker", withIntermediateDirectories: true)
        let table = try LacunaProcess.run(["analyze", image, "--out", tables, "--quiet"])
        #expect(table.status == 1)
        #expect(table.stderr.hasPrefix("error: cannot write \(tables)/images.csv: "), "\(table.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: tables)
        #expect(!left.contains { $0.contains(".partial-") }, "\(left)")
        #expect(!left.contains("pores.csv") && !left.contains("run.json"), "\(left)")
    }

    @Test("--timeout-per-image: an exhausted limit makes each image an error row naming the limit (exit 3); bad values exit 2")
    func timeout() throws {
        let (folder, image) = try folderWithImage()
        let late = try LacunaProcess.run(["analyze", image, "--out", folder + "/late", "--timeout-per-image", "1e-9", "--quiet"])
        #expect(late.status == 3)
        let rows = try String(contentsOfFile: folder + "/late/images.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows[1].hasPrefix("\(image),error,stopped at the 1e-09 s --timeout-per-image limit (before "), "\(rows)")
        let ample = try LacunaProcess.run(["analyze", image, "--out", folder + "/ample", "--timeout-per-image", "600", "--quiet"])
        #expect(ample.status == 0)
        for value in ["0", "-1", "nan", "inf"] {
            let run = try LacunaProcess.run(["analyze", image, "--out", folder + "/x", "--timeout-per-image=\(value)"])
            #expect(run.status == 2, "\(value): exit \(run.status)")
            #expect(run.stderr.contains("--timeout-per-image must be a positive number of seconds"), "\(value): \(run.stderr)")
        }
    }

    @Test("Pixel sizes 0, negative, NaN and 1e30 exit 2 from the flag and from the config file")
    func pixelSizes() throws {
        let (folder, image) = try folderWithImage()
        for value in ["0", "-0.1", "nan", "1e30"] {
            let flag = try LacunaProcess.run(["analyze", image, "--out", folder + "/x", "--pixel-size=\(value)"])
            #expect(flag.status == 2, "\(value): exit \(flag.status)")
            #expect(flag.stderr.contains("--pixel-size must be a pixel size in µm within 1 pm – 1 mm"), "\(value): \(flag.stderr)")
            let config = folder + "/c.yaml"
            try Data("pixel_size: \(value == "nan" ? ".nan" : value)\n".utf8).write(to: URL(fileURLWithPath: config))
            let file = try LacunaProcess.run(["analyze", image, "--out", folder + "/x", "--config", config])
            #expect(file.status == 2, "\(value): exit \(file.status)")
            #expect(file.stderr.contains("config key 'pixel_size'"), "\(value): \(file.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/x/images.csv"))
    }

    @Test("--max-pixels below an image's size: that image is an error row naming the limit, from the header (exit 3)")
    func maxPixels() throws {
        let (folder, image) = try folderWithImage()
        let run = try LacunaProcess.run(["analyze", image, "--out", folder + "/o", "--max-pixels", "1000", "--quiet"])
        #expect(run.status == 3)
        let rows = try String(contentsOfFile: folder + "/o/images.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows[1].hasPrefix("\(image),error,image of 768×560 pixels exceeds the limit of 1000 pixels,"), "\(rows)")
    }

    @Test("A folder holding a FIFO, a broken link and a file with a non-UTF-8 name: no hang, no crash; the image is analysed")
    func hostileFolder() throws {
        let (folder, _) = try folderWithImage()
        #expect(mkfifo(folder + "/pipe.png", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.png", withDestinationPath: folder + "/gone.png")
        // "b\xFF.tif": a name that is not UTF-8, made through the C API (Swift strings cannot hold it).
        let name: [CChar] = Array((folder + "/b").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".tif".utf8CString)
        let descriptor = open(name, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: LacunaProcess.image("li_2mAcm2_1.tif")))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let process = try LacunaProcess.start(["analyze", folder, "--out", folder + "-out", "--quiet"])
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        let hung = process.isRunning
        if hung { process.terminate() }
        #expect(!hung, "lacuna analyze did not finish within 120 s")
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect([0, 3].contains(process.terminationStatus))
        let rows = try String(contentsOfFile: folder + "-out/images.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("\(folder)/a.tif,ok,") }, "\(rows)")
        #expect(!rows.contains { $0.contains("pipe.png") || $0.contains("dangling.png") }, "\(rows)")
    }
}
