// swift-tools-version: 6.2
// libFuzzer harness for Lacuna's decoders and parsers (docs/reliability.md), kept apart from the
// main package so that `swift build` / `swift test` never see the fuzzer runtime. scripts/fuzz
// builds it with `--sanitize=fuzzer --sanitize=address` into `.build-fuzz`.
//
// Sources/Lacuna/* are symbolic links to the main package's module folders, so the harness
// compiles the same files with fuzzer instrumentation. It re-declares the part of the module graph
// the parsers need, without swift-crypto (its BoringSSL build would dominate the fuzz build) and
// so without the batch runner and result cache of LacunaPipeline, which are the files that hash.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

func module(_ name: String, _ dependencies: [Target.Dependency], exclude: [String] = []) -> Target {
    .target(name: name, dependencies: dependencies, path: "Sources/Lacuna/\(name)", exclude: exclude,
            swiftSettings: strict)
}

let package = Package(
    name: "LacunaFuzz",
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CPNG", path: "Sources/Lacuna/CPNG", pkgConfig: "libpng"),
        .systemLibrary(name: "CJPEG", path: "Sources/Lacuna/CJPEG", pkgConfig: "libjpeg"),
        .systemLibrary(name: "CTIFF", path: "Sources/Lacuna/CTIFF", pkgConfig: "libtiff-4"),
        .systemLibrary(name: "CDeflate", path: "Sources/Lacuna/CDeflate", pkgConfig: "libdeflate"),
        .target(name: "CLacunaCodecs", dependencies: ["CPNG", "CJPEG", "CTIFF", "CDeflate"],
                path: "Sources/Lacuna/CLacunaCodecs",
                linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg"), .linkedLibrary("tiff"),
                                 .linkedLibrary("deflate")]),
        module("LacunaImage", []),
        module("LacunaIO", ["LacunaImage", "CLacunaCodecs"]),
        module("LacunaSegmentation", ["LacunaImage", .product(name: "HeapModule", package: "swift-collections")]),
        module("LacunaMeasure", ["LacunaImage", "LacunaSegmentation"]),
        module("LacunaFit", ["LacunaImage"]),
        module("LacunaNetwork", ["LacunaImage", "LacunaSegmentation", "LacunaMeasure", "LacunaFit"]),
        module("LacunaReport", ["LacunaImage", "LacunaIO", "LacunaMeasure", "LacunaFit", "LacunaNetwork", "CLacunaCodecs",
                                .product(name: "CSV", package: "CSV.swift")]),
        module("LacunaPipeline", ["LacunaImage", "LacunaIO", "LacunaSegmentation", "LacunaMeasure", "LacunaFit",
                                  "LacunaNetwork", "LacunaReport", .product(name: "CSV", package: "CSV.swift"),
                                  .product(name: "Yams", package: "Yams")],
               exclude: ["FileDigest.swift", "ResultCache.swift", "InputWorker.swift", "BatchRunner.swift",
                         "ShardMerge.swift"]),
        .executableTarget(
            name: "lacuna-fuzz",
            dependencies: ["LacunaIO", "LacunaPipeline"],
            path: "Sources/LacunaFuzz",
            swiftSettings: strict + [
                .treatAllWarnings(as: .error),
                // libFuzzer supplies `main`; the harness only exports LLVMFuzzerTestOneInput.
                .unsafeFlags(["-parse-as-library"]),
            ]
        ),
    ]
)
