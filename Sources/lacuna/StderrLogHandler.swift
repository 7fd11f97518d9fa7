import Logging

/// A swift-log handler writing one line per message to standard error through
/// `StderrOutput`. The level only filters: messages are written as given (the CLI's messages
/// already say `error:` where they report one, as before logging went through swift-log), with
/// metadata appended as `key=value` pairs sorted by key.
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(level: Logger.Level) {
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = event.message.description
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        StderrOutput.shared.writeLine(line)
    }
}
