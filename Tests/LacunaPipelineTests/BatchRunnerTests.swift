import Foundation
import LacunaIO
import LacunaPipeline
import LacunaReport
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Batch runs")
struct BatchRunnerTests {
    /// Four small FEI TIFFs at two current densities plus a corrupt file and a missing one.
    static func makeBatch() throws -> (folder: String, inputs: [ImageInput]) {
        let folder = TestPaths.makeScratchFolder()
        var inputs: [ImageInput] = []
        for (k, (density, radius)) in [(1.0, 3.0), (1.0, 3.0), (4.0, 0.8), (4.0, 0.8)].enumerated() {
            var spec = SynthSpec()
            spec.width = 200
            spec.height = 160
            spec.spacing = 36
            spec.wallWidth = 6
            spec.databarHeight = 16
            spec.meanRadiusMicrometres = radius
            spec.seed = 7100 + UInt64(k)
            let path = folder + "/img\(k).tif"
            try SyntheticMicrograph(spec: spec).writeTIFF(to: path)
            inputs.append(ImageInput(path: path, name: "img\(k).tif", currentDensity: density))
        }
        let corrupt = folder + "/corrupt.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]).write(to: URL(fileURLWithPath: corrupt))
        inputs.insert(ImageInput(path: corrupt, name: "corrupt.png", currentDensity: 1), at: 2)
        inputs.append(ImageInput(path: folder + "/missing.tif", name: "missing.tif", currentDensity: 4))
        return (folder, inputs)
    }

    @Test("bad files become error rows, the rest is analysed, tables keep input order")
    func mixedBatch() async throws {
        let (folder, inputs) = try Self.makeBatch()
        let out = folder + "/out"
        let summary = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(inputs, outputDirectory: out)
        #expect(summary.records.map(\.image) == inputs.map(\.name))
        #expect(summary.failureCount == 2)
        #expect(summary.records[2].measurement == nil && summary.records[5].measurement == nil)
        guard case let .failed(reason) = summary.records[2].outcome else { Issue.record("corrupt file analysed"); return }
        #expect(reason.contains("PNG"))
        let images = try String(contentsOfFile: out + "/images.csv", encoding: .utf8).split(separator: "\n")
        #expect(images.count == 1 + inputs.count)
        #expect(images[3].hasPrefix("corrupt.png,error,"))
        #expect(images[1].hasPrefix("img0.tif,ok,,1,"))
        // Overlays only for analysed images, at the frame size.
        for k in 0 ..< 4 {
            let overlay = try ImageDecoder().decodeFile(atPath: out + "/overlays/img\(k).tif.png")
            #expect(overlay.raster.width == 200 && overlay.raster.height == 160 && overlay.raster.channels == 3)
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/overlays/corrupt.png.png"))
        // Two distinct current densities among the analysed images: a fit over the four points.
        let fit = try #require(summary.fit)
        let json = try JSONSerialization.jsonObject(with: fit.json()) as? [String: Any]
        let linear = json?["inverse_radius_linear"] as? [String: Any]
        #expect(linear?["n_points"] as? Int == 4)
        #expect(FileManager.default.fileExists(atPath: out + "/fit.json"))
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test("tables are byte-identical with 1 and 3 parallel jobs")
    func deterministic() async throws {
        let (folder, inputs) = try Self.makeBatch()
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 1).run(inputs, outputDirectory: folder + "/one")
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 3).run(inputs, outputDirectory: folder + "/three")
        for file in ["images.csv", "pores.csv", "fit.json", "overlays/img1.tif.png"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/one/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/three/" + file))
            #expect(a == b, "\(file) differs between job counts")
        }
    }

    @Test("one image on 2 threads (split, measurements, network and overlay side by side): the files of 1 thread")
    func oneImageTwoThreads() async throws {
        let (folder, inputs) = try Self.makeBatch()
        let one = Array(inputs.prefix(1))
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 1).run(one, outputDirectory: folder + "/t1")
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(one, outputDirectory: folder + "/t2")
        let overlays = try FileManager.default.contentsOfDirectory(atPath: folder + "/t1/overlays").sorted()
        #expect(overlays.count == 2, "the pore and the cell overlay: \(overlays)")
        for file in ["images.csv", "pores.csv", "cells.csv"] + overlays.map({ "overlays/" + $0 }) {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/t1/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/t2/" + file))
            #expect(a == b, "\(file) differs between 1 and 2 threads")
        }
    }

    @Test("fewer than two distinct current densities: no fit.json, and a stale one is removed")
    func noFit() async throws {
        let (folder, inputs) = try Self.makeBatch()
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: out + "/fit.json"))
        let summary = try await BatchRunner(options: AnalysisOptions(), jobs: 2)
            .run(Array(inputs.prefix(2)), outputDirectory: out)
        #expect(summary.fit == nil)
        #expect(summary.fitNote?.contains("2 distinct") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/fit.json"))
    }

    @Test("overlay names stay unique when two inputs share a file name")
    func overlayNames() async throws {
        let (folder, inputs) = try Self.makeBatch()
        let sub = folder + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: inputs[0].path, toPath: sub + "/img0.tif")
        let twins = [inputs[0], ImageInput(path: sub + "/img0.tif", name: "sub/img0.tif")]
        _ = try await BatchRunner(options: AnalysisOptions(), jobs: 2).run(twins, outputDirectory: folder + "/o")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/o/overlays").sorted()
        // Each twin keeps its own pore and cell overlays.
        #expect(names == ["img0.tif-2.cells.png", "img0.tif-2.png", "img0.tif.cells.png", "img0.tif.png"])
    }
}
