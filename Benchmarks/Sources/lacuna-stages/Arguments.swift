/// `--name value` pairs after the command word; every option takes exactly one value.
struct Arguments {
    let command: String
    private var values: [String: String] = [:]

    /// Parses `arguments` (without the program name).
    /// - Throws: ``UsageError`` when the command is missing or an option lacks its value.
    init(_ arguments: [String]) throws(UsageError) {
        guard let first = arguments.first, !first.hasPrefix("-") else { throw UsageError("missing command") }
        command = first
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            guard name.hasPrefix("--"), let value = rest.popFirst() else {
                throw UsageError("expected --option value, got '\(name)'")
            }
            values[String(name.dropFirst(2))] = value
        }
    }

    /// The value of `--name`, or `fallback`; throws when neither exists.
    func string(_ name: String, default fallback: String? = nil) throws(UsageError) -> String {
        guard let value = values[name] ?? fallback else { throw UsageError("missing --\(name)") }
        return value
    }

    /// The integer value of `--name`, or `fallback`.
    func int(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw UsageError("--\(name) needs an integer, got '\(text)'") }
        return value
    }

    /// Options given that are not in `known`.
    func unknown(besides known: Set<String>) -> [String] {
        values.keys.filter { !known.contains($0) }.sorted()
    }
}

/// A command-line mistake, printed with the usage text.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
