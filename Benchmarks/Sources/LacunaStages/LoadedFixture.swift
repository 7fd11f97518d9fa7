import LacunaImage
import LacunaIO

/// A ``StageFixture`` of either depth, decoded from its PNG file.
public enum LoadedFixture: Sendable {
    case uint8(StageFixture<UInt8>)
    case uint16(StageFixture<UInt16>)

    /// Decodes `files.png` and prepares the inputs of `stages`.
    /// - Throws: `ImageIOError` when the PNG cannot be read.
    public init(files: FixtureFiles, stages: Set<Stage>) throws(ImageIOError) {
        let raster = try ImageDecoder().decodeFile(atPath: files.png).raster
        switch raster.luminance() {
        case let .uint8(grey):
            self = .uint8(StageFixture(files: files, grey: grey, display: grey, stages: stages))
        case let .uint16(grey):
            self = .uint16(StageFixture(files: files, grey: grey, display: nil, stages: stages))
        case .float32:
            preconditionFailure("fixture \(files.png) decoded as floating point")
        }
    }

    public var files: FixtureFiles {
        switch self {
        case let .uint8(f): f.files
        case let .uint16(f): f.files
        }
    }

    public var poreCount: Int {
        switch self {
        case let .uint8(f): f.poreCount
        case let .uint16(f): f.poreCount
        }
    }

    /// Runs `stage` once (see ``StageFixture/run(_:)``).
    public func run(_ stage: Stage) -> Int {
        switch self {
        case let .uint8(f): f.run(stage)
        case let .uint16(f): f.run(stage)
        }
    }
}
