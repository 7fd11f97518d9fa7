import LacunaImage

/// Fills the holes of a mask: background regions that do not reach the image edge become
/// foreground (ImageJ "Fill Holes", SciPy `binary_fill_holes`).
///
/// Background is joined with the connectivity dual to the foreground's (4-connected
/// background for 8-connected foreground, and vice versa), so a diagonal gap in a pore's
/// outline does not let the outside in. The background components are found on the mask's
/// runs (`MaskRuns`), not pixel by pixel; complexity O(width·height). The input is not
/// modified.
public func fillingHoles(in mask: Mask, foreground: Connectivity = .eight) -> Mask {
    precondition(mask.channels == 1, "fillingHoles needs one channel, got \(mask.channels)")
    let w = mask.width, h = mask.height
    if w == 0 || h == 0 { return mask }
    var runs = MaskRuns(mask, foreground: foreground)
    let holes = runs.holeRuns()
    var filled = mask.samples
    filled.withUnsafeMutableBufferPointer { filled in
        runs.forEachRun { k, y, first, end, _ in
            guard holes[k] else { return }
            for x in first ..< end { filled[y * w + x] = true }
        }
    }
    return Mask(width: w, height: h, channels: 1, samples: filled)
}
