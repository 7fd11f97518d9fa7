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

/// Runs `first` and `second` side by side when `parallel`, and `third` on whichever of the two
/// threads finishes its own closure first; one thread runs `first`, `third`, then `second`
/// otherwise. Each closure must only touch its own state, so the results do not depend on
/// which thread runs `third`.
public func runThree<A, B, C>(parallel: Bool, _ first: () -> A, _ second: () -> B,
                              then third: () -> C) -> (A, B, C) {
    guard parallel else {
        let a = first()
        let c = third()
        return (a, second(), c)
    }
    let claimed = Atomic<Bool>(false)
    func claim() -> C? {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged ? third() : nil
    }
    let (one, two) = runBoth(parallel: true, { (first(), claim()) }, { (second(), claim()) })
    guard let c = one.1 ?? two.1 else { preconditionFailure("the third closure did not run") }
    return (one.0, two.0, c)
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
