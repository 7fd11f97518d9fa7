import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error shared by log lines and the progress bar: a line printed while the bar is
/// shown first clears the bar, then the bar is drawn again under it, so the two never mix.
final class StderrOutput: @unchecked Sendable {
    /// The process's standard error.
    static let shared = StderrOutput()

    /// Whether standard error is a terminal (isatty), where a redrawn bar makes sense.
    let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var bar: String?

    /// Writes `line` and a newline, keeping the progress bar (if any) below it.
    func writeLine(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        var text = bar == nil ? "" : "\r\u{1B}[K"
        text += line + "\n"
        if let bar { text += bar }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows `bar` in place of the previous one (terminals only); `nil` removes it.
    func setBar(_ newBar: String?) {
        guard isTerminal else { return }
        lock.lock()
        defer { lock.unlock() }
        var text = "\r\u{1B}[K"
        if let newBar { text += newBar }
        bar = newBar
        FileHandle.standardError.write(Data(text.utf8))
    }
}
