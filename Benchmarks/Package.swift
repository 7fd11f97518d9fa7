// swift-tools-version: 6.1
// Lacuna's benchmarks, apart from the main package so that its build and CI stay lean
// (../shared/STYLE.md). Two consumers of one set of stage definitions (`LacunaStages`):
// - `LacunaBenchmarks`, an ordo-one/benchmark suite (`swift package benchmark`) whose malloc
//   counts are checked against `Thresholds/`;
// - `lacuna-stages`, a plain executable that times the same stages and prints JSON medians for
//   `scripts/bench/compare`, and converts `lacuna synth` frames into the benchmark fixtures.
import PackageDescription

/// Swift 6 mode, warnings as errors (tools 6.1 has no `treatAllWarnings`; a root package may
/// pass the flag itself).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "LacunaBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Lacuna", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "LacunaStages",
            dependencies: [.product(name: "LacunaPipeline", package: "Lacuna")],
            swiftSettings: strict),
        .executableTarget(
            name: "lacuna-stages",
            dependencies: ["LacunaStages"],
            swiftSettings: strict),
        .executableTarget(
            name: "LacunaBenchmarks",
            dependencies: ["LacunaStages", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/LacunaBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
