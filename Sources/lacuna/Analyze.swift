import ArgumentParser
import Foundation
import LacunaIO
import LacunaMeasure
import LacunaPipeline
import LacunaReport
import LacunaSegmentation

extension PorePolarity: ExpressibleByArgument {}
extension ColorMap: ExpressibleByArgument {}
extension RadiusDefinition: ExpressibleByArgument {}
extension EdgeHandling: ExpressibleByArgument {}
extension BoundaryMethod: ExpressibleByArgument {}
extension MeasurementSet: ExpressibleByArgument {}
extension OverlaySet: ExpressibleByArgument {}

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

    @Option(name: .long, help: "Data bar: auto (metadata, else pixel heuristic), none, or a number of rows.")
    var databar: String = "auto"

    @Option(name: .long, help: "Page of multi-page TIFFs to analyse, from 1, or 'all' (each page its own row).")
    var page: String = "1"

    @Option(name: .long, help: "Analyse only this rectangle of the frame: x,y,width,height in pixels.")
    var roi: String?

    @Option(name: .long, help: "Length in µm of the scale bar in the data bar; sets the pixel size from it.")
    var scaleBarUm: Double?

    @Option(name: .long, help: "Invert colour-mapped RGB images through this map: jet, viridis, magma, inferno, plasma, hot, gray.")
    var colormap: ColorMap?

    @Option(name: .long, help: "Radius the per-image distribution statistics use: equivalent, inscribed, feret, min-feret, local-thickness.")
    var radius: RadiusDefinition = .equivalent

    @Option(name: .long, help: "Pores touching the frame edge in those statistics: exclude, weight (Miles–Lantuéjoul), include.")
    var edge: EdgeHandling = .exclude

    @Option(name: .long, help: "Pore outlines for areas and radii: subpixel (edge zero crossings) or pixels (thresholded pixel count).")
    var boundary: BoundaryMethod = .subpixel

    @Option(name: .long, help: "Per-pore measurements: full (shape descriptors, threshold sensitivity, edge blur) or basic (sizes, perimeters, porosity, cells).")
    var measure: MeasurementSet = .full

    @Option(name: .long, help: "Overlays written: all (the pore overlay and the cell overlay) or pores (the pore overlay only).")
    var overlays: OverlaySet = .all

    @Option(name: .long, help: "Split touching pores at distance-map maxima of more than this dynamic in px, or 'none'.")
    var splitTolerance: String = "1"

    @Option(name: .long, help: "Radius in px of a disc opening of the pore mask (0: none).")
    var open: Double = 0

    @Option(name: .long, help: "Radius in px of a disc closing of the pore mask (0: none).")
    var close: Double = 0

    @Flag(name: .long, help: "Drop pores touching the frame or ROI edge entirely.")
    var clearBorder = false

    @Option(name: .long, help: "Image of the frame's size (data bar cut off) whose non-zero pixels are analysed.")
    var roiMask: String?

    @Flag(name: .long, help: "Leave out large featureless regions (vacuum, cap layer): low local variance.")
    var autoMask = false

    @Option(name: .long, help: "Window radius in px of --auto-mask; must exceed the largest pore radius.")
    var autoMaskWindow: Int = 64
    @OptionGroup var network: NetworkFlags

    @Option(name: .long, help: "Global threshold (default otsu): otsu, li, triangle, yen, isodata, huang, maxentropy, mean, minimum, intermodes, moments, percentile, manual.")
    var threshold: String?

    @Option(name: .long, help: "Grey level for --threshold manual, at the image's depth (pores ≤ it when dark).")
    var thresholdValue: Int?

    @Option(name: .long, help: "Fraction of pixels at or below the level for --threshold percentile (default 0.5).")
    var thresholdPercentile: Double?

    @Option(name: .long, help: "skimage (default: one bin per integer) or imagej (256 bins over min–max, ImageJ's methods).")
    var thresholdConvention: String?

    @Option(name: .long, help: "Local threshold instead of the global one: sauvola, niblack, phansalkar, bernsen.")
    var local: String?

    @Option(name: .long, help: "Local window side in pixels, odd, 3…4095 (default 15).")
    var window: Int?

    @Option(name: .long, help: "Local k (default 0.2 sauvola/niblack, 0.25 phansalkar).")
    var k: Double?

    @Option(name: .long, help: "Bernsen's minimum local contrast in 8-bit grey levels (default 15).")
    var localContrast: Double?

    @Option(name: .long, help: "Background flattening: rolling-ball or gaussian (default none).")
    var background: String?

    @Option(name: .long, help: "Rolling-ball radius or Gaussian σ of the background in pixels (default 50).")
    var backgroundRadius: Double?

    @Option(name: .long, help: "Denoising before thresholding: median (disk) or bilateral (default none).")
    var denoise: String?

    @Option(name: .long, help: "Median radius in whole pixels, or bilateral spatial σ in pixels (default 1).")
    var denoiseRadius: Double?

    @Option(name: .long, help: "Bilateral range σ in 8-bit grey levels (default 20).")
    var denoiseRange: Double?

    @Flag(name: .long, help: "Contrast-limited adaptive histogram equalisation before thresholding.")
    var clahe = false

    @Option(name: .long, help: "CLAHE clip limit, a fraction of a tile's pixels per bin in (0, 1] (default 0.01).")
    var claheClip: Double?

    @Option(name: .long, help: "CLAHE tiles per side, 1…64 (default 8).")
    var claheTiles: Int?

    @Option(name: .long, help: "none (default) or anscombe: 2√(x + 3/8) on count maps (TOF-SIMS) before everything else.")
    var poisson: String?

    @Option(name: .long, help: "k × k binning of count maps before everything else, 1…16 (default 1: off).")
    var poissonBin: Int?

    @Option(name: .long, help: "Images analysed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Print every image, also under the progress bar on a terminal.")
    var verbose = false

    @Option(name: .long, help: "YAML file of analysis parameters ('lacuna config --defaults' prints one); flags override it.")
    var config: String?

    @Flag(name: .long, help: "Reuse the results of images whose file and settings are unchanged since the last run in --out.")
    var resume = false

    @Option(name: .long, help: "Analyse only shard K of N (inputs whose position from 0, mod N, is K−1); see 'lacuna merge'.")
    var shard: String?

    @Flag(name: .long, help: "Also write masks/<name>.mask.png (0/255) and masks/<name>.labels.tif (ImageJ-calibrated labels).")
    var saveMasks = false

    @Option(name: .long, help: "Seconds each image may take; past it the image becomes an error row (checked between analysis stages).")
    var timeoutPerImage: Double?

    @Flag(name: .long, help: "Allow --out to be a folder that holds input files (outputs never replace an input).")
    var force = false

    func validate() throws {
        if files.isEmpty && manifest == nil { throw ValidationError("give image files or --manifest") }
        if let pixelSize, let problem = PixelSizeCheck.problem(pixelSize) {
            throw ValidationError("--pixel-size must be a pixel size in µm within 1 pm – 1 mm: \(problem)")
        }
        if !(sigma.isFinite && sigma >= 0 && sigma <= 100) { throw ValidationError("--sigma must be in 0…100 px") }
        if minArea < 1 { throw ValidationError("--min-area must be ≥ 1 px") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be ≥ 1") }
        if jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be in 1…1024") }
        _ = try databarOption()
        _ = try regionOption()
        _ = try pagesOption()
        _ = try shardOption()
        _ = try splitToleranceOption()
        for (flag, radius) in [("--open", open), ("--close", close)] where !(radius.isFinite && radius >= 0 && radius <= 100) {
            throw ValidationError("\(flag) must be a radius in 0…100 px, got \(radius)")
        }
        if autoMaskWindow < 1 || autoMaskWindow > 10000 { throw ValidationError("--auto-mask-window must be in 1…10000 px") }
        if let roiMask, !FileManager.default.fileExists(atPath: roiMask) {
            throw ValidationError("--roi-mask: no file at '\(roiMask)'")
        }
        if let timeoutPerImage, !(timeoutPerImage.isFinite && timeoutPerImage > 0) {
            throw ValidationError("--timeout-per-image must be a positive number of seconds, got \(timeoutPerImage)")
        }
        if let scaleBarUm, !(scaleBarUm.isFinite && scaleBarUm > 0) {
            throw ValidationError("--scale-bar-um must be a positive length in µm, got \(scaleBarUm)")
        }
        _ = try segmentationOptions(applyingTo: AnalysisOptions())
    }

    func databarOption() throws -> AnalysisOptions.Databar {
        switch databar {
        case "auto": return .automatic
        case "none": return .none
        default:
            guard let rows = Int(databar), rows >= 0 else {
                throw ValidationError("--databar must be auto, none or a number of rows, got '\(databar)'")
            }
            return .rows(rows)
        }
    }

    func splitToleranceOption() throws -> Double? {
        if splitTolerance == "none" { return nil }
        guard let h = Double(splitTolerance), h.isFinite, h >= 0, h <= 100 else {
            throw ValidationError("--split-tolerance must be a distance in 0…100 px or 'none', got '\(splitTolerance)'")
        }
        return h
    }

    func pagesOption() throws -> AnalysisOptions.Pages {
        if page == "all" { return .all }
        guard let n = Int(page), n >= 1 else {
            throw ValidationError("--page must be a page number from 1, or 'all', got '\(page)'")
        }
        return .page(n)
    }

    func regionOption() throws -> AnalysisOptions.Region? {
        guard let roi else { return nil }
        let parts = roi.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 4, let x = parts[0], let y = parts[1], let w = parts[2], let h = parts[3],
              x >= 0, y >= 0, w > 0, h > 0 else {
            throw ValidationError("--roi must be x,y,width,height in pixels (x, y ≥ 0; width, height > 0), got '\(roi)'")
        }
        return AnalysisOptions.Region(x: x, y: y, width: w, height: h)
    }

    func run() async throws {
        var inputs = expandedInputs()
        if let manifest {
            do {
                inputs += try Manifest.read(path: manifest)
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
        }
        if let problem = OutputFolderCheck.problem(output: out, inputs: files + inputs.map(\.path) + (manifest.map { [$0] } ?? []),
                                                   force: force) {
            printError("error: \(problem)")
            throw ExitCode(ExitStatus.usage)
        }
        var options = AnalysisOptions()
        options.polarity = pores
        options.blurSigma = sigma
        options.minimumPoreArea = minArea
        options.pixelSizeOverride = pixelSize
        options.maxPixels = maxPixels
        options.databar = try databarOption()
        options.region = try regionOption()
        options.pages = try pagesOption()
        options.scaleBarMicrometres = scaleBarUm
        options.colorMap = colormap
        options.radiusDefinition = radius
        options.edgeHandling = edge
        options.boundary = boundary
        options.measure = measure
        options.overlays = overlays
        options.splitTolerance = try splitToleranceOption()
        options.openingRadius = open
        options.closingRadius = close
        options.clearBorder = clearBorder
        options.regionMaskPath = roiMask
        options.autoMask = autoMask
        options.autoMaskWindow = autoMaskWindow
        options = try segmentationOptions(applyingTo: options)
        try network.apply(to: &options)
        do {
            options = try applyingConfigFile(to: options)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.usage)
        }
        if let problem = options.inconsistency {
            printError("error: \(problem)")
            throw ExitCode(ExitStatus.usage)
        }
        let summary = try await runBatch(inputs, options: options, logger: makeLogger())
        if !quiet {
            if let fit = summary.fit { print(fit.summary()) }
            if let note = summary.fitNote { printError(note) }
            printError("wrote \(out)/images.csv, pores.csv, cells.csv\(summary.fit == nil ? "" : ", fit.json") and overlays/")
        }
        if summary.failureCount > 0 {
            printError("\(summary.failureCount) of \(summary.rowCount) images failed")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
    }
}
