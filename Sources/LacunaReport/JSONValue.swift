import Foundation

/// A JSON document built in code, for the parts of fit.json whose shape depends on the data
/// (optional models, per-condition arrays). Non-finite numbers become `null`, because JSON has
/// no NaN or infinity; with `.sortedKeys` the output is byte-stable.
enum JSONValue: Encodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number, or `null` for nil, NaN and ±∞.
    static func finite(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// `[lower, upper]`, or `null`.
    static func interval(_ range: ClosedRange<Double>?) -> JSONValue {
        guard let range else { return .null }
        return .array([finite(range.lowerBound), finite(range.upperBound)])
    }

    /// An array of numbers (non-finite entries as `null`).
    static func numbers(_ values: [Double]) -> JSONValue {
        .array(values.map(finite))
    }

    /// The wrapped value, or `null`.
    static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case let .bool(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case let .int(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case let .number(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case let .string(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case let .array(values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case let .object(members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
