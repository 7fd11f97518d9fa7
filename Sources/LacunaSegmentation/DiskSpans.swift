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
/// frame is read and written once.
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

    func eroding(_ mask: Mask) -> Mask { combine(mask, foreground: false) }

    func dilating(_ mask: Mask) -> Mask { combine(mask, foreground: true) }

    /// foreground false: erosion (AND over the disc), true: dilation (OR). Bools are bytes 0 and
    /// 1, combined as UInt8.
    private func combine(_ mask: Mask, foreground: Bool) -> Mask {
        let w = mask.width, h = mask.height
        guard w > 0, h > 0 else { return mask }
        let radius = halfWidths.count - 1
        let widths = Array(Set(halfWidths)).sorted()
        let slotOfWidth = Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($1, $0) })
        let slots = halfWidths.map { slotOfWidth[$0]! }
        let ringRows = 2 * radius + 1
        var ring = [UInt8](repeating: 0, count: ringRows * widths.count * w)
        let samples = [Bool](unsafeUninitializedCapacity: w * h) { out, initialized in
            mask.samples.withUnsafeBufferPointer { bools in
                bools.withMemoryRebound(to: UInt8.self) { m in
                    ring.withUnsafeMutableBufferPointer { ring in
                        out.withMemoryRebound(to: UInt8.self) { out in
                            /// The reduced rows of source row `s`, one per distinct half-width.
                            func reduced(_ s: Int, _ slot: Int) -> UnsafeMutablePointer<UInt8> {
                                ring.baseAddress! + ((s % ringRows) * widths.count + slot) * w
                            }
                            func reduce(_ s: Int) {
                                let source = m.baseAddress! + s * w
                                var a = 0
                                for (slot, target) in widths.enumerated() {
                                    let row = reduced(s, slot)
                                    row.update(from: slot == 0 ? source : UnsafePointer(reduced(s, slot - 1)), count: w)
                                    while a < target {
                                        a += 1
                                        spread(row, source, count: w, by: a, foreground: foreground)
                                    }
                                }
                            }
                            for s in 0 ..< min(h, radius) { reduce(s) }
                            for y in 0 ..< h {
                                if y + radius < h { reduce(y + radius) }
                                let row = out.baseAddress! + y * w
                                row.initialize(repeating: foreground ? 0 : 1, count: w)
                                for dy in max(-radius, -y) ... min(radius, h - 1 - y) {
                                    let other = UnsafePointer(reduced(y + dy, slots[abs(dy)]))
                                    if foreground {
                                        for x in 0 ..< w { row[x] |= other[x] }
                                    } else {
                                        for x in 0 ..< w { row[x] &= other[x] }
                                    }
                                }
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
