import Foundation
import Glibc
import LacunaImage
import Testing

/// What the closures of a test did, in the order they did it; a class, so closures made inside
/// other closures share it by reference (a captured lock is accessed as a variable, which the
/// thread sanitizer reports as a race). The lock is a POSIX mutex (`NSLock`), which the thread
/// sanitizer intercepts; with `Synchronization.Mutex` it reported the appends of a Dispatch
/// worker and of `runBoth`'s POSIX thread as a race (it does not see that lock's ordering).
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func append(_ event: String) { lock.withLock { entries.append(event) } }
    var events: [String] { lock.withLock { entries } }
}

/// The deterministic helpers that spread one image's work over threads.
@Suite("Parallel helpers")
struct ParallelTests {
    @Test("parallelMap gives (0..<n).map's values in index order on 1, 2 and 5 threads", arguments: [0, 1, 2, 7, 1000])
    func parallelMapOrder(count: Int) {
        let expected = (0 ..< count).map { $0 * $0 + 3 }
        for threads in [1, 2, 5] {
            #expect(parallelMap(count, threads: threads) { $0 * $0 + 3 } == expected, "\(threads) threads")
        }
    }

    @Test("runBoth on two threads: the second closure on a thread of its own, parallelMap inside either gives its values")
    func twoThreads() {
        let caller = pthread_self()
        let expected = (0 ..< 500).map { $0 * 7 }
        let (a, b) = runBoth(parallel: true, {
            (pthread_equal(pthread_self(), caller) != 0, parallelMap(500, threads: 2) { $0 * 7 })
        }, {
            (pthread_equal(pthread_self(), caller) != 0, parallelMap(500, threads: 2) { $0 * 7 })
        })
        #expect(a.0 && !b.0, "first on the caller's thread, second on another")
        #expect(a.1 == expected && b.1 == expected)
        let (c, d) = runBoth(parallel: false, { pthread_equal(pthread_self(), caller) != 0 },
                             { pthread_equal(pthread_self(), caller) != 0 })
        #expect(c && d, "one after the other on the caller's thread")
    }

    @Test("runBoth with a queue on one thread: first, the queue in order, second, each once")
    func queueSerial() {
        let log = EventLog()
        let (a, b, c) = runBoth(parallel: false, {
            log.append("first")
            return 1
        }, {
            log.append("second")
            return "two"
        }, thenEach: (0 ..< 3).map { k in {
            log.append("queue \(k)")
            return Double(k) + 0.5
        } })
        #expect(a == 1 && b == "two" && c == [0.5, 1.5, 2.5])
        #expect(log.events == ["first", "queue 0", "queue 1", "queue 2", "second"])
    }

    @Test("runBoth with a queue on two threads: every result in queue order, each queued closure once and after one of the others; an empty queue",
          arguments: 0 ..< 20)
    func queueParallel(round: Int) {
        let log = EventLog()
        let size = round % 4
        let (a, b, c) = runBoth(parallel: true, {
            log.append("first")
            return round
        }, {
            log.append("second")
            return -round
        }, thenEach: (0 ..< size).map { k in {
            log.append("queue \(k)")
            return "queued \(k) of \(round)"
        } })
        #expect(a == round && b == -round && c == (0 ..< size).map { "queued \($0) of \(round)" })
        let order = log.events
        #expect(order.sorted() == (["first", "second"] + (0 ..< size).map { "queue \($0)" }).sorted())
        #expect(order.first == "first" || order.first == "second", "the queue waits for one of the others")
    }
}
