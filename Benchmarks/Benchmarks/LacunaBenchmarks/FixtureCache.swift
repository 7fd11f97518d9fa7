import LacunaStages
import Synchronization

/// The fixture of the running benchmark, loaded on first use and kept while the following
/// benchmarks use the same files (their names start with the fixture's name, so they run
/// together); one fixture at a time keeps the 67-MP runs within memory.
final class FixtureCache: Sendable {
    static let shared = FixtureCache()
    private let current = Mutex<LoadedFixture?>(nil)

    /// The loaded fixture for `files` with the inputs of every stage prepared. Stops the
    /// benchmark run with the reason when the files are missing or unreadable (a set-up error:
    /// `scripts/bench/run` makes them).
    func fixture(_ files: FixtureFiles) -> LoadedFixture {
        current.withLock { cached in
            if let cached, cached.files == files { return cached }
            cached = nil
            guard files.exist else {
                preconditionFailure("fixture \(files.name) missing in \(files.folder): run scripts/bench/run (or scripts/bench/fixtures)")
            }
            do {
                let loaded = try LoadedFixture(files: files, stages: Set(Stage.allCases))
                cached = loaded
                return loaded
            } catch {
                preconditionFailure("cannot load fixture \(files.png): \(error)")
            }
        }
    }
}
