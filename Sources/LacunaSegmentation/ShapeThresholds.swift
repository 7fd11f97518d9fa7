import Foundation

// Thresholds from the histogram's shape and moments: Triangle, Minimum, Intermodes, Moments,
// Percentile. Bin `i` stands for grey level `i`; the caller maps bins to values.

/// Zack, Rogers & Latt's triangle threshold (1977, J. Histochem. Cytochem. 25:741–753): the
/// bin farthest from the line joining the histogram peak to the end of its longer tail.
///
/// - scikit-image: the line runs from the first (or, flipped, last) occupied bin to the peak;
///   the first bin of maximal distance is returned.
/// - ImageJ: the line starts one bin outside the occupied range (at a zero count), and the
///   bin found is moved one step toward that end (`split--` in `AutoThresholder.Triangle`).
///
/// On a per-integer 16-bit histogram the peak is one noisy bin and the tail end is a single
/// outlier, which is why scikit-image and ImageJ differ by 16 % in foreground on §4.3's image
/// (docs/methods.md). O(bins). `nil` for an empty histogram.
func triangleBin(_ counts: [Int], imagej: Bool) -> Int? {
    let n = counts.count
    guard let firstOccupied = counts.firstIndex(where: { $0 > 0 }),
          let lastOccupied = counts.lastIndex(where: { $0 > 0 }) else { return nil }
    var peak = 0
    for i in 0 ..< n where counts[i] > counts[peak] { peak = i }
    var low = firstOccupied, high = lastOccupied
    if imagej {
        if low > 0 { low -= 1 }
        if high < n - 1 { high += 1 }
    }
    let flip = peak - low < high - peak
    // Work on the side from `start` to the peak, in mirrored coordinates when flipped.
    @inline(__always) func count(_ j: Int) -> Double { Double(counts[flip ? n - 1 - j : j]) }
    let start = flip ? n - 1 - high : low
    let top = flip ? n - 1 - peak : peak
    if start == top { return flip ? n - 1 - start : start }
    let height = Double(counts[peak]), width = Double(top - start)
    var best = imagej ? 0.0 : -Double.greatestFiniteMagnitude
    var split = start
    if imagej {
        // Distance of (i, count) to the line through (start, count(start)) and (top, height).
        let norm = (height * height + width * width).squareRoot()
        let nx = height / norm, ny = -width / norm
        let d = nx * Double(start) + ny * count(start)
        for j in start + 1 ... top {
            let distance = nx * Double(j) + ny * count(j) - d
            if distance > best {
                best = distance
                split = j
            }
        }
        split -= 1
    } else {
        for j in start ..< top {
            let length = height * Double(j - start) - width * count(j)
            if length > best {
                best = length
                split = j
            }
        }
    }
    return flip ? n - 1 - split : split
}

/// One pass of the 3-bin running mean that Minimum and Intermodes repeat until the histogram
/// has two maxima.
///
/// - `.skimage`: SciPy `uniform_filter1d(size=3)` in float32 with mirrored ends
///   (mode `reflect`: `b a | a b`), as `threshold_minimum` smooths.
/// - `.imagejMinimum`: zero outside the histogram.
/// - `.imagejIntermodes`: ImageJ's in-place running update (the last bin averages two).
enum HistogramSmoothing {
    case skimage, imagejMinimum, imagejIntermodes
}

func smoothOnce(_ h: inout [Double], scratch: inout [Double], mode: HistogramSmoothing) {
    let n = h.count
    guard n > 1 else { return }
    h.withUnsafeMutableBufferPointer { v in
        scratch.withUnsafeMutableBufferPointer { s in
            switch mode {
            case .skimage:
                for i in 0 ..< n {
                    let left = v[max(i - 1, 0)], right = v[min(i + 1, n - 1)]
                    s[i] = Double(Float((left + v[i] + right) / 3))
                }
            case .imagejMinimum:
                for i in 1 ..< n - 1 { s[i] = (v[i - 1] + v[i] + v[i + 1]) / 3 }
                s[0] = (v[0] + v[1]) / 3
                s[n - 1] = (v[n - 2] + v[n - 1]) / 3
            case .imagejIntermodes:
                var previous = 0.0, current = 0.0, next = v[0]
                for i in 0 ..< n - 1 {
                    previous = current
                    current = next
                    next = v[i + 1]
                    v[i] = (previous + current + next) / 3
                }
                v[n - 1] = (current + next) / 3
            }
        }
    }
    if mode != .imagejIntermodes { swap(&h, &scratch) }
}

/// Indices of strict local maxima, ImageJ's `bimodalTest` count (y[k−1] < y[k] > y[k+1]).
private func strictMaxima(_ h: [Double]) -> [Int] {
    var found: [Int] = []
    if h.count < 3 { return found }
    h.withUnsafeBufferPointer { v in
        for k in 1 ..< v.count - 1 where v[k - 1] < v[k] && v[k + 1] < v[k] {
            found.append(k)
            if found.count > 2 { break }
        }
    }
    return found
}

/// scikit-image's maxima, plateau-aware: a maximum is where a rise turns into a fall.
private func plateauMaxima(_ h: [Double]) -> [Int] {
    var found: [Int] = []
    var rising = true
    h.withUnsafeBufferPointer { v in
        for i in 0 ..< max(v.count - 1, 0) {
            if rising {
                if v[i + 1] < v[i] {
                    rising = false
                    found.append(i)
                    if found.count > 2 { break }
                }
            } else if v[i + 1] > v[i] {
                rising = true
            }
        }
    }
    return found
}

/// Glasbey's Minimum (1993; Prewitt & Mendelsohn 1966): smooth with a 3-bin mean until two
/// maxima remain (at most 10 000 passes), then take the valley between them.
/// scikit-image: the lowest smoothed bin between its two plateau-aware maxima. ImageJ: the
/// first bin with y[i−1] > y[i] ≤ y[i+1]. O(bins·passes). `nil` when two maxima never remain.
func minimumBin(_ counts: [Int], imagej: Bool) -> Int? {
    var h = counts.map(Double.init)
    if !imagej { h = h.map { Double(Float($0)) } }
    var scratch = h
    for _ in 0 ..< 10_000 {
        if imagej {
            if strictMaxima(h).count == 2 { break }
            smoothOnce(&h, scratch: &scratch, mode: .imagejMinimum)
        } else {
            smoothOnce(&h, scratch: &scratch, mode: .skimage)
            if plateauMaxima(h).count < 3 { break }
        }
    }
    if imagej {
        guard strictMaxima(h).count == 2, let last = counts.lastIndex(where: { $0 > 0 }) else { return nil }
        for i in stride(from: 1, to: last, by: 1) where h[i - 1] > h[i] && h[i + 1] >= h[i] { return i }
        return nil
    }
    let maxima = plateauMaxima(h)
    guard maxima.count == 2 else { return nil }
    var lowest = maxima[0]
    for i in maxima[0] ... maxima[1] where h[i] < h[lowest] { lowest = i }
    return lowest
}

/// Glasbey's Intermodes (1993), ImageJ's version: on the occupied range, smooth with a 3-bin
/// running mean until exactly two strict maxima j < k remain, then t = ⌊(j + k)/2⌋.
/// O(bins·passes). `nil` when two maxima never remain within 10 000 passes.
func intermodesBin(_ counts: [Int]) -> Int? {
    guard let first = counts.firstIndex(where: { $0 > 0 }),
          let last = counts.lastIndex(where: { $0 > 0 }) else { return nil }
    var h = counts[first ... last].map(Double.init)
    var scratch = h
    var passes = 0
    while strictMaxima(h).count != 2 {
        smoothOnce(&h, scratch: &scratch, mode: .imagejIntermodes)
        passes += 1
        if passes > 10_000 { return nil }
    }
    let maxima = strictMaxima(h)
    return (maxima[0] + maxima[1]) / 2 + first
}

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
