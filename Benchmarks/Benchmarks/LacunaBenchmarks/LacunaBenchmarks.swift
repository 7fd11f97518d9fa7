// Per-stage benchmarks of Lacuna (ordo-one/benchmark): every `Stage` on every fixture it runs
// on, named "<fixture>.<stage>" (e.g. "1024x768-8.blur"; no spaces, which benchmark 1.38 turns
// into "_" when writing Thresholds/ files but not when reading them). Wall time is reported; malloc counts
// are deterministic and checked against Thresholds/ (`swift package benchmark thresholds check`).
//
// Fixtures come from scripts/bench/fixtures (run by scripts/bench/run):
//   LACUNA_BENCH_FIXTURES  folder of the fixture files (default ../.build-bench/fixtures)
//   LACUNA_BENCH_SIZES     comma-separated WxH sizes (default 1024x768), or "all" for
//                          1024x768, 2048x1536, 4096x3072 and 8192x8192
import Benchmark
import Foundation
import LacunaStages

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let folder = environment["LACUNA_BENCH_FIXTURES"] ?? "../.build-bench/fixtures"
    let sizes = BenchmarkSizes.parse(environment["LACUNA_BENCH_SIZES"] ?? "")
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 20,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 2.0])])
    for (width, height) in sizes {
        for bits in [8, 16] {
            let files = FixtureFiles(folder: folder, width: width, height: height, bits: bits)
            for stage in Stage.allCases where stage.runs(onBits: bits) {
                Benchmark("\(files.name).\(stage.rawValue)") { benchmark in
                    let fixture = FixtureCache.shared.fixture(files)
                    benchmark.startMeasurement()
                    for _ in benchmark.scaledIterations { blackHole(fixture.run(stage)) }
                }
            }
        }
    }
}
