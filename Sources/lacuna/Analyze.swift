import ArgumentParser
import Foundation
import LacunaPipeline
import LacunaReport
import LacunaSegmentation

extension PorePolarity: ExpressibleByArgument {}

/// `lacuna analyze [FILE...] [--manifest CSV] --out DIR …`
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Segment and measure pores; write images.csv, pores.csv, fit.json and overlays.")

    @Argument(help: "Image files (PNG, JPEG, TIFF).")
    var files: [String] = []

    @Option(name: .long, help: "CSV with columns image, and optionally current_density (mA/cm²), pixel_size_um, condition.")
    var manifest: String?

    @Option(name: .long, help: "Output folder (created if needed).")
    var out: String

    @Option(name: .long, help: "Pixel size in µm for every image; overrides metadata (source 'manual').")
    var pixelSize: Double?

    @Option(name: .long, help: "Whether pores are darker or brighter than the framework.")
    var pores: PorePolarity = .dark

    @Option(name: .long, help: "Gaussian smoothing σ in pixels before thresholding (0 disables).")
    var sigma: Double = 1.0

    @Option(name: .long, help: "Drop pores smaller than this many pixels.")
    var minArea: Int = 10

    @Option(name: .long, help: "Largest image accepted, in pixels.")
    var maxPixels: Int = 500_000_000

    @Option(name: .long, help: "Images analysed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if files.isEmpty && manifest == nil { throw ValidationError("give image files or --manifest") }
        if let pixelSize, !(pixelSize.isFinite && pixelSize > 0) {
            throw ValidationError("--pixel-size must be a positive number of µm, got \(pixelSize)")
        }
        if !(sigma.isFinite && sigma >= 0 && sigma <= 100) { throw ValidationError("--sigma must be in 0…100 px") }
        if minArea < 1 { throw ValidationError("--min-area must be ≥ 1 px") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be ≥ 1") }
        if jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be in 1…1024") }
    }

    func run() async throws {
        var inputs = files.map { ImageInput(path: $0) }
        if let manifest {
            do {
                inputs += try Manifest.read(path: manifest)
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
        }
        var options = AnalysisOptions()
        options.polarity = pores
        options.blurSigma = sigma
        options.minimumPoreArea = minArea
        options.pixelSizeOverride = pixelSize
        options.maxPixels = maxPixels
        let total = inputs.count
        let quiet = self.quiet
        let counter = ProgressCounter()
        let summary: BatchSummary
        do {
            summary = try await BatchRunner(options: options, jobs: jobs).run(inputs, outputDirectory: out) { _, record in
                let done = counter.increment()
                switch record.outcome {
                case .failed(let reason): printError("[\(done)/\(total)] \(record.image): error: \(reason)")
                case .measured(let m) where !quiet:
                    printError("[\(done)/\(total)] \(record.image): \(m.pores.count) pores")
                default: break
                }
            }
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.failure)
        }
        if !quiet {
            if let fit = summary.fit { print(fit.summary()) }
            if let note = summary.fitNote { printError(note) }
            printError("wrote \(out)/images.csv, pores.csv\(summary.fit == nil ? "" : ", fit.json") and overlays/")
        }
        if summary.failureCount > 0 {
            printError("\(summary.failureCount) of \(total) images failed")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
    }
}

/// Counts finished images across tasks.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
