import LacunaNetwork

/// The cell-network options as configuration keys (each the `analyze` flag's name with `_`).
extension AnalysisOptions {
    static let networkConfigKeys = ["cells", "min_contact", "min_contact_fraction", "ridge_sigma", "ridge_depth"]

    static let networkExplanations: [String: String] = [
        "cells": "cells of the framework: pores (influence zones of the holes), ridges (thin bright walls), auto, or none",
        "min_contact": "two cells are neighbours when their shared boundary has at least this many pixel edges; auto: 2 for pores, 1 for ridges",
        "min_contact_fraction": "… and at least this fraction of the smaller cell's equivalent diameter",
        "ridge_sigma": "ridge scale in pixels for --cells ridges (about half the wall width)",
        "ridge_depth": "ridges: cell markers at least this fraction of the 99th-percentile ridge strength deep",
    ]

    var networkConfigValues: [String: ConfigValue] {
        [
            "cells": .string(network.method.rawValue),
            "min_contact": network.minimumContact.map(ConfigValue.int) ?? .string("auto"),
            "min_contact_fraction": .number(network.minimumContactFraction),
            "ridge_sigma": .number(network.ridges.sigma),
            "ridge_depth": .number(network.ridges.depthFraction),
        ]
    }

    /// Sets a network key; `false` when `key` is not one.
    mutating func setNetwork(_ key: String, to value: ConfigValue) throws(ConfigError) -> Bool {
        func invalid(_ expected: String) -> ConfigError { .invalidValue(key: key, value: value.description, expected: expected) }
        func number() -> Double? {
            switch value {
            case let .int(n): Double(n)
            case let .number(d) where d.isFinite: d
            default: nil
            }
        }
        switch key {
        case "cells": network.method = try value.choice(CellMethod.self, key: key)
        case "min_contact":
            switch value {
            case .string("auto"): network.minimumContact = nil
            case let .int(n) where n >= 1 && n <= 1000: network.minimumContact = n
            default: throw invalid("auto or an integer in 1…1000")
            }
        case "min_contact_fraction":
            guard let x = number(), x >= 0, x <= 1 else { throw invalid("a number in 0…1") }
            network.minimumContactFraction = x
        case "ridge_sigma":
            guard let x = number(), x >= 0.5, x <= 50 else { throw invalid("a number of pixels in 0.5…50") }
            network.ridges.sigma = x
        case "ridge_depth":
            guard let x = number(), x > 0, x <= 1 else { throw invalid("a number in (0, 1]") }
            network.ridges.depthFraction = x
        default:
            return false
        }
        return true
    }
}
