import Foundation
import LacunaIO
import LacunaMeasure
import LacunaSegmentation

/// The analysis options as named configuration keys: what run.json records as the effective
/// configuration and what a `--config` YAML file may set. Each key is the `analyze` flag's
/// name with `_` for `-`, and takes the same values as the flag.
extension AnalysisOptions {
    /// Keys in the order `lacuna config --defaults` prints them.
    public static let configKeys = ["pores", "sigma", "min_area", "pixel_size", "max_pixels", "databar", "page",
                                    "roi", "scale_bar_um", "colormap", "radius", "edge", "measure", "overlays"] + segmentationKeys + networkConfigKeys
        + boundaryConfigKeys

    /// The options as configuration values, one per key of `configKeys`.
    public var configValues: [String: ConfigValue] {
        var values: [String: ConfigValue] = [
            "pores": .string(polarity.rawValue),
            "sigma": .number(blurSigma),
            "min_area": .int(minimumPoreArea),
            "pixel_size": pixelSizeOverride.map(ConfigValue.number) ?? .null,
            "max_pixels": .int(maxPixels),
            "scale_bar_um": scaleBarMicrometres.map(ConfigValue.number) ?? .null,
            "colormap": colorMap.map { .string($0.rawValue) } ?? .null,
            "roi": region.map { .string("\($0.x),\($0.y),\($0.width),\($0.height)") } ?? .null,
            "radius": .string(radiusDefinition.rawValue),
            "edge": .string(edgeHandling.rawValue),
            "measure": .string(measure.rawValue),
            "overlays": .string(overlays.rawValue),
        ]
        values.merge(networkConfigValues) { own, _ in own }
        switch databar {
        case .automatic: values["databar"] = .string("auto")
        case .none: values["databar"] = .string("none")
        case let .rows(n): values["databar"] = .int(n)
        }
        switch pages {
        case let .page(n): values["page"] = .int(n)
        case .all: values["page"] = .string("all")
        }
        values.merge(segmentationValues) { current, _ in current }
        values.merge(boundaryConfigValues) { current, _ in current }
        return values
    }

    /// Sets `key` to `value`, checking it as the flag would.
    ///
    /// - Throws: `ConfigError.unknownKey` for a key not in `configKeys`; `.invalidValue` naming
    ///   the key for a value of the wrong type or out of range.
    public mutating func set(_ key: String, to value: ConfigValue) throws(ConfigError) {
        func invalid(_ expected: String) -> ConfigError { .invalidValue(key: key, value: value.description, expected: expected) }
        func number(positive: Bool) throws(ConfigError) -> Double? {
            let x: Double
            switch value {
            case .null: return nil
            case let .int(n): x = Double(n)
            case let .number(d): x = d
            default: throw invalid(positive ? "a positive number or null" : "a number")
            }
            guard x.isFinite, !positive || x > 0 else { throw invalid("a positive number or null") }
            return x
        }
        switch key {
        case "pores":
            guard case let .string(s) = value, let p = PorePolarity(rawValue: s) else { throw invalid("dark or bright") }
            polarity = p
        case "sigma":
            guard value != .null, let s = try number(positive: false), s >= 0, s <= 100 else {
                throw invalid("a number of pixels in 0…100")
            }
            blurSigma = s
        case "min_area":
            guard case let .int(n) = value, n >= 1 else { throw invalid("an integer ≥ 1") }
            minimumPoreArea = n
        case "pixel_size":
            let size = try number(positive: true)
            if let size, PixelSizeCheck.problem(size) != nil { throw invalid("a pixel size in µm within 1 pm – 1 mm, or null") }
            pixelSizeOverride = size
        case "max_pixels":
            guard case let .int(n) = value, n >= 1 else { throw invalid("an integer ≥ 1") }
            maxPixels = n
        case "scale_bar_um":
            scaleBarMicrometres = try number(positive: true)
        case "colormap":
            switch value {
            case .null: colorMap = nil
            case let .string(s):
                guard let map = ColorMap(rawValue: s) else { throw invalid(ColorMap.allCases.map(\.rawValue).joined(separator: ", ")) }
                colorMap = map
            default: throw invalid(ColorMap.allCases.map(\.rawValue).joined(separator: ", ") + " or null")
            }
        case "roi":
            switch value {
            case .null: region = nil
            case let .string(s):
                guard let r = AnalysisOptions.Region(parsing: s) else { throw invalid("x,y,width,height in pixels") }
                region = r
            default: throw invalid("x,y,width,height in pixels, or null")
            }
        case "databar":
            switch value {
            case .string("auto"): databar = .automatic
            case .string("none"): databar = .none
            case let .int(n) where n >= 0: databar = .rows(n)
            default: throw invalid("auto, none or a number of rows")
            }
        case "page":
            switch value {
            case .string("all"): pages = .all
            case let .int(n) where n >= 1: pages = .page(n)
            default: throw invalid("a page number from 1, or all")
            }
        case "radius": radiusDefinition = try value.choice(RadiusDefinition.self, key: key)
        case "edge": edgeHandling = try value.choice(EdgeHandling.self, key: key)
        case "measure": measure = try value.choice(MeasurementSet.self, key: key, separator: " or ")
        case "overlays": overlays = try value.choice(OverlaySet.self, key: key, separator: " or ")
        default:
            if try setSegmentation(key, to: value) { return }
            if try setNetwork(key, to: value) { return }
            guard try setBoundaryOption(key, to: value) else { throw .unknownKey(key) }
        }
    }
}

extension AnalysisOptions.Region {
    /// `x,y,width,height` in pixels (x, y ≥ 0; width, height > 0), or `nil`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 4, let x = parts[0], let y = parts[1], let w = parts[2], let h = parts[3],
              x >= 0, y >= 0, w > 0, h > 0 else { return nil }
        self.init(x: x, y: y, width: w, height: h)
    }
}

/// A configuration file that cannot be used; each case names the key or file.
public enum ConfigError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case notYAML(path: String, reason: String)
    case notAMapping(path: String)
    case unknownKey(String)
    case invalidValue(key: String, value: String, expected: String)

    /// One line for the user.
    public var message: String {
        switch self {
        case let .unreadable(path, reason): "cannot read config \(path): \(reason)"
        case let .notYAML(path, reason): "config \(path) is not valid YAML: \(reason)"
        case let .notAMapping(path): "config \(path) must be a mapping of keys to values"
        case let .unknownKey(key): "unknown config key '\(key)' (known: \(AnalysisOptions.configKeys.joined(separator: ", ")))"
        case let .invalidValue(key, value, expected): "config key '\(key)': '\(value)' is not \(expected)"
        }
    }
}
