import LacunaImage

/// A disc of radius r as one horizontal span per row: row dy holds |dx| ≤ ⌊√(r² − dy²)⌋.
/// Erosion keeps a pixel when, in every row y + dy of the frame, the nearest background pixel
/// lies farther than that row's half-width; dilation sets it when, in some row, the nearest
/// foreground pixel lies within it. Rows outside the frame are skipped (the frame continues).
/// The nearest-pixel distances of each row come from two sweeps and are clamped at 255, above
/// any half-width used here.
struct DiskSpans {
    /// Radii from this up go through the distance transform instead.
    static let largestRadius = 16.0
    /// Half-width of the span of row dy, for dy = 0…⌊r⌋.
    let halfWidths: [Int]
    /// Spans up to this half-width are combined as shifted rows.
    static let shiftedWidth = 3

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

    /// foreground false: erosion (a pixel stays when its span in every disc row holds no
    /// background); true: dilation (set when some span holds foreground). Spans up to
    /// `shiftedWidth` are combined as shifted rows (vectorisable), wider ones through each row's
    /// distances to the nearest background/foreground pixel.
    private func combine(_ mask: Mask, foreground: Bool) -> Mask {
        let w = mask.width, h = mask.height
        var distance: [UInt8] = []
        if halfWidths.contains(where: { $0 > DiskSpans.shiftedWidth }) {
            distance = [UInt8](repeating: 0, count: w * h)
            mask.samples.withUnsafeBufferPointer { m in
                distance.withUnsafeMutableBufferPointer { d in
                    for y in 0 ..< h { rowDistances(m.baseAddress! + y * w, into: d.baseAddress! + y * w, count: w, to: foreground) }
                }
            }
        }
        var out = [Bool](repeating: !foreground, count: w * h)
        mask.samples.withUnsafeBufferPointer { m in
            distance.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { o in
                    for y in 0 ..< h {
                        let row = o.baseAddress! + y * w
                        for dy in -(halfWidths.count - 1) ... (halfWidths.count - 1) where y + dy >= 0 && y + dy < h {
                            let a = halfWidths[abs(dy)]
                            if a <= DiskSpans.shiftedWidth {
                                let source = m.baseAddress! + (y + dy) * w
                                for offset in -a ... a {
                                    let range = max(0, -offset) ..< min(w, w - offset)
                                    if foreground {
                                        for x in range { row[x] = row[x] || source[x + offset] }
                                    } else {
                                        for x in range { row[x] = row[x] && source[x + offset] }
                                    }
                                }
                            } else {
                                let source = d.baseAddress! + (y + dy) * w, limit = UInt8(a)
                                if foreground {
                                    for x in 0 ..< w { row[x] = row[x] || source[x] <= limit }
                                } else {
                                    for x in 0 ..< w { row[x] = row[x] && source[x] > limit }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Mask(width: w, height: h, samples: out)
    }
}

/// For each pixel of a row, the distance along the row to the nearest pixel whose value is
/// `target` (0 on such pixels), clamped at 255 (255 also when there is none).
private func rowDistances(_ m: UnsafePointer<Bool>, into d: UnsafeMutablePointer<UInt8>, count w: Int, to target: Bool) {
    var run = 255
    for x in 0 ..< w {
        run = m[x] == target ? 0 : min(run + 1, 255)
        d[x] = UInt8(run)
    }
    run = 255
    var x = w - 1
    while x >= 0 {
        run = m[x] == target ? 0 : min(run + 1, 255)
        if run < Int(d[x]) { d[x] = UInt8(run) }
        x -= 1
    }
}
