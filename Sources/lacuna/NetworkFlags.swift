import ArgumentParser
import LacunaNetwork
import LacunaPipeline

extension CellMethod: ExpressibleByArgument {}

/// The cell-network flags of `analyze` (docs/cli.md, docs/methods.md).
struct NetworkFlags: ParsableArguments {
    @Option(name: .long, help: "Cells of the framework: pores (influence zones of the holes), ridges (thin bright walls), auto, none.")
    var cells: CellMethod = .auto

    @Option(name: .long, help: "Neighbours share a boundary of at least this many pixel edges; auto: 2 for pores, 1 for ridges.")
    var minContact: String = "auto"

    @Option(name: .long, help: "… and at least this fraction of the smaller cell's equivalent diameter.")
    var minContactFraction: Double = 0

    @Option(name: .long, help: "Ridge scale in pixels for --cells ridges (about half the wall width).")
    var ridgeSigma: Double = 1.5

    @Option(name: .long, help: "Cell markers for --cells ridges: at least this fraction of the 99th-percentile ridge strength deep.")
    var ridgeDepth: Double = 0.2

    func validate() throws {
        _ = try minimumContact()
        if !(minContactFraction.isFinite && minContactFraction >= 0 && minContactFraction <= 1) {
            throw ValidationError("--min-contact-fraction must be in 0…1, got \(minContactFraction)")
        }
        if !(ridgeSigma.isFinite && ridgeSigma >= 0.5 && ridgeSigma <= 50) {
            throw ValidationError("--ridge-sigma must be 0.5…50 pixels, got \(ridgeSigma)")
        }
        if !(ridgeDepth.isFinite && ridgeDepth > 0 && ridgeDepth <= 1) {
            throw ValidationError("--ridge-depth must be in (0, 1], got \(ridgeDepth)")
        }
    }

    /// `--min-contact`: `nil` for auto.
    func minimumContact() throws -> Int? {
        if minContact == "auto" { return nil }
        guard let n = Int(minContact), (1 ... 1000).contains(n) else {
            throw ValidationError("--min-contact must be auto or an integer in 1…1000, got '\(minContact)'")
        }
        return n
    }

    /// The options with these flags' values.
    func apply(to options: inout AnalysisOptions) throws {
        options.network = NetworkOptions(
            method: cells, minimumContact: try minimumContact(), minimumContactFraction: minContactFraction,
            ridges: RidgeCellOptions(sigma: ridgeSigma, depthFraction: ridgeDepth))
    }
}
