/// The most common value of `samples` and how often it occurs (ties: the smallest value), by
/// sorting a copy. Used by the data-bar and scale-bar detectors, which judge rows by their
/// dominant grey value. O(n log n).
func mostCommonValue<S: Comparable>(_ samples: ArraySlice<S>) -> (value: S, count: Int)? {
    let sorted = samples.sorted()
    guard let first = sorted.first else { return nil }
    var best = (value: first, count: 1)
    var run = 1
    for i in sorted.indices.dropFirst() {
        run = sorted[i] == sorted[i - 1] ? run + 1 : 1
        if run > best.count { best = (sorted[i], run) }
    }
    return best
}
