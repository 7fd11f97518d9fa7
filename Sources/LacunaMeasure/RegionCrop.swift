import LacunaImage

/// One region cut out of a label image with a one-pixel background margin, so that kernels
/// need no bounds checks and see the region alone (other regions are background), as
/// scikit-image's `regionprops` and ImageJ's particle tracer do.
///
/// Crop pixel (x, y) is image pixel (x + originX, y + originY); the region's bounding box
/// starts at crop pixel (1, 1). Memory O(bounding-box area).
struct RegionCrop {
    /// `true` on the region's pixels, `false` elsewhere (margin included).
    var mask: Mask
    /// Image column of crop column 0 (the bounding box's left column − 1).
    var originX: Int
    /// Image row of crop row 0.
    var originY: Int

    /// The crop of `region` from `labels` (one channel, `region` measured on it).
    init<L: FixedWidthInteger>(labels: UnsafeBufferPointer<L>, imageWidth: Int, region: RegionProperties) {
        let w = region.maxX - region.minX + 2, h = region.maxY - region.minY + 2
        var samples = [Bool](repeating: false, count: w * h)
        let own = L(region.label)
        samples.withUnsafeMutableBufferPointer { s in
            for y in region.minY ..< region.maxY {
                let row = y * imageWidth, cropRow = (y - region.minY + 1) * w + 1 - region.minX
                for x in region.minX ..< region.maxX where labels[row + x] == own {
                    s[cropRow + x] = true
                }
            }
        }
        mask = Mask(width: w, height: h, channels: 1, samples: samples)
        originX = region.minX - 1
        originY = region.minY - 1
    }

    /// The frame index (y·imageWidth + x) of the region's first pixel in raster order, `nil` for
    /// an empty crop.
    func firstPixelIndex(imageWidth: Int) -> Int? {
        mask.samples.firstIndex(of: true).map { (originY + $0 / mask.width) * imageWidth + originX + $0 % mask.width }
    }

    /// The first and last column of the region in each crop row 1…height − 2, or `nil` for a
    /// row without region pixels (possible only when the region is not 4-connected by rows).
    func rowExtents() -> [(first: Int, last: Int)?] {
        let w = mask.width
        return mask.samples.withUnsafeBufferPointer { s in
            (1 ..< mask.height - 1).map { y -> (first: Int, last: Int)? in
                var first = -1, last = -1
                for x in 1 ..< w - 1 where s[y * w + x] {
                    if first < 0 { first = x }
                    last = x
                }
                return first < 0 ? nil : (first, last)
            }
        }
    }
}
