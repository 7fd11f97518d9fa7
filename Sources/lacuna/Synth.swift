import ArgumentParser
import Foundation
import LacunaSynth

/// `lacuna synth --out DIR`: SEM-like test images with known answers.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate synthetic SEM images of porous Li (FEI TIFFs), a manifest and the truth JSON.")

    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(name: .long, help: "Seed of the first image; each further image uses the next seed.")
    var seed: UInt64 = 1

    @Option(name: .long, parsing: .singleValue, help: "Current densities in mA/cm² (repeat or comma-separate).")
    var currentDensities: [String] = ["1,2,5,10"]

    @Option(name: .long, parsing: .singleValue, help: "Mean hole radius in µm per current density.")
    var radii: [String] = ["4.1,2.4,0.9,0.4"]

    @Option(name: .long, help: "Images per current density.")
    var perCondition: Int = 2

    @Option(name: .long, help: "Frame width in pixels.")
    var width: Int = 768

    @Option(name: .long, help: "Frame height in pixels.")
    var height: Int = 512

    @Option(name: .long, help: "Bits per sample (8 or 16).")
    var bitDepth: Int = 8

    func validate() throws {
        let i = try numbers(currentDensities, "--current-densities"), r = try numbers(radii, "--radii")
        if i.count != r.count { throw ValidationError("give one radius per current density") }
        if r.contains(where: { $0 <= 0 }) || i.contains(where: { $0 <= 0 }) {
            throw ValidationError("radii and current densities must be positive")
        }
        if perCondition < 1 || perCondition > 100 { throw ValidationError("--per-condition must be in 1…100") }
        if width < 64 || height < 64 || width > 20000 || height > 20000 {
            throw ValidationError("--width and --height must be in 64…20000")
        }
        if bitDepth != 8 && bitDepth != 16 { throw ValidationError("--bit-depth must be 8 or 16") }
    }

    func run() throws {
        let set = SynthSet(currentDensities: try numbers(currentDensities, "--current-densities"),
                           radii: try numbers(radii, "--radii"), perCondition: perCondition,
                           width: width, height: height, bitDepth: bitDepth, firstSeed: seed)
        do {
            try set.write(to: out)
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.failure)
        }
        print("wrote \(set.count) images, manifest.csv and truth.json to \(out)")
    }

    private func numbers(_ values: [String], _ flag: String) throws -> [Double] {
        try values.flatMap { $0.split(separator: ",") }.map { text in
            guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                throw ValidationError("\(flag): '\(text)' is not a number")
            }
            return v
        }
    }
}
