import LacunaImage

/// k × k binning of a count map: each block's counts summed into one 16-bit pixel, so a
/// Poisson map stays Poisson with k² times the mean (and its relative noise falls by k). Blocks
/// cut by the right or bottom edge (n < k² pixels) are scaled by k²/n so they are not darker
/// than full ones. Sums above 65 535 saturate. The result is ⌈width/k⌉ × ⌈height/k⌉.
/// O(width·height); the input is not modified. `factor` 1 returns the samples as 16-bit.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func binnedSum<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, factor k: Int) -> Image<UInt16> {
    precondition(image.channels == 1, "binnedSum needs one channel, got \(image.channels)")
    precondition(k >= 1, "binning factor must be ≥ 1, got \(k)")
    let w = image.width, h = image.height
    let bw = (w + k - 1) / k, bh = (h + k - 1) / k
    var sums = [Int](repeating: 0, count: bw * bh), counts = [Int](repeating: 0, count: bw * bh)
    image.samples.withUnsafeBufferPointer { src in
        for y in 0 ..< h {
            let row = (y / k) * bw
            for x in 0 ..< w {
                sums[row + x / k] += Int(src[y * w + x])
                counts[row + x / k] += 1
            }
        }
    }
    let full = Double(k * k)
    let out = (0 ..< bw * bh).map { i -> UInt16 in
        let scaled = counts[i] == k * k ? Double(sums[i]) : (Double(sums[i]) * full / Double(counts[i])).rounded()
        return UInt16(min(65535, scaled))
    }
    return Image(width: bw, height: bh, samples: out)
}

/// A mask of `width × height` in which pixel (x, y) takes the value of binned pixel
/// (x/k, y/k): the inverse of `binnedSum`'s geometry (nearest neighbour). O(width·height).
public func upsampling(_ mask: Mask, factor k: Int, width: Int, height: Int) -> Mask {
    precondition(k >= 1 && mask.width == (width + k - 1) / k && mask.height == (height + k - 1) / k,
                 "upsampling: \(mask.width)×\(mask.height) by \(k) does not cover \(width)×\(height)")
    var out = [Bool](repeating: false, count: width * height)
    mask.samples.withUnsafeBufferPointer { m in
        out.withUnsafeMutableBufferPointer { o in
            for y in 0 ..< height {
                let row = (y / k) * mask.width
                for x in 0 ..< width { o[y * width + x] = m[row + x / k] }
            }
        }
    }
    return Mask(width: width, height: height, samples: out)
}
