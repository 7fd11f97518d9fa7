import Foundation
import LacunaPipeline
import LacunaReport
import Logging

/// Reports a batch as it runs. On a terminal: a one-line bar (done/total, images per second,
/// ETA, failures so far) redrawn in place, with failures (and with `--verbose` every image)
/// printed above it. Elsewhere (pipes, CI logs): one plain line per image. Failures are always
/// logged at `error`, finished images at `info` (`debug` under the bar), so `--quiet`
/// (level `error`) leaves only the failures.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let logger: Logger
    private let showBar: Bool
    private let everyPage: Bool
    private let started = Date()
    private let lock = NSLock()
    private var done = 0
    private var failed = 0

    /// - Parameters:
    ///   - total: inputs in the batch.
    ///   - showBar: draw the bar (a terminal, not `--quiet`).
    ///   - everyPage: name pages in lines (`--page all`).
    init(total: Int, logger: Logger, showBar: Bool, everyPage: Bool) {
        self.total = total
        self.logger = logger
        self.showBar = showBar
        self.everyPage = everyPage
        if showBar { StderrOutput.shared.setBar(bar(done: 0, failed: 0)) }
    }

    /// Reports one finished page (from any task).
    func report(_ page: PageProgress) {
        lock.lock()
        done += 1
        if page.error != nil { failed += 1 }
        let (doneNow, failedNow) = (done, failed)
        lock.unlock()
        let name = everyPage ? "\(page.image) page \(page.page)" : page.image
        if let reason = page.error {
            logger.error("[\(doneNow)/\(total)] \(name): error: \(reason)")
        } else {
            logger.log(level: showBar ? .debug : .info,
                       "[\(doneNow)/\(total)] \(name): \(page.poreCount) pores\(page.reused ? " (reused)" : "")")
        }
        if showBar { StderrOutput.shared.setBar(bar(done: doneNow, failed: failedNow)) }
    }

    /// Removes the bar.
    func finish() {
        if showBar { StderrOutput.shared.setBar(nil) }
    }

    /// `[#######.............] 12/40  3.2 images/s  ETA 0:09  2 failed`
    func bar(done: Int, failed: Int) -> String {
        let width = 24
        let filled = total == 0 ? width : min(width, done * width / total)
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        text += " \(done)/\(total)  \(NumberFormat.fixed(rate, decimals: 1)) images/s"
        if rate > 0 && done < total {
            let seconds = Int((Double(total - done) / rate).rounded())
            text += "  ETA \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        }
        if failed > 0 { text += "  \(failed) failed" }
        return text
    }
}
