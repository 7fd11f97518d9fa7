import LacunaMeasure

/// The configuration keys of the boundary, splitting, morphology and region-of-interest options
/// (issue 4), kept apart from the first keys so each set reads on its own.
extension AnalysisOptions {
    /// Keys in the order `lacuna config --defaults` prints them, after the first ones.
    static let boundaryConfigKeys = ["boundary", "split_tolerance", "open", "close", "clear_border",
                                     "roi_mask", "auto_mask", "auto_mask_window"]

    /// What each key means, for the commented default file.
    static let boundaryConfigExplanations: [String: String] = [
        "boundary": "pore outlines for areas and radii: subpixel (edge zero crossings, docs/methods.md) or pixels (thresholded pixel count)",
        "split_tolerance": "split touching pores at distance-map maxima of more than this dynamic (px); null keeps 8-connected pores whole",
        "open": "radius (px) of a disc opening of the pore mask (0: none)",
        "close": "radius (px) of a disc closing of the pore mask (0: none)",
        "clear_border": "true drops pores touching the frame or ROI edge entirely",
        "roi_mask": "image of the frame's size (data bar cut off) whose non-zero pixels are analysed; null for all",
        "auto_mask": "true leaves out large featureless regions (vacuum, cap layer; low local variance)",
        "auto_mask_window": "window radius (px) of the automatic mask; must exceed the largest pore radius",
    ]

    /// The values of `boundaryConfigKeys`.
    var boundaryConfigValues: [String: ConfigValue] {
        [
            "boundary": .string(boundary.rawValue),
            "split_tolerance": splitTolerance.map(ConfigValue.number) ?? .null,
            "open": .number(openingRadius),
            "close": .number(closingRadius),
            "clear_border": .bool(clearBorder),
            "roi_mask": regionMaskPath.map(ConfigValue.string) ?? .null,
            "auto_mask": .bool(autoMask),
            "auto_mask_window": .int(autoMaskWindow),
        ]
    }

    /// Sets one of `boundaryConfigKeys`; `false` for any other key.
    ///
    /// - Throws: `ConfigError.invalidValue` naming the key for a wrong type or range.
    mutating func setBoundaryOption(_ key: String, to value: ConfigValue) throws(ConfigError) -> Bool {
        func invalid(_ expected: String) -> ConfigError { .invalidValue(key: key, value: value.description, expected: expected) }
        func radius() throws(ConfigError) -> Double {
            let x: Double
            switch value {
            case let .int(n): x = Double(n)
            case let .number(d): x = d
            default: throw invalid("a radius in px, 0…100")
            }
            guard x.isFinite, x >= 0, x <= 100 else { throw invalid("a radius in px, 0…100") }
            return x
        }
        switch key {
        case "boundary": boundary = try value.choice(BoundaryMethod.self, key: key, separator: " or ")
        case "split_tolerance":
            if value == .null || value == .string("none") {
                splitTolerance = nil
            } else {
                splitTolerance = try radius()
            }
        case "open": openingRadius = try radius()
        case "close": closingRadius = try radius()
        case "clear_border":
            guard case let .bool(b) = value else { throw invalid("true or false") }
            clearBorder = b
        case "roi_mask":
            switch value {
            case .null: regionMaskPath = nil
            case let .string(s) where !s.isEmpty: regionMaskPath = s
            default: throw invalid("a file path or null")
            }
        case "auto_mask":
            guard case let .bool(b) = value else { throw invalid("true or false") }
            autoMask = b
        case "auto_mask_window":
            guard case let .int(n) = value, n >= 1, n <= 10000 else { throw invalid("an integer in 1…10000") }
            autoMaskWindow = n
        default:
            return false
        }
        return true
    }
}
