/// A value of the analysis configuration as the config file and run.json hold it: a string,
/// an integer, a number, a boolean or null.
public enum ConfigValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        }
    }

    /// The value as YAML writes it (strings plain, null as `null`).
    public var description: String {
        switch self {
        case .null: "null"
        case let .bool(value): value ? "true" : "false"
        case let .int(value): String(value)
        case let .number(value): String(value)
        case let .string(value): value
        }
    }
}

extension ConfigValue {
    /// The case of `E` this value names, for config key `key`; any other value is an
    /// `invalidValue` listing the cases joined by `separator`, then `alsoAccepted` (e.g.
    /// " or null" when the caller takes `null` itself).
    func choice<E: RawRepresentable & CaseIterable>(_: E.Type, key: String, separator: String = ", ",
                                                    alsoAccepted: String = "") throws(ConfigError) -> E
        where E.RawValue == String {
        guard case let .string(s) = self, let e = E(rawValue: s) else {
            let names = E.allCases.map(\.rawValue).joined(separator: separator)
            throw .invalidValue(key: key, value: description, expected: names + alsoAccepted)
        }
        return e
    }
}
