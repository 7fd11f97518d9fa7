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
    var stack: [Int32] = []
    mask.samples.withUnsafeBufferPointer { m in
        outside.withUnsafeMutableBufferPointer { outside in
            for x in 0 ..< w {
                seedOutside(x, m, outside, &stack)
                seedOutside((h - 1) * w + x, m, outside, &stack)
            }
            for y in 0 ..< h {
                seedOutside(y * w, m, outside, &stack)
                seedOutside(y * w + w - 1, m, outside, &stack)
            }
            let diagonal = foreground == .four
            while let popped = stack.popLast() {
                let i = Int(popped), x = i % w, y = i / w
                if x > 0 { seedOutside(i - 1, m, outside, &stack) }
                if x + 1 < w { seedOutside(i + 1, m, outside, &stack) }
                if y > 0 { seedOutside(i - w, m, outside, &stack) }
                if y + 1 < h { seedOutside(i + w, m, outside, &stack) }
                if diagonal {
                    if x > 0 && y > 0 { seedOutside(i - w - 1, m, outside, &stack) }
                    if x + 1 < w && y > 0 { seedOutside(i - w + 1, m, outside, &stack) }
                    if x > 0 && y + 1 < h { seedOutside(i + w - 1, m, outside, &stack) }
                    if x + 1 < w && y + 1 < h { seedOutside(i + w + 1, m, outside, &stack) }
                }
            }
            // The filled mask is everything not reached from the edge.
            for i in outside.indices { outside[i] = !outside[i] }
        }
    }
    return Mask(width: w, height: h, channels: 1, samples: outside)
}

/// Marks background pixel `i` as reached from the edge and queues it, once.
@inline(__always)
private func seedOutside(_ i: Int, _ m: UnsafeBufferPointer<Bool>, _ outside: UnsafeMutableBufferPointer<Bool>,
                         _ stack: inout [Int32]) {
    if !m[i] && !outside[i] {
        outside[i] = true
        stack.append(Int32(i))
    }
}
