import Foundation

// Thresholds that split the histogram into two classes by their means: IsoData, Li, Mean.
// Bin `i` stands for grey level `i` (the caller maps bins to values); each function runs in
// O(bins) per iteration and does not allocate per bin.

/// Ridler–Calvard IsoData as scikit-image defines it: the lowest bin `t` with
/// 0 ≤ (μ(≤ t) + μ(> t))/2 − t < 1, means over the counts (Ridler & Calvard 1978,
/// IEEE Trans. SMC 8:630–632). `nil` with fewer than two occupied bins or no fixed point.
func isodataBinSkimage(_ counts: [Int]) -> Int? {
    guard counts.count > 1 else { return nil }
    var totalCount = 0.0, totalSum = 0.0
    for (i, n) in counts.enumerated() {
        totalCount += Double(n)
        totalSum += Double(i) * Double(n)
    }
    var lowCount = 0.0, lowSum = 0.0
    for t in 0 ..< counts.count - 1 {
        lowCount += Double(counts[t])
        lowSum += Double(t) * Double(counts[t])
        let highCount = totalCount - lowCount
        guard lowCount > 0, highCount > 0 else { continue }
        let middle = (lowSum / lowCount + (totalSum - lowSum) / highCount) / 2
        let distance = middle - Double(t)
        if distance >= 0 && distance < 1 { return t }
    }
    return nil
}

/// ImageJ's `IsoData` (NIH Image's intermeans): starting above the first occupied bin, the
/// first `g` with g = round((⌊μ(< g)⌋ + μ(> g))/2), the low mean truncated to an integer and
/// bin `g` itself in neither class, as in ImageJ 1.54 `AutoThresholder.IsoData`.
func isodataBinImageJ(_ counts: [Int]) -> Int? {
    let n = counts.count
    guard n > 2 else { return nil }
    var g = 0
    for i in 1 ..< n where counts[i] > 0 {
        g = i + 1
        break
    }
    while g <= n - 2 {
        var lowCount = 0, lowSum = 0
        for i in 0 ..< g {
            lowCount += counts[i]
            lowSum += counts[i] * i
        }
        var highCount = 0.0, highSum = 0.0
        for i in g + 1 ..< n {
            highCount += Double(counts[i])
            highSum += Double(counts[i]) * Double(i)
        }
        if lowCount > 0 && highCount > 0 {
            let low = Double(lowSum / lowCount)
            if g == Int(((low + highSum / highCount) / 2).rounded(.toNearestOrAwayFromZero)) { return g }
        }
        g += 1
    }
    return nil
}

/// Li's minimum cross entropy threshold by the iteration of Li & Tam (1998, Pattern Recognit.
/// Lett. 18:771–776) on Li & Lee's criterion (1993, Pattern Recognit. 26:617–625), as
/// scikit-image 0.26 runs it on integer images: levels shifted so the lowest is 0, start at
/// the mean, t ← (μ_b − μ_f)/(ln μ_b − ln μ_f) with foreground `level > t`, until |Δt| ≤ ½.
/// Returns the real-valued bin position (not rounded). `nil` if a class empties.
func liPositionSkimage(_ counts: [Int]) -> Double? {
    let (total, sum) = histogramMoments(counts)
    guard total > 0 else { return nil }
    var next = sum / total
    var current = -1.0
    var iterations = 0
    while abs(next - current) > 0.5 {
        current = next
        var backCount = 0.0, backSum = 0.0
        for (i, n) in counts.enumerated() where Double(i) <= current {
            backCount += Double(n)
            backSum += Double(i) * Double(n)
        }
        let foreCount = total - backCount, foreSum = sum - backSum
        guard backCount > 0, foreCount > 0 else { return nil }
        let back = backSum / backCount, fore = foreSum / foreCount
        if back == 0 { break }
        next = (back - fore) / (log(back) - log(fore))
        iterations += 1
        if iterations > 1000 || !next.isFinite { return nil }
    }
    return next
}

/// ImageJ's `Li`: the same iteration on bin indices, background `bin ≤ round(t)`, the new
/// estimate rounded half away from zero, stopping when it moves by ≤ ½; returns the last
/// rounded level, as ImageJ 1.54 `AutoThresholder.Li` does.
func liBinImageJ(_ counts: [Int]) -> Int? {
    let (total, sum) = histogramMoments(counts)
    guard total > 0 else { return nil }
    var next = sum / total
    var level = 0
    var iterations = 0
    repeat {
        let old = next
        level = Int(old + 0.5)
        var backCount = 0.0, backSum = 0.0, foreCount = 0.0, foreSum = 0.0
        for (i, n) in counts.enumerated() {
            if i <= level {
                backCount += Double(n)
                backSum += Double(i) * Double(n)
            } else {
                foreCount += Double(n)
                foreSum += Double(i) * Double(n)
            }
        }
        let back = backCount == 0 ? 0 : backSum / backCount
        let fore = foreCount == 0 ? 0 : foreSum / foreCount
        let t = (back - fore) / (log(back) - log(fore))
        guard t.isFinite else { return nil }
        next = t < -Double.ulpOfOne ? Double(Int(t - 0.5)) : Double(Int(t + 0.5))
        iterations += 1
        if iterations > 1000 { return nil }
        if abs(next - old) <= 0.5 { break }
    } while true
    return level
}

/// The mean bin position Σ i·nᵢ / Σ nᵢ (Glasbey 1993, CVGIP: GMIP 55:532–537); ImageJ
/// truncates it to a bin, scikit-image keeps the real mean. `nil` for an empty histogram.
func meanPosition(_ counts: [Int]) -> Double? {
    let (total, sum) = histogramMoments(counts)
    return total > 0 ? sum / total : nil
}

/// The pixel count Σ nᵢ and the first moment Σ i·nᵢ of a histogram, in Double.
private func histogramMoments(_ counts: [Int]) -> (total: Double, sum: Double) {
    var total = 0.0, sum = 0.0
    for (i, n) in counts.enumerated() {
        total += Double(n)
        sum += Double(i) * Double(n)
    }
    return (total, sum)
}
