import LacunaImage

/// Measurements of one labelled region, in pixel units.
///
/// Conventions (docs/measurements.md):
/// - `area`: pixel count (scikit-image `area`, ImageJ Area with pw = ph = 1).
/// - `perimeter`: scikit-image's `perimeter` with 4-connectivity — boundary pixels (those with a
///   4-neighbour outside the region) weighted 1, √2 or (1+√2)/2 by the arrangement of their
///   boundary neighbours (Benkrid & Crookes's neighbourhood codes as implemented in
///   scikit-image `measure/_regionprops_utils.py`). It runs along pixel centres, so it is ~1 px
///   shorter than ImageJ's traced outline (../shared/reference/anchors.md §4.2).
/// - `centroid`: mean of pixel centres, pixel (x, y) centred at (x + ½, y + ½) (ImageJ's
///   convention; scikit-image reports the same point without the ½).
/// - `boundingBox`: inclusive-exclusive pixel ranges.
public struct RegionProperties: Sendable, Equatable {
    /// The region's label in the label image.
    public var label: Int
    /// Pixel count.
    public var area: Int
    /// Perimeter in pixel lengths (see the type's documentation).
    public var perimeter: Double
    /// Centroid x in pixels from the left edge of the image.
    public var centroidX: Double
    /// Centroid y in pixels from the top edge of the image.
    public var centroidY: Double
    /// Columns `minX..<maxX` and rows `minY..<maxY` that contain the region.
    public var minX: Int, minY: Int, maxX: Int, maxY: Int
    /// Whether the region has a pixel in the first or last row or column of the image.
    public var touchesBorder: Bool
    /// Shape descriptors (ImageJ and scikit-image conventions, inscribed and local-thickness
    /// radii), when measured (`measureShapes(of:regions:)`).
    public var shape: ShapeDescriptors?
    /// Area inside the region's sub-pixel outline in px² (`subpixelBoundaryAreas`), when
    /// measured; `nil` leaves the pixel count as the area.
    public var boundaryArea: Double? = nil

    public init(label: Int, area: Int, perimeter: Double, centroidX: Double, centroidY: Double,
                minX: Int, minY: Int, maxX: Int, maxY: Int, touchesBorder: Bool, shape: ShapeDescriptors? = nil) {
        self.label = label
        self.area = area
        self.perimeter = perimeter
        self.centroidX = centroidX
        self.centroidY = centroidY
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
        self.touchesBorder = touchesBorder
        self.shape = shape
    }

    /// The area the sizes use, in px²: the sub-pixel outline's area when measured, else the
    /// pixel count.
    public var measuredArea: Double { boundaryArea ?? Double(area) }

    /// Equivalent-circle radius √(A/π) in pixels of the measured area (`measuredArea`).
    public var equivalentRadius: Double { (measuredArea / Double.pi).squareRoot() }
}

/// Measures every region 1…`count` of `labels` in two passes over the image (one without
/// `perimeters`, which then reads 0). Complexity O(width·height + count). The label image is
/// not modified. Labels are `Int32` (`LabelImage`), or `UInt16` for cells narrowed to 16 bits.
@_specialize(where L == Int32)
@_specialize(where L == UInt16)
public func measureRegions<L: FixedWidthInteger & Sendable>(of labels: Image<L>, count: Int,
                                                            perimeters: Bool = true) -> [RegionProperties] {
    precondition(labels.channels == 1, "measureRegions needs one channel, got \(labels.channels)")
    let w = labels.width, h = labels.height
    // Flat accumulators, `stride` integers per label (index 0 unused): area, minX, maxX, minY,
    // maxY, touches border; and the coordinate sums. One raster pass.
    let stride = 6
    var counts = [Int](repeating: 0, count: (count + 1) * stride)
    for label in 0 ... count { counts[label * stride + 1] = Int.max; counts[label * stride + 3] = Int.max }
    var sums = [Double](repeating: 0, count: (count + 1) * 2)
    var perimeter = [Double](repeating: 0, count: count + 1)
    labels.samples.withUnsafeBufferPointer { l in
        counts.withUnsafeMutableBufferPointer { c in
            sums.withUnsafeMutableBufferPointer { sums in
                // One run of equal labels at a time: its count, extent and coordinate sums
                // at once (integer sums, exact in Double as the per-pixel sums were).
                for y in 0 ..< h {
                    let row = y * w
                    let edgeRow = y == 0 || y == h - 1
                    var x = 0
                    while x < w {
                        let own = l[row + x]
                        var end = x + 1
                        while end < w && l[row + end] == own { end += 1 }
                        if own == 0 {
                            x = end
                            continue
                        }
                        let label = Int(own)
                        precondition(label <= count, "label \(label) exceeds count \(count)")
                        let k = label * stride, length = end - x
                        c[k] += length
                        c[k + 1] = min(c[k + 1], x)
                        c[k + 2] = max(c[k + 2], end)
                        c[k + 3] = min(c[k + 3], y)
                        c[k + 4] = max(c[k + 4], y + 1)
                        sums[2 * label] += Double((x + end - 1) * length / 2)
                        sums[2 * label + 1] += Double(y * length)
                        if edgeRow || x == 0 || end == w { c[k + 5] = 1 }
                        x = end
                    }
                }
            }
        }
        if perimeters {
            perimeter.withUnsafeMutableBufferPointer { perimeter in
                perimeterPass(l, w, h) { label, weight in perimeter[label] += weight }
            }
        }
    }
    let regions = (0 ... count).map { label in
        let k = label * stride, area = counts[k], n = Double(area)
        return RegionProperties(label: label, area: area, perimeter: perimeter[label],
                                centroidX: area > 0 ? sums[2 * label] / n + 0.5 : 0,
                                centroidY: area > 0 ? sums[2 * label + 1] / n + 0.5 : 0,
                                minX: area > 0 ? counts[k + 1] : Int.max, minY: area > 0 ? counts[k + 3] : Int.max,
                                maxX: area > 0 ? counts[k + 2] : Int.min, maxY: area > 0 ? counts[k + 4] : Int.min,
                                touchesBorder: counts[k + 5] != 0)
    }
    return Array(regions.dropFirst())
}

/// Adds each boundary pixel's weight from its neighbourhood code
/// 1 + 2·(boundary 4-neighbours) + 10·(boundary diagonal neighbours), counting only neighbours
/// in the same region. A boundary pixel is a labelled pixel on the frame's edge or with a
/// 4-neighbour of another label; the flags of three rows at a time are kept (no full frame).
private func perimeterPass<L: FixedWidthInteger>(_ l: UnsafeBufferPointer<L>, _ w: Int, _ h: Int,
                                                 add: (Int, Double) -> Void) {
    var weights = [Double](repeating: 0, count: 50)
    for code in [5, 7, 15, 17, 25, 27] { weights[code] = 1 }
    for code in [21, 33] { weights[code] = 2.0.squareRoot() }
    for code in [13, 23] { weights[code] = (1 + 2.0.squareRoot()) / 2 }
    guard w > 0, h > 0 else { return }
    // Branch-free over the row (it vectorises): labelled, and on the frame's edge or with a
    // 4-neighbour of another label.
    func flagBoundary(row y: Int, into flags: UnsafeMutableBufferPointer<UInt8>) {
        let c = l.baseAddress! + y * w, f = flags.baseAddress!
        if y == 0 || y == h - 1 || w < 3 {
            for x in 0 ..< w { f[x] = c[x] != 0 ? 1 : 0 }
            return
        }
        let up = c - w, down = c + w
        f[0] = c[0] != 0 ? 1 : 0
        f[w - 1] = c[w - 1] != 0 ? 1 : 0
        for x in 1 ..< w - 1 {
            let own = c[x]
            let differs = (c[x - 1] ^ own) | (c[x + 1] ^ own) | (up[x] ^ own) | (down[x] ^ own)
            f[x] = (own != 0 ? 1 : 0) & (differs != 0 ? 1 : 0)
        }
    }
    var ring = [UInt8](repeating: 0, count: 3 * w)
    ring.withUnsafeMutableBufferPointer { ring in
        func rowFlags(_ y: Int) -> UnsafeMutableBufferPointer<UInt8> {
            UnsafeMutableBufferPointer(rebasing: ring[(y % 3) * w ..< (y % 3 + 1) * w])
        }
        flagBoundary(row: 0, into: rowFlags(0))
        for y in 0 ..< h {
            if y + 1 < h { flagBoundary(row: y + 1, into: rowFlags(y + 1)) }
            let above = rowFlags(y + 2), here = rowFlags(y), below = rowFlags(y + 1)
            let row = y * w
            for x in 0 ..< w {
                guard here[x] != 0 else { continue }
                let i = row + x, own = l[i]
                var code = 1
                if x > 0 && y > 0 && x + 1 < w && y + 1 < h {
                    // Inside the frame: the eight neighbours without bounds tests.
                    if here[x - 1] != 0 && l[i - 1] == own { code += 2 }
                    if here[x + 1] != 0 && l[i + 1] == own { code += 2 }
                    if above[x] != 0 && l[i - w] == own { code += 2 }
                    if below[x] != 0 && l[i + w] == own { code += 2 }
                    if above[x - 1] != 0 && l[i - w - 1] == own { code += 10 }
                    if above[x + 1] != 0 && l[i - w + 1] == own { code += 10 }
                    if below[x - 1] != 0 && l[i + w - 1] == own { code += 10 }
                    if below[x + 1] != 0 && l[i + w + 1] == own { code += 10 }
                } else {
                    for dy in -1 ... 1 {
                        let ny = y + dy
                        if ny < 0 || ny >= h { continue }
                        let flags = dy < 0 ? above : dy == 0 ? here : below
                        for dx in -1 ... 1 where dx != 0 || dy != 0 {
                            let nx = x + dx
                            if nx < 0 || nx >= w { continue }
                            if flags[nx] != 0 && l[ny * w + nx] == own { code += dx == 0 || dy == 0 ? 2 : 10 }
                        }
                    }
                }
                add(Int(own), weights[code])
            }
        }
    }
}
