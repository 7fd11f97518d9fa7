import Foundation
import LacunaTestSupport
import Testing

/// `--resume`, `--shard K/N` and `lacuna merge` give the same bytes as one uninterrupted run.
@Suite("analyze: resume, shards and merge", .enabled(if: TestPaths.lacunaBinary != nil), .serialized)
struct ResumeShardTests {
    /// One uninterrupted run of the bundled manifest with `--jobs 1`, shared by the tests.
    static let reference: (folder: String, files: [String: Data])? = {
        let folder = TestPaths.makeScratchFolder() + "/reference"
        guard let run = try? LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", folder,
                                                "--jobs", "1", "--quiet"]), run.status == 0,
              let files = try? LacunaProcess.deterministicFiles(in: folder) else { return nil }
        return (folder, files)
    }()

    func cacheEntries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/.lacuna/images")) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("--jobs 2 gives the bytes of --jobs 1; every input has a cache entry")
    func jobsEquality() throws {
        let reference = try #require(Self.reference)
        // 5 tables (cells.csv too), report.html, 8 pore and 8 cell overlays, 3 fit plots,
        // 4 radius histograms, the sides distribution and the Lewis plot
        #expect(reference.files.keys.contains("fit.json") && reference.files.count == 6 + 16 + 3 + 4 + 2)
        let out = TestPaths.makeScratchFolder() + "/j2"
        let run = try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", out, "--jobs", "2", "--quiet"])
        #expect(run.status == 0)
        #expect(try LacunaProcess.deterministicFiles(in: out) == reference.files)
        #expect(cacheEntries(out).count == 8)
    }

    @Test("deleted cache entries, a deleted overlay and a damaged table: --resume redoes only those images, same bytes")
    func resumeAfterDeletion() throws {
        let reference = try #require(Self.reference)
        let out = TestPaths.makeScratchFolder() + "/r"
        #expect(try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", out, "--quiet"]).status == 0)
        let entries = cacheEntries(out)
        for name in entries.prefix(3) { try FileManager.default.removeItem(atPath: out + "/.lacuna/images/" + name) }
        try FileManager.default.removeItem(atPath: out + "/overlays/li_10mAcm2_2.tif.png")
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: out + "/pores.csv"))
        let run = try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", out, "--resume",
                                         "--jobs", "2", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try LacunaProcess.deterministicFiles(in: out) == reference.files)
        let inputs = try #require(try LacunaProcess.runLog(in: out)["inputs"] as? [[String: Any]])
        let reused = inputs.filter { $0["reused"] as? Bool == true }.count
        // 3 entries deleted, and a 4th input lost its overlay unless it was among them.
        #expect(reused == 4 || reused == 5, "reused \(reused)")
        #expect(try LacunaProcess.runLog(in: out)["resume"] as? Bool == true)
    }

    @Test("a changed option or a changed file is not reused")
    func resumeInvalidation() throws {
        let folder = TestPaths.makeScratchFolder()
        let image = folder + "/x.tif"
        try FileManager.default.copyItem(atPath: LacunaProcess.image("li_1mAcm2_1.tif"), toPath: image)
        let out = folder + "/o"
        #expect(try LacunaProcess.run(["analyze", image, "--out", out, "--quiet"]).status == 0)
        func reusedFlags(_ extra: [String]) throws -> [Bool] {
            let run = try LacunaProcess.run(["analyze", image, "--out", out, "--resume", "--quiet"] + extra)
            #expect(run.status == 0)
            let inputs = try #require(try LacunaProcess.runLog(in: out)["inputs"] as? [[String: Any]])
            return inputs.map { $0["reused"] as? Bool ?? false }
        }
        #expect(try reusedFlags([]) == [true])
        #expect(try reusedFlags(["--min-area", "30"]) == [false])
        #expect(try reusedFlags(["--min-area", "30"]) == [true])
        try FileManager.default.removeItem(atPath: image)
        try FileManager.default.copyItem(atPath: LacunaProcess.image("li_2mAcm2_1.tif"), toPath: image)
        #expect(try reusedFlags(["--min-area", "30"]) == [false])
    }

    @Test("a run killed in the middle, then --resume: the same bytes as an uninterrupted run")
    func resumeAfterKill() throws {
        let reference = try #require(Self.reference)
        let out = TestPaths.makeScratchFolder() + "/k"
        let process = try LacunaProcess.start(["analyze", "--manifest", LacunaProcess.manifest, "--out", out,
                                               "--jobs", "1", "--quiet"])
        let deadline = Date().addingTimeInterval(120)
        while cacheEntries(out).count < 3 && process.isRunning && Date() < deadline { usleep(20_000) }
        let killedEarly = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedEarly, "the run finished before it could be killed")
        let left = cacheEntries(out).count
        #expect(left >= 3 && left < 8)
        #expect(!FileManager.default.fileExists(atPath: out + "/images.csv"))
        let run = try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", out, "--resume",
                                         "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try LacunaProcess.deterministicFiles(in: out) == reference.files)
        let inputs = try #require(try LacunaProcess.runLog(in: out)["inputs"] as? [[String: Any]])
        #expect(inputs.filter { $0["reused"] as? Bool == true }.count == left)
        for sub in ["", "/overlays", "/.lacuna/images"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: out + sub)
            #expect(!names.contains { $0.contains(".partial-") }, "left in \(sub): \(names)")
        }
    }

    @Test("--shard 1/3, 2/3, 3/3 merged equal the unsharded run; a missing shard is an error")
    func shardMerge() throws {
        let reference = try #require(Self.reference)
        let folder = TestPaths.makeScratchFolder()
        var shards: [String] = []
        for k in 1 ... 3 {
            let out = folder + "/shard\(k)"
            let run = try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", out,
                                             "--shard", "\(k)/3", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let indices = try #require(try LacunaProcess.runLog(in: out)["inputs"] as? [[String: Any]]).map { $0["index"] as? Int }
            #expect(indices == Array(stride(from: k - 1, to: 8, by: 3)))
            shards.append(out)
        }
        let merged = folder + "/merged"
        let run = try LacunaProcess.run(["merge"] + shards.reversed() + ["--out", merged, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try LacunaProcess.deterministicFiles(in: merged) == reference.files)
        #expect(try LacunaProcess.runLog(in: merged)["merged_from"] as? [String] == shards.reversed())

        let incomplete = try LacunaProcess.run(["merge", shards[0], shards[2], "--out", folder + "/bad"])
        #expect(incomplete.status == 1 && incomplete.stderr.contains("shard missing"))
        let twice = try LacunaProcess.run(["merge", shards[0], shards[0], "--out", folder + "/bad"])
        #expect(twice.status == 1 && twice.stderr.contains("more than one folder"))
        let bad = try LacunaProcess.run(["analyze", "--manifest", LacunaProcess.manifest, "--out", folder + "/x",
                                         "--shard", "4/3"])
        #expect(bad.status == 2)
    }
}
