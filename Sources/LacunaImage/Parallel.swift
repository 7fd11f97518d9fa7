import Dispatch
import Synchronization

/// Runs `first` and `second` and returns both results: at the same time on two threads when
/// `parallel`, else one after the other. Each closure must only touch its own state.
public func runBoth<A, B>(parallel: Bool, _ first: () -> A, _ second: () -> B) -> (A, B) {
    guard parallel else {
        let a = first()
        return (a, second())
    }
    return withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first, second = second
            let a = ResultSlot<A>(), b = ResultSlot<B>()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 { a.value = first() } else { b.value = second() }
            }
            guard let resultA = a.value, let resultB = b.value else { preconditionFailure("a parallel branch did not finish") }
            return (resultA, resultB)
        }
    }
}

/// Runs `first` and `second` side by side when `parallel`; each of the two threads, once its
/// own closure is done, takes the next closure of `queue` nobody has taken, in order, until none
/// is left — so the thread that finishes first starts the queue, and the other joins it. One
/// thread runs `first`, the queue in order, then `second` otherwise. The queue's results are in
/// queue order whichever thread ran them. Each closure must only touch its own state.
public func runBoth<A, B, C>(parallel: Bool, _ first: () -> A, _ second: () -> B,
                             thenEach queue: [() -> C]) -> (A, B, [C]) {
    guard parallel else {
        let a = first()
        let c = queue.map { $0() }
        return (a, second(), c)
    }
    let next = Atomic<Int>(0)
    return withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first, second = second, queue = queue
            var results: (A, B)? = nil
            let c = [C](unsafeUninitializedCapacity: queue.count) { buffer, initialized in
                nonisolated(unsafe) let out = buffer
                func drain() {
                    while true {
                        let k = next.add(1, ordering: .relaxed).oldValue
                        guard k < queue.count else { return }
                        (out.baseAddress! + k).initialize(to: queue[k]())
                    }
                }
                results = runBoth(parallel: true, {
                    let a = first()
                    drain()
                    return a
                }, {
                    let b = second()
                    drain()
                    return b
                })
                initialized = queue.count
            }
            guard let (a, b) = results else { preconditionFailure("a parallel branch did not finish") }
            return (a, b, c)
        }
    }
}

/// `(0 ..< count).map(transform)`, computed by up to `threads` threads over small contiguous
/// chunks; the results are in index order whatever the threads, so the output is the same
/// for any `threads`. `transform` must be pure apart from its result.
public func parallelMap<T>(_ count: Int, threads: Int, _ transform: (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return (0 ..< count).map(transform) }
    let chunks = min(count, threads * 16)
    return withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in count * chunk / chunks ..< count * (chunk + 1) / chunks {
                    (out.baseAddress! + i).initialize(to: transform(i))
                }
            }
            initialized = count
        }
    }
}

/// One thread's result, written once by that thread and read after it has joined.
private final class ResultSlot<T>: @unchecked Sendable {
    var value: T?
}
