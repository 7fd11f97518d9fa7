/// Reading JSON documents back (fit.json and run.json for the report), with path accessors that
/// give `nil` for a missing key or a value of another type.
extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
            return
        }
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .int(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// A number (integers included).
    var double: Double? {
        switch self {
        case let .number(value): value
        case let .int(value): Double(value)
        default: nil
        }
    }

    var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case let .array(values) = self { return values }
        return nil
    }

    var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    /// A two-number interval `[lo, hi]`.
    var interval: ClosedRange<Double>? {
        guard let values = array, values.count == 2, let lo = values[0].double, let hi = values[1].double, lo <= hi else {
            return nil
        }
        return lo...hi
    }
}
