import Foundation
import LacunaImage
import LacunaIO
import LacunaMeasure
@testable import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Synchronization
import Testing

@Suite("Overlays one at a time on large frames")
struct OverlayGateTests {
    @Test("the gate lets one body run at a time on two threads")
    func gate() {
        let gate = OverlayGate(oneAtATime: true)
        let running = Atomic<Int>(0), most = Atomic<Int>(0)
        let body = {
            gate.run {
                let now = running.add(1, ordering: .sequentiallyConsistent).newValue
                _ = most.max(now, ordering: .sequentiallyConsistent)
                usleep(50_000) // long enough that two unguarded bodies overlap
                running.subtract(1, ordering: .sequentiallyConsistent)
            }
        }
        _ = runBoth(parallel: true, body, body)
        #expect(most.load(ordering: .sequentiallyConsistent) == 1)
    }

    @Test("two threads drawing the overlays one at a time: the measurement (threshold sensitivity included) and overlay files of both at once and of one thread",
          arguments: [false, true])
    func sameResults(local: Bool) throws {
        let decoded = SyntheticFiles.decoded(ImageAnalyzerTests.smallImage(seed: 9191))
        let folder = TestPaths.makeScratchFolder()
        var options = AnalysisOptions()
        if local { options.segmentation.local = .sauvola }
        func run(threads: Int, from pixels: Int, _ tag: String) throws -> (ImageMeasurement, Data, Data) {
            var analyzer = ImageAnalyzer(options: options)
            analyzer.threads = threads
            analyzer.oneOverlayAtATimeFrom = pixels
            analyzer.overlayThumbnailWidth = 120
            let pores = folder + "/\(tag).png", cells = folder + "/\(tag).cells.png"
            analyzer.overlayFiles = .init(pores: pores, cells: cells, digest: { String($0.count) })
            let analyzed = try analyzer.analyze(decoded, input: ImageInput(path: "a.tif"))
            guard case .written(.success)? = analyzed.cellOverlay, case .written(.success)? = analyzed.encodedOverlay?.png else {
                Issue.record("both overlays written (\(tag))")
                return (analyzed.measurement, Data(), Data())
            }
            return (analyzed.measurement, try Data(contentsOf: URL(fileURLWithPath: pores)),
                    try Data(contentsOf: URL(fileURLWithPath: cells)))
        }
        let gated = try run(threads: 2, from: 0, "gated")
        let open = try run(threads: 2, from: Int.max, "open")
        let single = try run(threads: 1, from: 0, "single")
        let sensitivity = try #require(gated.0.thresholdSensitivity, "the sensitivity pass ran")
        #expect(sensitivity.porosityLower != sensitivity.porosityRaised, "the two cuts differ")
        for other in [open, single] {
            #expect(gated.0 == other.0)
            #expect(gated.1 == other.1 && !gated.1.isEmpty)
            #expect(gated.2 == other.2 && !gated.2.isEmpty)
        }
    }
}
