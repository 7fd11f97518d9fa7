// Thresholds from the histogram's moments and quantiles: Moments and Percentile. Bin `i`
// stands for grey level `i`; the caller maps bins to values.

/// Tsai's moment-preserving threshold (1985, CVGIP 29:377–393): the two-level image with the
/// first three moments of the histogram has a fraction p₀ at its low level; t is the first
/// bin where the cumulative fraction exceeds p₀. O(bins). `nil` for fewer than two levels.
func momentsBin(_ counts: [Int]) -> Int? {
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { return nil }
    var m1 = 0.0, m2 = 0.0, m3 = 0.0
    for (i, n) in counts.enumerated() where n > 0 {
        let p = Double(n) / total, x = Double(i)
        m1 += x * p
        m2 += x * x * p
        m3 += x * x * x * p
    }
    let cd = m2 - m1 * m1
    guard cd > 0 else { return nil }
    let c0 = (-m2 * m2 + m1 * m3) / cd
    let c1 = (-m3 + m2 * m1) / cd
    let root = (c1 * c1 - 4 * c0).squareRoot()
    let z0 = 0.5 * (-c1 - root), z1 = 0.5 * (-c1 + root)
    let p0 = (z1 - m1) / (z1 - z0)
    var cumulative = 0.0
    for (i, n) in counts.enumerated() {
        cumulative += Double(n) / total
        if cumulative > p0 { return i }
    }
    return nil
}

/// Doyle's percentile threshold (1962, J. ACM 9:259–267): the bin whose cumulative fraction of
/// pixels (at or below it) is closest to `fraction`; the lowest such bin on ties, as ImageJ's
/// `Percentile` (which fixes `fraction` = 0.5). O(bins).
func percentileBin(_ counts: [Int], fraction: Double) -> Int? {
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { return nil }
    var cumulative = 0.0
    var best = Double.greatestFiniteMagnitude
    var level: Int? = nil
    for (i, n) in counts.enumerated() {
        cumulative += Double(n)
        let distance = abs(cumulative / total - fraction)
        if distance < best {
            best = distance
            level = i
        }
    }
    return level
}
