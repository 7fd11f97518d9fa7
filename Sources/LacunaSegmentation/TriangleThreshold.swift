// The triangle threshold. Bin `i` stands for grey level `i`; the caller maps bins to values.

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
