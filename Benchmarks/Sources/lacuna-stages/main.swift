// lacuna-stages: the per-stage side of scripts/bench/compare.
//
//   lacuna-stages convert --synth FILE.tif --out DIR --size WxH --bits 8|16
//       writes DIR/WxH-BITS.{png,jpg,tif} from a `lacuna synth` TIFF (FixtureWriter)
//   lacuna-stages time --fixtures DIR --size WxH --bits 8|16 [--stages a,b] [--warmups 1] [--repetitions 5]
//       prints a JSON object: per stage the wall and CPU medians and every run in ms (one thread)
import Foundation
import LacunaStages

let usage = """
    usage: lacuna-stages convert --synth FILE.tif --out DIR --size WxH --bits 8|16
           lacuna-stages time --fixtures DIR --size WxH --bits 8|16 [--stages a,b,...] [--warmups 1] [--repetitions 5]
    stages: \(Stage.allCases.map(\.rawValue).joined(separator: ", "))
    """

/// Runs the command in `arguments`; returns the process exit code.
func main(_ arguments: [String]) -> Int32 {
    do {
        let args = try Arguments(arguments)
        switch args.command {
        case "convert": try convert(args)
        case "time": try time(args)
        default: throw UsageError("unknown command '\(args.command)'")
        }
        return 0
    } catch let error as UsageError {
        FileHandle.standardError.write(Data("lacuna-stages: \(error.message)\n\(usage)\n".utf8))
        return 64
    } catch {
        FileHandle.standardError.write(Data("lacuna-stages: \(error)\n".utf8))
        return 1
    }
}

/// The fixture named by `--size` and `--bits` in `folder`.
func fixtureFiles(_ args: Arguments, folder: String) throws(UsageError) -> FixtureFiles {
    let sizeText = try args.string("size")
    guard let size = FixtureFiles.size(parsing: sizeText) else { throw UsageError("bad --size '\(sizeText)'") }
    let bits = try args.int("bits", default: 8)
    guard bits == 8 || bits == 16 else { throw UsageError("--bits must be 8 or 16, got \(bits)") }
    return FixtureFiles(folder: folder, width: size.width, height: size.height, bits: bits)
}

func convert(_ args: Arguments) throws {
    if let extra = args.unknown(besides: ["synth", "out", "size", "bits"]).first { throw UsageError("unknown option --\(extra)") }
    let files = try fixtureFiles(args, folder: try args.string("out"))
    try FileManager.default.createDirectory(atPath: files.folder, withIntermediateDirectories: true)
    try FixtureWriter.write(fromSynth: try args.string("synth"), to: files)
}

func time(_ args: Arguments) throws {
    let known: Set = ["fixtures", "size", "bits", "stages", "warmups", "repetitions"]
    if let extra = args.unknown(besides: known).first { throw UsageError("unknown option --\(extra)") }
    let files = try fixtureFiles(args, folder: try args.string("fixtures"))
    guard files.exist else { throw UsageError("fixture \(files.name) missing in \(files.folder) (scripts/bench/fixtures makes it)") }
    let names = try args.string("stages", default: Stage.allCases.map(\.rawValue).joined(separator: ","))
    var stages: [Stage] = []
    for name in names.split(separator: ",") {
        guard let stage = Stage(rawValue: String(name)) else { throw UsageError("unknown stage '\(name)'") }
        if stage.runs(onBits: files.bits) { stages.append(stage) }
    }
    let warmups = try args.int("warmups", default: 1)
    let repetitions = try args.int("repetitions", default: 5)
    guard repetitions >= 1, warmups >= 0 else { throw UsageError("need --repetitions ≥ 1 and --warmups ≥ 0") }
    let fixture = try LoadedFixture(files: files, stages: Set(stages))
    var results: [String: Any] = [:]
    for stage in stages {
        let timing = StageTiming(stage: stage, fixture: fixture, warmups: warmups, repetitions: repetitions)
        let wall = median(timing.milliseconds), cpu = median(timing.cpuMilliseconds)
        let shown = "\((wall * 100).rounded() / 100) ms wall, \((cpu * 100).rounded() / 100) ms CPU"
        FileHandle.standardError.write(Data("lacuna-stages: \(files.name) \(stage.rawValue): \(shown)\n".utf8))
        results[stage.rawValue] = ["median_ms": wall, "times_ms": timing.milliseconds, "cpu_median_ms": cpu,
                                   "cpu_times_ms": timing.cpuMilliseconds, "checksum": timing.checksum]
    }
    let report: [String: Any] = [
        "fixture": files.name, "width": files.width, "height": files.height, "bits": files.bits,
        "pores": fixture.poreCount, "warmups": warmups, "repetitions": repetitions, "stages": results,
    ]
    let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
    FileHandle.standardOutput.write(json + Data("\n".utf8))
}

exit(main(Array(CommandLine.arguments.dropFirst())))
