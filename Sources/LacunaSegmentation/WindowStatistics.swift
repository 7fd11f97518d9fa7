import LacunaImage

/// The index NumPy's `pad(mode="reflect")` reads for position `j` of a line of `n` samples:
/// mirrored about the end samples without repeating them (`c b | a b c | b a`), repeatedly for
/// windows longer than the line. A line of one sample repeats it.
@inline(__always)
func reflectIndex(_ j: Int, count n: Int) -> Int {
    if n == 1 { return 0 }
    let period = 2 * (n - 1)
    var m = j % period
    if m < 0 { m += period }
    return m < n ? m : period - m
}

/// Mean and population standard deviation of every `window × window` neighbourhood, the image
/// mirrored at its edges as NumPy's `reflect` pad (scikit-image `_mean_std`).
///
/// Running sums in exact 64-bit integers, first along rows and then down columns, so the cost
/// is O(width·height + window·(width + height)) whatever the window: O(1) per pixel (the
/// integral-image idea of Shafait et al. 2008, done separably). Means and variances are then
/// formed in Double as S/N and S₂/N − m² (clamped at 0).
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
func windowMeanDeviation<S: FixedWidthInteger & UnsignedInteger & Sendable>(
    of image: Image<S>, window: Int
) -> (mean: [Double], deviation: [Double]) {
    let w = image.width, h = image.height, r = window / 2
    let n = w * h
    var rowSum = [Int64](repeating: 0, count: n), rowSquares = [Int64](repeating: 0, count: n)
    image.samples.withUnsafeBufferPointer { src in
        rowSum.withUnsafeMutableBufferPointer { sum in
            rowSquares.withUnsafeMutableBufferPointer { sq in
                for y in 0 ..< h {
                    let row = y * w
                    var s: Int64 = 0, q: Int64 = 0
                    for j in -r ... r {
                        let v = Int64(src[row + reflectIndex(j, count: w)])
                        s += v
                        q += v * v
                    }
                    for x in 0 ..< w {
                        sum[row + x] = s
                        sq[row + x] = q
                        let add = Int64(src[row + reflectIndex(x + r + 1, count: w)])
                        let drop = Int64(src[row + reflectIndex(x - r, count: w)])
                        s += add - drop
                        q += add * add - drop * drop
                    }
                }
            }
        }
    }
    var mean = [Double](repeating: 0, count: n), deviation = [Double](repeating: 0, count: n)
    let count = Double(window * window)
    var columnSum = [Int64](repeating: 0, count: w), columnSquares = [Int64](repeating: 0, count: w)
    rowSum.withUnsafeBufferPointer { sum in
        rowSquares.withUnsafeBufferPointer { sq in
            mean.withUnsafeMutableBufferPointer { m in
                deviation.withUnsafeMutableBufferPointer { d in
                    for j in -r ... r {
                        let row = reflectIndex(j, count: h) * w
                        for x in 0 ..< w {
                            columnSum[x] += sum[row + x]
                            columnSquares[x] += sq[row + x]
                        }
                    }
                    for y in 0 ..< h {
                        let add = reflectIndex(y + r + 1, count: h) * w, drop = reflectIndex(y - r, count: h) * w
                        for x in 0 ..< w {
                            let mu = Double(columnSum[x]) / count
                            m[y * w + x] = mu
                            d[y * w + x] = max(0, Double(columnSquares[x]) / count - mu * mu).squareRoot()
                            columnSum[x] += sum[add + x] - sum[drop + x]
                            columnSquares[x] += sq[add + x] - sq[drop + x]
                        }
                    }
                }
            }
        }
    }
    return (mean, deviation)
}

/// Minimum and maximum of every `window × window` neighbourhood (edges mirrored as in
/// `windowMeanDeviation`), separably with a monotonic queue along rows then columns:
/// O(width·height + window·(width + height)), independent of the window's area.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
func windowExtrema<S: FixedWidthInteger & UnsignedInteger & Sendable>(
    of image: Image<S>, window: Int
) -> (minimum: [Int32], maximum: [Int32]) {
    let w = image.width, h = image.height, r = window / 2
    var rowMin = [Int32](repeating: 0, count: w * h), rowMax = rowMin
    // One scratch line and two index queues, reused for every row and column.
    var line = [Int32](repeating: 0, count: max(w, h) + 2 * r)
    var lowQueue = [Int](repeating: 0, count: line.count), highQueue = lowQueue
    func slide(count: Int, load: (Int) -> Int32, store: (Int, Int32, Int32) -> Void) {
        let padded = count + 2 * r
        for j in 0 ..< padded { line[j] = load(reflectIndex(j - r, count: count)) }
        var lowHead = 0, lowTail = 0, highHead = 0, highTail = 0
        for j in 0 ..< padded {
            let v = line[j]
            while lowTail > lowHead && line[lowQueue[lowTail - 1]] >= v { lowTail -= 1 }
            lowQueue[lowTail] = j
            lowTail += 1
            while highTail > highHead && line[highQueue[highTail - 1]] <= v { highTail -= 1 }
            highQueue[highTail] = j
            highTail += 1
            let start = j - 2 * r
            if start < 0 { continue }
            if lowQueue[lowHead] < start { lowHead += 1 }
            if highQueue[highHead] < start { highHead += 1 }
            store(start, line[lowQueue[lowHead]], line[highQueue[highHead]])
        }
    }
    image.samples.withUnsafeBufferPointer { src in
        for y in 0 ..< h {
            slide(count: w, load: { Int32(src[y * w + $0]) }, store: { x, lo, hi in
                rowMin[y * w + x] = lo
                rowMax[y * w + x] = hi
            })
        }
    }
    var minimum = rowMin, maximum = rowMax
    for x in 0 ..< w {
        slide(count: h, load: { rowMin[$0 * w + x] }, store: { y, lo, _ in minimum[y * w + x] = lo })
        slide(count: h, load: { rowMax[$0 * w + x] }, store: { y, _, hi in maximum[y * w + x] = hi })
    }
    return (minimum, maximum)
}
