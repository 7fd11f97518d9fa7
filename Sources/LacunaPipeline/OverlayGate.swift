import Foundation

/// Lets one overlay at a time be drawn and encoded (`ImageAnalyzer.oneOverlayAtATimeFrom`), or any
/// number when `oneAtATime` is false. Which overlay goes first does not change either one.
final class OverlayGate: Sendable {
    let oneAtATime: Bool
    private let lock = NSLock()

    init(oneAtATime: Bool) {
        self.oneAtATime = oneAtATime
    }

    /// `body`'s result, run while no other overlay of the image is being made.
    func run<T>(_ body: () -> T) -> T {
        guard oneAtATime else { return body() }
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
