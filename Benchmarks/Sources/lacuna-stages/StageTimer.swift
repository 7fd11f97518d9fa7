import Foundation
import LacunaStages

/// Wall-clock and CPU times of one stage: `warmups` untimed runs, then `repetitions` timed runs.
/// The CPU time (the process's, and the stages run on one thread) is the robust figure on a
/// shared machine, where a low-priority process may wait for the processor.
struct StageTiming {
    let stage: Stage
    /// Each timed run's wall time in milliseconds, in the order run.
    let milliseconds: [Double]
    /// Each timed run's CPU time (user + system) in milliseconds.
    let cpuMilliseconds: [Double]
    /// Result numbers of the runs (``StageFixture/run(_:)``); equal across runs.
    let checksum: Int

    /// Times `stage` on `fixture` with `ContinuousClock` and `CLOCK_PROCESS_CPUTIME_ID`.
    init(stage: Stage, fixture: LoadedFixture, warmups: Int, repetitions: Int) {
        precondition(repetitions >= 1 && warmups >= 0, "need ≥ 1 repetition, got \(repetitions)")
        self.stage = stage
        var checksum = 0
        for _ in 0 ..< warmups { checksum = fixture.run(stage) }
        let clock = ContinuousClock()
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0 ..< repetitions {
            let cpuStart = StageTiming.cpuMilliseconds()
            let elapsed = clock.measure { checksum = fixture.run(stage) }
            cpu.append(StageTiming.cpuMilliseconds() - cpuStart)
            let (seconds, attoseconds) = elapsed.components
            wall.append(Double(seconds) * 1e3 + Double(attoseconds) * 1e-15)
        }
        milliseconds = wall
        cpuMilliseconds = cpu
        self.checksum = checksum
    }

    /// CPU time used by this process so far, in milliseconds.
    static func cpuMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) * 1e-6
    }
}

/// The median of `values` (mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
