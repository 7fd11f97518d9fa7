import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `first` and `second` and returns both results: at the same time on two threads when
/// `parallel`, else one after the other. Each closure must only touch its own state.
///
/// `second` runs on a thread of its own (POSIX), not a Dispatch worker: Dispatch runs a
/// `concurrentPerform` nested in another one serially, so `parallelMap` inside either closure
/// would lose its threads; on a plain thread it keeps them, and a closure that finishes early
/// leaves its core to the other closure's `parallelMap`.
public func runBoth<A, B>(parallel: Bool, _ first: () -> A, _ second: () -> B) -> (A, B) {
    guard parallel else {
        let a = first()
        return (a, second())
    }
    return withoutActuallyEscaping(second) { second in
        let task = ThreadTask(second)
        guard let thread = task.start() else {
            // No thread to be had (resource limits): the same work, one after the other.
            let a = first()
            return (a, task.runHere())
        }
        let a = first()
        return (a, task.join(thread))
    }
}

/// A closure run once on a POSIX thread of its own; `join` returns its result after the thread
/// has exited, so nothing of the thread outlives the call that started it.
private final class ThreadTask<T>: ThreadBody, @unchecked Sendable {
    private var work: (() -> T)?
    private var result: T?

    init(_ work: @escaping () -> T) { self.work = work }

    override func run() {
        result = work!()
        work = nil
    }

    /// Runs the work on the calling thread instead.
    func runHere() -> T {
        run()
        return take()
    }

    /// Waits for `thread` to exit and returns the work's result.
    func join(_ thread: pthread_t) -> T {
        pthread_join(thread, nil)
        return take()
    }

    private func take() -> T {
        guard let value = result else { preconditionFailure("a parallel branch did not finish") }
        result = nil
        return value
    }
}

/// What a POSIX thread started by `start()` runs (`threadEntry`).
private class ThreadBody: @unchecked Sendable {
    func run() {}

    /// A new thread running `run()`, or `nil` when none can be created.
    final func start() -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        guard pthread_create(&thread, nil, threadEntry, context) == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

/// The entry point of `ThreadBody.start()`'s threads: runs the body and releases it.
private func threadEntry(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
    return nil
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
