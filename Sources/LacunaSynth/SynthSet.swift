import Foundation
import LacunaIO

/// A set of synthetic images over several current densities, as bundled in TestImages/:
/// `<name>.tif` files, `manifest.csv` (image, current_density, condition) and `truth.json`.
public struct SynthSet: Sendable {
    public var specs: [(name: String, currentDensity: Double, spec: SynthSpec)]

    /// Lattice spacings (px) used for the conditions in turn, so hole sizes in pixels differ
    /// between conditions as they do between SEM magnifications; walls are 18 % of the spacing.
    public static let spacings: [Double] = [56, 48, 40, 34]

    public init(currentDensities: [Double], radii: [Double], perCondition: Int, width: Int, height: Int,
                bitDepth: Int, firstSeed: UInt64) {
        precondition(currentDensities.count == radii.count, "one radius per current density")
        var specs: [(String, Double, SynthSpec)] = []
        var seed = firstSeed
        for (k, (i, r)) in zip(currentDensities, radii).enumerated() {
            for n in 1 ... perCondition {
                var spec = SynthSpec()
                spec.width = width
                spec.height = height
                spec.bitDepth = bitDepth
                spec.spacing = SynthSet.spacings[k % SynthSet.spacings.count]
                spec.wallWidth = 0.18 * spec.spacing
                spec.meanRadiusMicrometres = r
                spec.seed = seed
                seed &+= 1
                let label = NumberFormat.compact(i)
                specs.append(("li_\(label)mAcm2_\(n)", i, spec))
            }
        }
        self.specs = specs
    }

    public var count: Int { specs.count }

    /// Renders every image and writes the set into `folder`.
    public func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var manifest = "image,current_density,condition\n"
        var truths: [String: SynthTruth] = [:]
        for (name, density, spec) in specs {
            let image = SyntheticMicrograph(spec: spec)
            let file = name + ".tif"
            try image.writeTIFF(to: (folder as NSString).appendingPathComponent(file))
            manifest += "\(file),\(NumberFormat.compact(density)),\(NumberFormat.compact(density)) mA/cm2\n"
            truths[file] = image.truth
        }
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.csv")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var json = try encoder.encode(truths)
        json.append(0x0A)
        try json.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("truth.json")))
    }
}

enum NumberFormat {
    /// Shortest form of a number: `10` rather than `10.0`.
    static func compact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
