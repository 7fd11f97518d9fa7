import LacunaStages

/// Wall-clock times of one stage: `warmups` untimed runs, then `repetitions` timed runs.
struct StageTiming {
    let stage: Stage
    /// Each timed run in milliseconds, in the order run.
    let milliseconds: [Double]
    /// Result numbers of the runs (``StageFixture/run(_:)``); equal across runs.
    let checksum: Int

    /// The median of ``milliseconds`` (mean of the middle two for an even count).
    var median: Double {
        let sorted = milliseconds.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Times `stage` on `fixture` with `ContinuousClock`.
    init(stage: Stage, fixture: LoadedFixture, warmups: Int, repetitions: Int) {
        precondition(repetitions >= 1 && warmups >= 0, "need ≥ 1 repetition, got \(repetitions)")
        self.stage = stage
        var checksum = 0
        for _ in 0 ..< warmups { checksum = fixture.run(stage) }
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0 ..< repetitions {
            let elapsed = clock.measure { checksum = fixture.run(stage) }
            let (seconds, attoseconds) = elapsed.components
            times.append(Double(seconds) * 1e3 + Double(attoseconds) * 1e-15)
        }
        milliseconds = times
        self.checksum = checksum
    }
}
