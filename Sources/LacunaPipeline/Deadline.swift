import Foundation

/// A cooperative time limit on the work for one input (`lacuna analyze --timeout-per-image`).
///
/// The batch runner binds a deadline to the task that processes an input (`Deadline.current`);
/// the analysis checks it between stages (decode, calibration, threshold, labelling, region
/// measurement, the parallel shape/outline/sensitivity/network stage, the overlay files) with
/// `Deadline.check(during:)`, which
/// throws `AnalysisError.timedOut` once it has passed. A stage that has started runs to its end,
/// so an input can overrun the limit by one stage; nothing is interrupted mid-computation, so a
/// result that finishes in time is the same as without a limit.
public struct Deadline: Sendable {
    /// The limit in seconds, as given.
    public var seconds: Double
    /// When the limit runs out.
    public var end: ContinuousClock.Instant

    /// A deadline `seconds` (> 0, finite) after `start`.
    public init(seconds: Double, from start: ContinuousClock.Instant = .now) {
        precondition(seconds.isFinite && seconds > 0, "a deadline needs a positive finite time, got \(seconds)")
        self.seconds = seconds
        // Duration(seconds:) traps beyond about 292 years; any limit that long is no limit.
        self.end = start.advanced(by: .seconds(min(seconds, 1e9)))
    }

    /// Whether the limit has run out.
    public var hasPassed: Bool { ContinuousClock.now >= end }

    /// The deadline of the input the current task works on; `nil` outside a batch or without a limit.
    public static let current = TaskLocal<Deadline?>(wrappedValue: nil)

    /// Throws `AnalysisError.timedOut` naming `stage` when the current task's deadline has passed.
    public static func check(during stage: String) throws(AnalysisError) {
        guard let deadline = current.get(), deadline.hasPassed else { return }
        throw .timedOut(seconds: deadline.seconds, stage: stage)
    }
}
