import LacunaImage

/// Fills the holes of a mask: background regions that do not reach the image edge become
/// foreground (ImageJ "Fill Holes", SciPy `binary_fill_holes`).
///
/// Background is flooded from the edge with the connectivity dual to the foreground's
/// (4-connected background for 8-connected foreground, and vice versa), so a diagonal gap in
/// a pore's outline does not let the outside in. Complexity O(width·height). The input is not
/// modified.
public func fillingHoles(in mask: Mask, foreground: Connectivity = .eight) -> Mask {
    precondition(mask.channels == 1, "fillingHoles needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    if w == 0 || h == 0 { return mask }
    var outside = [Bool](repeating: false, count: w * h)
    var stack: [Int] = []
    mask.samples.withUnsafeBufferPointer { m in
        func seed(_ i: Int) {
            if !m[i] && !outside[i] {
                outside[i] = true
                stack.append(i)
            }
        }
        for x in 0 ..< w { seed(x); seed((h - 1) * w + x) }
        for y in 0 ..< h { seed(y * w); seed(y * w + w - 1) }
        let diagonal = foreground == .four
        while let i = stack.popLast() {
            let x = i % w, y = i / w
            if x > 0 { seed(i - 1) }
            if x + 1 < w { seed(i + 1) }
            if y > 0 { seed(i - w) }
            if y + 1 < h { seed(i + w) }
            if diagonal {
                if x > 0 && y > 0 { seed(i - w - 1) }
                if x + 1 < w && y > 0 { seed(i - w + 1) }
                if x > 0 && y + 1 < h { seed(i + w - 1) }
                if x + 1 < w && y + 1 < h { seed(i + w + 1) }
            }
        }
    }
    return Mask(width: w, height: h, channels: 1, samples: outside.map { !$0 })
}
