import LacunaImage

/// A disc of radius r as one horizontal span per row: row dy holds |dx| ≤ ⌊√(r² − dy²)⌋.
/// Erosion keeps a pixel when every pixel of every span of the disc around it is foreground;
/// dilation sets it when some such pixel is. Pixels outside the frame are skipped (the frame
/// continues).
///
/// Each source row is reduced once along the row for every distinct half-width (the span of
/// half-width a is that of a − 1 combined with the two pixels a away) into
/// a ring of the 2⌊r⌋ + 1 rows an output row needs; each output row then combines one reduced
/// row per disc row. O(r) byte operations per pixel, all over whole rows (vectorised), and the
/// frame is read and written once. An opening or closing chains two such passes row by row
/// (`SpanPass`), so the intermediate erosion or dilation is never a whole frame.
struct DiskSpans {
    /// Radii from this up go through the distance transform instead.
    static let largestRadius = 16.0
    /// Half-width of the span of row dy, for dy = 0…⌊r⌋.
    let halfWidths: [Int]

    init(radius: Double) {
        precondition(radius >= 0 && radius < DiskSpans.largestRadius, "span discs need 0 ≤ r < 16")
        let limit = radius * radius
        halfWidths = (0 ... Int(radius)).map { dy in
            var a = 0
            while Double((a + 1) * (a + 1) + dy * dy) <= limit { a += 1 }
            return a
        }
    }

    func eroding(_ mask: Mask) -> Mask { passes(mask, [false]) }

    func dilating(_ mask: Mask) -> Mask { passes(mask, [true]) }

    /// Erosion, then dilation, streamed.
    func opening(_ mask: Mask) -> Mask { passes(mask, [false, true]) }

    /// Dilation, then erosion, streamed.
    func closing(_ mask: Mask) -> Mask { passes(mask, [true, false]) }

    /// One pass per entry of `foreground` (false: erosion, AND over the disc; true: dilation,
    /// OR), each pulling its source rows from the previous one. Bools are bytes 0 and 1,
    /// combined as UInt8.
    private func passes(_ mask: Mask, _ foreground: [Bool]) -> Mask {
        let w = mask.width, h = mask.height
        guard w > 0, h > 0 else { return mask }
        // The 3×3 cross (1 ≤ r < √2), the common opening, in one fused sweep a row.
        let halfWidths = halfWidths
        func pass(_ foreground: Bool) -> any RowPass {
            halfWidths == [1, 0] ? CrossPass(width: w, height: h, foreground: foreground)
                : SpanPass(halfWidths: halfWidths, width: w, height: h, foreground: foreground)
        }
        let first = pass(foreground[0])
        let second = foreground.count > 1 ? pass(foreground[1]) : nil
        let samples = [Bool](unsafeUninitializedCapacity: w * h) { out, initialized in
            mask.samples.withUnsafeBufferPointer { bools in
                bools.withMemoryRebound(to: UInt8.self) { m in
                    out.withMemoryRebound(to: UInt8.self) { out in
                        let source = { (s: Int, row: UnsafeMutablePointer<UInt8>) in
                            row.update(from: m.baseAddress! + s * w, count: w)
                        }
                        for y in 0 ..< h {
                            let row = out.baseAddress! + y * w
                            if let second {
                                second.row(y, into: row) { s, between in first.row(s, into: between, source: source) }
                            } else {
                                first.row(y, into: row, source: source)
                            }
                        }
                    }
                }
            }
            initialized = w * h
        }
        return Mask(width: w, height: h, samples: samples)
    }
}

/// One erosion or dilation, row by row, pulling its source rows in increasing order.
private protocol RowPass: AnyObject {
    /// Writes output row `y` (called for y = 0, 1, 2, … in turn) into `out`. `source(s, row)`
    /// must write source row `s` into `row`.
    func row(_ y: Int, into out: UnsafeMutablePointer<UInt8>, source: (Int, UnsafeMutablePointer<UInt8>) -> Void)
}

/// Erosion or dilation by the 3×3 cross: output row y combines source rows y − 1, y, y + 1
/// (those in the frame; a missing neighbour is replaced by the pixel itself, which AND and OR
/// ignore) in one sweep: out[x] = c[x − 1] ∘ c[x] ∘ c[x + 1] ∘ up[x] ∘ down[x]. The last
/// three source rows are kept in a ring.
private final class CrossPass: RowPass {
    let width: Int, height: Int, foreground: Bool
    let ring: UnsafeMutablePointer<UInt8>
    var loaded = 0

    init(width: Int, height: Int, foreground: Bool) {
        self.width = width
        self.height = height
        self.foreground = foreground
        ring = .allocate(capacity: 3 * width)
    }

    deinit { ring.deallocate() }

    private func slot(_ s: Int) -> UnsafeMutablePointer<UInt8> { ring + (s % 3) * width }

    func row(_ y: Int, into out: UnsafeMutablePointer<UInt8>, source: (Int, UnsafeMutablePointer<UInt8>) -> Void) {
        let w = width
        while loaded <= min(height - 1, y + 1) {
            source(loaded, slot(loaded))
            loaded += 1
        }
        let c = UnsafePointer(slot(y))
        let up = y > 0 ? UnsafePointer(slot(y - 1)) : c, down = y + 1 < height ? UnsafePointer(slot(y + 1)) : c
        if w == 1 {
            out[0] = foreground ? c[0] | up[0] | down[0] : c[0] & up[0] & down[0]
            return
        }
        // Interior columns through shifted pointers (the loop vectorises), then the two ends.
        let n = w - 2, o = out + 1, left = c, middle = c + 1, right = c + 2, above = up + 1, below = down + 1
        if foreground {
            for i in 0 ..< n { o[i] = left[i] | middle[i] | right[i] | above[i] | below[i] }
            out[0] = c[0] | c[1] | up[0] | down[0]
            out[w - 1] = c[w - 2] | c[w - 1] | up[w - 1] | down[w - 1]
        } else {
            for i in 0 ..< n { o[i] = left[i] & middle[i] & right[i] & above[i] & below[i] }
            out[0] = c[0] & c[1] & up[0] & down[0]
            out[w - 1] = c[w - 2] & c[w - 1] & up[w - 1] & down[w - 1]
        }
    }
}

/// One erosion or dilation by a `DiskSpans` disc, row by row: output row y needs source rows
/// y − r … y + r (within the frame), which the pass pulls from `source` in increasing order,
/// each once, and keeps reduced (one row per distinct half-width) in a ring of 2r + 1 rows.
private final class SpanPass: RowPass {
    let width: Int, height: Int, foreground: Bool
    let radius: Int
    /// The distinct half-widths, ascending, and the slot of each disc row's half-width.
    let widths: [Int]
    let slots: [Int]
    let ringRows: Int
    let ring: UnsafeMutablePointer<UInt8>
    /// The source row, when the ring has no slot of half-width 0 to take it.
    let scratch: UnsafeMutablePointer<UInt8>
    /// The next source row to reduce.
    var loaded = 0

    init(halfWidths: [Int], width: Int, height: Int, foreground: Bool) {
        self.width = width
        self.height = height
        self.foreground = foreground
        radius = halfWidths.count - 1
        widths = Array(Set(halfWidths)).sorted()
        let slotOfWidth = Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($1, $0) })
        slots = halfWidths.map { slotOfWidth[$0]! }
        ringRows = 2 * radius + 1
        ring = .allocate(capacity: ringRows * widths.count * width)
        scratch = .allocate(capacity: width)
    }

    deinit {
        ring.deallocate()
        scratch.deallocate()
    }

    /// The reduced row of source row `s` for half-width slot `slot`.
    private func reduced(_ s: Int, _ slot: Int) -> UnsafeMutablePointer<UInt8> {
        ring + ((s % ringRows) * widths.count + slot) * width
    }

    /// Writes output row `y` (called for y = 0, 1, 2, … in turn) into `out`. `source(s, row)`
    /// must write source row `s` into `row`: straight into the ring when the disc has a row
    /// of half-width 0 (which is the source row itself), so a chained pass costs no copy.
    func row(_ y: Int, into out: UnsafeMutablePointer<UInt8>, source: (Int, UnsafeMutablePointer<UInt8>) -> Void) {
        let w = width
        while loaded <= min(height - 1, y + radius) {
            let s = loaded
            let row = widths[0] == 0 ? reduced(s, 0) : scratch
            source(s, row)
            var a = 0
            for (slot, target) in widths.enumerated() {
                let reducedRow = reduced(s, slot)
                if slot > 0 {
                    reducedRow.update(from: reduced(s, slot - 1), count: w)
                } else if row != reducedRow {
                    reducedRow.update(from: row, count: w)
                }
                while a < target {
                    a += 1
                    spread(reducedRow, row, count: w, by: a, foreground: foreground)
                }
            }
            loaded += 1
        }
        let top = max(-radius, -y)
        out.update(from: reduced(y + top, slots[abs(top)]), count: w)
        for dy in stride(from: top + 1, through: min(radius, height - 1 - y), by: 1) {
            let other = UnsafePointer(reduced(y + dy, slots[abs(dy)]))
            if foreground {
                for x in 0 ..< w { out[x] |= other[x] }
            } else {
                for x in 0 ..< w { out[x] &= other[x] }
            }
        }
    }
}

/// Widens the span reduction in `row` by one pixel on each side: row[x] combined with
/// source[x − a] and source[x + a] where those lie in the frame.
@inline(__always)
private func spread(_ row: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, count w: Int, by a: Int,
                    foreground: Bool) {
    guard a < w else { return }
    // Shifted pointers, so that the loops index both sides alike (no checked x ± a) and vectorise.
    let right = row + a, ahead = source + a, n = w - a
    if foreground {
        for i in 0 ..< n { right[i] |= source[i] }
        for i in 0 ..< n { row[i] |= ahead[i] }
    } else {
        for i in 0 ..< n { right[i] &= source[i] }
        for i in 0 ..< n { row[i] &= ahead[i] }
    }
}
