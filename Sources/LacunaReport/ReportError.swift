/// Why `lacuna report` (or the report step of `analyze`) could not read an output folder.
public enum ReportError: Error, Equatable, Sendable {
    /// A table or JSON file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A table lacks a column the report needs.
    case missingColumn(path: String, column: String)
    /// A file the report needs is absent.
    case missingFile(path: String)
    /// Writing a plot or the report failed.
    case write(AtomicFile.WriteError)

    /// One line for the user.
    public var message: String {
        switch self {
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .missingColumn(path, column): "\(path) has no column '\(column)'"
        case let .missingFile(path): "\(path) is missing (is this an 'analyze' output folder?)"
        case let .write(error): error.message
        }
    }
}
