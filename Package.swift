// swift-tools-version: 6.2
// Lacuna: calibrated pore (hole) analysis of SEM and TOF-SIMS micrographs.
// Targets follow ../shared/STYLE.md: one module per layer, arrows point one way
// (C shims → codecs → image → IO/segmentation → measure → fit/report → pipeline → CLI).
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Lacuna",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lacuna", targets: ["lacuna"]),
        .library(name: "LacunaPipeline", targets: ["LacunaPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", path: "Sources/CJPEG", pkgConfig: "libjpeg",
                       providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CTIFF", path: "Sources/CTIFF", pkgConfig: "libtiff-4",
                       providers: [.apt(["libtiff-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .target(
            name: "CLacunaCodecs",
            dependencies: ["CPNG", "CJPEG", "CTIFF", "CDeflate"],
            cSettings: [.unsafeFlags(["-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter"])],
            linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg"), .linkedLibrary("tiff"), .linkedLibrary("deflate")]
        ),
        .target(name: "LacunaImage", swiftSettings: strict),
        .target(name: "LacunaIO",
                dependencies: ["LacunaImage", "CLacunaCodecs"], swiftSettings: strict),
        .target(name: "LacunaSegmentation",
                dependencies: ["LacunaImage", .product(name: "HeapModule", package: "swift-collections")],
                swiftSettings: strict),
        .target(name: "LacunaMeasure", dependencies: ["LacunaImage", "LacunaSegmentation"], swiftSettings: strict),
        .target(name: "LacunaFit", dependencies: ["LacunaImage"], swiftSettings: strict),
        .target(name: "LacunaNetwork",
                dependencies: ["LacunaImage", "LacunaSegmentation", "LacunaMeasure", "LacunaFit"],
                swiftSettings: strict),
        .target(name: "LacunaReport",
                dependencies: ["LacunaImage", "LacunaIO", "LacunaMeasure", "LacunaFit", "LacunaNetwork", "CLacunaCodecs",
                               .product(name: "CSV", package: "CSV.swift")],
                swiftSettings: strict),
        .target(name: "LacunaSynth",
                dependencies: ["LacunaImage", "LacunaIO"], swiftSettings: strict),
        .target(name: "LacunaPipeline",
                dependencies: ["LacunaImage", "LacunaIO", "LacunaSegmentation", "LacunaMeasure",
                               "LacunaFit", "LacunaNetwork", "LacunaReport", "CLacunaCodecs",
                               .product(name: "CSV", package: "CSV.swift"),
                               .product(name: "Yams", package: "Yams"),
                               .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .executableTarget(
            name: "lacuna",
            dependencies: ["LacunaPipeline", "LacunaSynth", "LacunaNetwork",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(name: "LacunaTestSupport",
                dependencies: ["LacunaImage", "LacunaIO", "LacunaSynth"],
                path: "Tests/LacunaTestSupport", swiftSettings: strict),

        .testTarget(name: "LacunaImageTests", dependencies: ["LacunaImage"], swiftSettings: strict),
        .testTarget(name: "LacunaIOTests", dependencies: ["LacunaIO", "CLacunaCodecs", "CDeflate", "LacunaSynth", "LacunaTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LacunaSegmentationTests",
                    dependencies: ["LacunaSegmentation", "LacunaIO", "LacunaTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "LacunaMeasureTests",
                    dependencies: ["LacunaMeasure", "LacunaSegmentation", "LacunaSynth", "LacunaTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LacunaNetworkTests",
                    dependencies: ["LacunaNetwork", "LacunaSegmentation", "LacunaSynth", "LacunaTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LacunaFitTests", dependencies: ["LacunaFit"], swiftSettings: strict),
        .testTarget(name: "LacunaReportTests", dependencies: ["LacunaReport", "LacunaNetwork", "LacunaSegmentation", "LacunaSynth", "LacunaTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LacunaSynthTests",
                    dependencies: ["LacunaSynth", "LacunaIO", "LacunaTestSupport"], swiftSettings: strict),
        .testTarget(name: "LacunaPipelineTests",
                    dependencies: ["LacunaPipeline", "LacunaSynth", "LacunaTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["lacuna", "LacunaTestSupport"], swiftSettings: strict),
    ]
)
