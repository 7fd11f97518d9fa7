import Foundation
import LacunaIO
import LacunaPipeline
import LacunaTestSupport
import Testing

/// Hostile manifests, configs and pixel sizes, the per-input time limit and the output-folder
/// rules of docs/reliability.md that ManifestTests and the end-to-end suites do not already cover.
@Suite("Hostile inputs of the pipeline")
struct HostileInputTests {
    func write(_ text: String, name: String = "manifest.csv") throws -> String {
        let path = TestPaths.makeScratchFolder() + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Manifest rows with extra fields keep the header's columns; short rows leave the missing ones empty")
    func raggedRows() throws {
        let path = try write("image,current_density,condition\na.tif,1,x,surplus,more\nb.tif\n")
        let inputs = try Manifest.read(path: path)
        #expect(inputs.map(\.name) == ["a.tif", "b.tif"])
        #expect(inputs[0].currentDensity == 1 && inputs[0].condition == "x")
        #expect(inputs[1].currentDensity == nil && inputs[1].condition == nil)
    }

    @Test("Manifest pixel sizes that are zero, negative, not finite or implausible name the line", arguments: [
        ("0", "pixel_size_um 0 must be positive"),
        ("-0.5", "pixel_size_um -0.5 must be positive"),
        ("nan", "pixel_size_um 'nan' is not a finite number"),
        ("inf", "pixel_size_um 'inf' is not a finite number"),
        ("1e30", "pixel_size_um 1e+30 µm is outside the plausible 1 pm – 1 mm"),
        ("1e-9", "pixel_size_um 1e-09 µm is outside the plausible 1 pm – 1 mm"),
    ])
    func manifestPixelSizes(text: String, reason: String) throws {
        let path = try write("image,pixel_size_um\na.tif,0.05\nb.tif,\(text)\n")
        #expect(throws: TableFileError(path: path, line: 3, reason: reason)) { try Manifest.read(path: path) }
    }

    @Test("Config pixel sizes outside 1 pm – 1 mm, zero, negative or NaN are invalid values", arguments: [
        ConfigValue.number(1e30), .number(0), .int(-1), .number(.nan), .number(1e-9),
    ])
    func configPixelSizes(value: ConfigValue) throws {
        var options = AnalysisOptions()
        #expect(throws: ConfigError.self) { try options.set("pixel_size", to: value) }
        do {
            try options.set("pixel_size", to: value)
        } catch {
            guard case let .invalidValue(key, _, _) = error else { Issue.record("\(error)"); return }
            #expect(key == "pixel_size")
        }
        #expect(options.pixelSizeOverride == nil)
        try options.set("pixel_size", to: .number(0.05))
        #expect(options.pixelSizeOverride == 0.05)
    }

    // MARK: time limit

    @Test("Deadline.check throws timedOut with the stage once the task's deadline has passed, and nothing without one")
    func deadline() throws {
        try Deadline.check(during: "anything")
        let past = Deadline(seconds: 1, from: .now - .seconds(5))
        #expect(throws: AnalysisError.timedOut(seconds: 1, stage: "labelling")) {
            try Deadline.current.withValue(past) { try Deadline.check(during: "labelling") }
        }
        try Deadline.current.withValue(Deadline(seconds: 3600)) { try Deadline.check(during: "labelling") }
        #expect(AnalysisError.timedOut(seconds: 1.5, stage: "labelling").message
                == "stopped at the 1.5 s --timeout-per-image limit (before labelling)")
    }

    @Test("A batch whose per-image limit is already over: every input an error row, nothing cached; a generous limit changes nothing")
    func batchTimeout() async throws {
        let (folder, inputs) = try BatchRunnerTests.makeBatch()
        var runner = BatchRunner(options: AnalysisOptions(), jobs: 2)
        runner.timeoutPerImage = 1e-9
        let summary = try await runner.run(inputs, outputDirectory: folder + "/late")
        #expect(summary.failureCount == inputs.count)
        for record in summary.records {
            guard case let .failed(reason) = record.outcome else { Issue.record("\(record.image) analysed"); continue }
            #expect(reason.hasPrefix("stopped at the 1e-09 s --timeout-per-image limit (before "), "\(reason)")
        }
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/late/.lacuna/images")) ?? []
        #expect(cached.isEmpty)
        runner.timeoutPerImage = 3600
        _ = try await runner.run(inputs, outputDirectory: folder + "/timed")
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(inputs, outputDirectory: folder + "/free")
        for file in ["images.csv", "pores.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/timed/" + file))
                    == Data(contentsOf: URL(fileURLWithPath: folder + "/free/" + file)))
        }
    }

    // MARK: output folder

    @Test("--out may not be an input's folder unless forced, and never where an output replaces an input")
    func outputFolder() throws {
        let folder = TestPaths.makeScratchFolder()
        let image = folder + "/a.tif"
        try Data([1]).write(to: URL(fileURLWithPath: image))
        #expect(OutputFolderCheck.problem(output: folder + "/out", inputs: [image], force: false) == nil)
        #expect(OutputFolderCheck.problem(output: folder, inputs: [image], force: false)
                == "--out \(folder) is the folder of the input \(image); choose another output folder or add --force")
        #expect(OutputFolderCheck.problem(output: folder + "/sub/..", inputs: [image], force: false) != nil)
        #expect(OutputFolderCheck.problem(output: folder, inputs: [folder], force: false) != nil)
        #expect(OutputFolderCheck.problem(output: folder, inputs: [image], force: true) == nil)
        let link = folder + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        #expect(OutputFolderCheck.problem(output: link, inputs: [image], force: false) != nil)
        let manifest = folder + "/images.csv"
        #expect(OutputFolderCheck.problem(output: folder, inputs: [manifest], force: true)
                == "--out \(folder) would overwrite the input \(manifest); choose another output folder")
        let overlayInput = folder + "/overlays/x.png"
        #expect(OutputFolderCheck.problem(output: folder, inputs: [overlayInput], force: true)
                == "the input \(overlayInput) lies in overlays/ of --out \(folder), which Lacuna rewrites; choose another output folder")
    }
}
