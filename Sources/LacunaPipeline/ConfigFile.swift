import Foundation
import LacunaIO
import Yams

/// The `--config` file of `lacuna analyze`: a YAML mapping (YAML 1.1 core types via jpsim/Yams)
/// of the keys in `AnalysisOptions.configKeys` to values. `lacuna config --defaults` prints
/// `defaultDocument`, a commented file holding every key at its default.
public enum ConfigFile {
    /// The key–value pairs of the file at `path`, in file order, types taken from YAML's
    /// resolution of each scalar (`1` int, `1.0` float, `null`/`~`/empty null, quoted string).
    ///
    /// - Throws: `ConfigError` when the file cannot be read, is not YAML, is not a mapping, or
    ///   holds a key that is not a plain string or a value that is not a scalar.
    public static func read(path: String) throws(ConfigError) -> [(key: String, value: ConfigValue)] {
        let text: String
        do {
            text = try FileBytes.readText(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        return try parse(text, path: path)
    }

    /// Parses YAML text as `read` does; `path` only names the source in errors.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> [(key: String, value: ConfigValue)] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .notYAML(path: path, reason: "\(error)".split(separator: "\n").joined(separator: " "))
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else { throw .notAMapping(path: path) }
        var pairs: [(key: String, value: ConfigValue)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { throw .notAMapping(path: path) }
            guard let scalar = valueNode.scalar else {
                throw .invalidValue(key: key, value: "a list or mapping", expected: "a single value")
            }
            pairs.append((key, value(of: valueNode, text: scalar.string)))
        }
        return pairs
    }

    /// The value of a scalar node by its resolved tag (`Tag.description` is the tag's name).
    static func value(of node: Node, text: String) -> ConfigValue {
        switch node.tag.description {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(ConfigValue.bool) ?? .string(text)
        case Tag.Name.int.rawValue:
            // Yams computes YAML 1.1 base-60 integers (`1:30`) with trapping arithmetic: a long one
            // crashed the reader (found by fuzzing, Tests/Regressions/config). They stay text, which
            // no option accepts, so the key gets its usual "expected" message.
            if text.contains(":") { return .string(text) }
            return node.int.map(ConfigValue.int) ?? .string(text)
        case Tag.Name.float.rawValue: return node.float.map(ConfigValue.number) ?? .string(text)
        default: return .string(text)
        }
    }

    /// `options` with every pair of the file applied in order.
    ///
    /// - Throws: `ConfigError.unknownKey` or `.invalidValue`, naming the key.
    public static func apply(_ pairs: [(key: String, value: ConfigValue)],
                             to options: AnalysisOptions) throws(ConfigError) -> AnalysisOptions {
        var result = options
        for pair in pairs { try result.set(pair.key, to: pair.value) }
        return result
    }

    /// What each key means, for the commented default file.
    static let explanations: [String: String] = [
        "pores": "dark or bright: pores darker (≤ threshold) or brighter (> threshold) than the framework",
        "sigma": "Gaussian smoothing σ in pixels before thresholding (0 disables)",
        "min_area": "pores smaller than this many pixels are dropped",
        "pixel_size": "pixel size in µm for every image (source 'manual'); null reads it from metadata",
        "max_pixels": "larger images are rejected from their header, before decoding",
        "databar": "instrument data bar: auto (metadata, else from the pixels), none, or a number of rows",
        "page": "page of multi-page TIFFs, from 1, or all (each page its own row)",
        "roi": "analyse only this rectangle of the frame: \"x,y,width,height\" in pixels; null for all",
        "scale_bar_um": "length in µm of the scale bar in the data bar (pixel size from it); null to ignore",
        "colormap": "invert colour-mapped RGB images through jet, viridis, magma, inferno, plasma, hot or gray; null for grey",
        "radius": "radius of the per-image distribution statistics: equivalent, inscribed, feret, min-feret, local-thickness",
        "edge": "pores touching the frame edge in those statistics: exclude, weight (Miles–Lantuéjoul), include",
        "overlays": "all (the pore overlay and the cell overlay) or pores (the pore overlay only)",
        "measure": "full (shape descriptors, threshold sensitivity, edge blur) or basic (sizes, perimeters, porosity, cells)",
    ]

    /// A YAML file with every key at its default, each under a comment saying what it means.
    /// Reading it back gives `AnalysisOptions()`.
    public static var defaultDocument: String {
        let defaults = AnalysisOptions().configValues
        var lines = ["# lacuna analyze --config FILE: analysis parameters (docs/cli.md).",
                     "# Flags given on the command line override these values; unknown keys are errors."]
        for key in AnalysisOptions.configKeys {
            lines.append("")
            lines.append("# " + (explanations[key] ?? AnalysisOptions.segmentationExplanations[key]
                ?? AnalysisOptions.networkExplanations[key] ?? AnalysisOptions.boundaryConfigExplanations[key] ?? key))
            let value = defaults[key] ?? .null
            if case let .string(text) = value, key == "roi" || key == "roi_mask" {
                lines.append("\(key): \"\(text)\"")
            } else {
                lines.append("\(key): \(value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
