// Thresholds from the modes of the smoothed histogram: Minimum and Intermodes. Bin `i`
// stands for grey level `i`; the caller maps bins to values.

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
