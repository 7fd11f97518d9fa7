import Foundation

// Information-theoretic thresholds: Huang, MaxEntropy (Kapur), Yen. Bin `i` stands for grey
// level `i`; the caller maps bins to values.

/// Huang & Wang's fuzzy-entropy threshold (1995, Pattern Recognit. 28:41–51) with Shannon's
/// entropy function, as ImageJ 1.54 `AutoThresholder.Huang` computes it: membership
/// μ(i) = 1/(1 + |i − m_c|/(last − first)) to the mean m_c of the pixel's class, classes
/// `≤ t` and `> t`, the lowest `t` minimising Σ nᵢ·S(μ(i)). O(bins²). `nil` for fewer than two
/// occupied bins.
func huangBin(_ counts: [Int]) -> Int? {
    guard let first = counts.firstIndex(where: { $0 > 0 }),
          let last = counts.lastIndex(where: { $0 > 0 }), last > first else { return nil }
    let n = counts.count
    let term = 1.0 / Double(last - first)
    var lowMean = [Double](repeating: 0, count: n), highMean = [Double](repeating: 0, count: n)
    var sum = 0.0, count = 0.0
    for i in first ..< n {
        sum += Double(i) * Double(counts[i])
        count += Double(counts[i])
        lowMean[i] = sum / count
    }
    sum = 0
    count = 0
    for i in stride(from: last, to: 0, by: -1) {
        sum += Double(i) * Double(counts[i])
        count += Double(counts[i])
        highMean[i - 1] = sum / count
    }
    @inline(__always) func entropy(_ i: Int, _ m: Double) -> Double {
        let mu = 1 / (1 + term * abs(Double(i) - m))
        if mu < 1e-6 || mu > 0.999999 { return 0 }
        return Double(counts[i]) * (-mu * log(mu) - (1 - mu) * log(1 - mu))
    }
    var best = Double.greatestFiniteMagnitude
    var level: Int? = nil
    for t in 0 ..< n {
        var e = 0.0
        for i in 0 ... t where counts[i] > 0 { e += entropy(i, lowMean[t]) }
        if t + 1 < n {
            for i in t + 1 ..< n where counts[i] > 0 { e += entropy(i, highMean[t]) }
        }
        if e < best {
            best = e
            level = t
        }
    }
    return level
}

/// Kapur, Sahoo & Wong's maximum-entropy threshold (1985, CVGIP 29:273–285): the lowest `t`
/// in the occupied range maximising H(≤ t) + H(> t), each class's Shannon entropy of its
/// normalised histogram. Computed in O(bins) from running sums of p·ln p, using
/// H = ln P − (Σ p ln p)/P. `nil` for fewer than two occupied bins.
func maxEntropyBin(_ counts: [Int]) -> Int? {
    guard let first = counts.firstIndex(where: { $0 > 0 }),
          let last = counts.lastIndex(where: { $0 > 0 }), last > first else { return nil }
    let total = Double(counts.reduce(0, +))
    var allPLogP = 0.0
    for n in counts where n > 0 {
        let p = Double(n) / total
        allPLogP += p * log(p)
    }
    var lowP = 0.0, lowPLogP = 0.0
    var best = -Double.greatestFiniteMagnitude
    var level = first
    for t in first ..< last {
        if counts[t] > 0 {
            let p = Double(counts[t]) / total
            lowP += p
            lowPLogP += p * log(p)
        }
        let highP = 1 - lowP
        guard lowP > 0, highP > 0 else { continue }
        let h = (log(lowP) - lowPLogP / lowP) + (log(highP) - (allPLogP - lowPLogP) / highP)
        if h > best {
            best = h
            level = t
        }
    }
    return level
}

/// Yen, Chang & Chang's maximum-correlation threshold (1995, IEEE Trans. Image Process.
/// 4:370–378): the lowest `t` maximising −ln(Σ_{≤t} p² · Σ_{>t} p²) + 2·ln(P(≤t)·(1 − P(≤t))).
///
/// `skimage`: scikit-image 0.26's form, t over all bins but the last, the criterion as
/// ln((P(≤t)·(1 − P(≤t)))² / (Σ_{≤t} p² · Σ_{>t} p²)). ImageJ: every bin, logarithms of zero
/// products taken as 0 (`AutoThresholder.Yen`). Both in double. `nil` for an empty histogram.
func yenBin(_ counts: [Int], skimage: Bool) -> Int? {
    let n = counts.count
    guard n > 1 else { return n == 1 ? 0 : nil }
    let total = counts.reduce(0, +)
    guard total > 0 else { return nil }
    let pmf = counts.map { Double($0) / Double(total) }
    // high[t] = Σ_{i > t} p².
    var high = [Double](repeating: 0, count: n)
    var acc = 0.0
    for i in stride(from: n - 1, to: 0, by: -1) {
        acc += pmf[i] * pmf[i]
        high[i - 1] = acc
    }
    var best = -Double.greatestFiniteMagnitude
    var level = 0
    var p1 = 0.0, p1Square = 0.0
    for t in 0 ..< (skimage ? n - 1 : n) {
        p1 += pmf[t]
        p1Square += pmf[t] * pmf[t]
        let a = p1Square * high[t], b = p1 * (1 - p1)
        let crit = skimage ? log((1 / a) * (b * b)) : -(a > 0 ? log(a) : 0) + 2 * (b > 0 ? log(b) : 0)
        if crit > best {
            best = crit
            level = t
        }
    }
    return level
}
