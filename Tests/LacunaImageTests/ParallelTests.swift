import LacunaImage
import Synchronization
import Testing

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

    @Test("runThree on one thread: first, third, second, each once")
    func runThreeSerial() {
        let log = Mutex<[String]>([])
        let (a, b, c) = runThree(parallel: false, {
            log.withLock { $0.append("first") }
            return 1
        }, {
            log.withLock { $0.append("second") }
            return "two"
        }, then: {
            log.withLock { $0.append("third") }
            return 3.5
        })
        #expect(a == 1 && b == "two" && c == 3.5)
        #expect(log.withLock { $0 } == ["first", "third", "second"])
    }

    @Test("runThree on two threads: every result, the third closure run once, after one of the others",
          arguments: 0 ..< 20)
    func runThreeParallel(round: Int) {
        let log = Mutex<[String]>([])
        let (a, b, c) = runThree(parallel: true, {
            log.withLock { $0.append("first") }
            return round
        }, {
            log.withLock { $0.append("second") }
            return -round
        }, then: {
            log.withLock { $0.append("third") }
            return "third \(round)"
        })
        #expect(a == round && b == -round && c == "third \(round)")
        let order = log.withLock { $0 }
        #expect(order.sorted() == ["first", "second", "third"])
        #expect(order.first != "third", "the third closure waits for one of the others")
    }
}
