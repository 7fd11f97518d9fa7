import LacunaImage

/// The PLUS edge operator of a one-channel integer image: the Laplacian plus the second
/// derivative in the gradient direction, of the image smoothed by a Gaussian of σ `sigma` px.
///
/// Its zero crossings locate edges (sub-pixel, by interpolation). Each term alone is biased on
/// a curved edge smoothed by a total σ_t (point spread and this smoothing): the zero crossing of
/// the second derivative along the gradient (Canny 1986's edges: the gradient maximum) lies
/// σ_t²κ/2 inside the curve, that of the Laplacian (Marr & Hildreth 1980) σ_t²κ/2 outside;
/// their sum cancels the O(σ_t²κ) term (Verbeek & van Vliet 1994, "On the location error of
/// curved edges in low-pass filtered 2-D and 3-D images", IEEE TPAMI 16(7):726–733), leaving a
/// bias of order σ_t⁴κ³. For a disc of radius R that removes the shrinkage πσ_t² of the area
/// inside a mid-level contour.
///
/// Derivatives are central differences of the smoothed image (mirrored borders, the border row
/// and column copy their neighbour's value); the second derivative along the gradient is
/// (Ix²Ixx + 2IxIyIxy + Iy²Iyy)/(Ix² + Iy²), 0 where the gradient vanishes.
/// Units: grey levels per px². Complexity O(width·height·σ). The input is not modified.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func plusEdgeResponse<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>,
                                                                              sigma: Double) -> Image<Float> {
    plusEdgeResponse(image, sigma: sigma, rows: 0 ..< image.height).image
}

/// Rows of `plusEdgeResponse(image, sigma:)`, each bit for bit the whole frame's, computed from
/// the source rows they need only (the smoothing's radius and one row on either side): the
/// pores' edges are measured band by band, so the response never fills a frame of `Float`.
public struct EdgeResponseRows: Sendable {
    /// The first row of the frame that `image`'s row 0 stands for.
    public let firstRow: Int
    /// Response rows `firstRow ..< firstRow + image.height` of the frame, full width. Rows
    /// outside `valid` (at most one at either end, not at the frame's edges) are NaN.
    public let image: Image<Float>
    /// The frame rows this band holds the response of: at least the rows asked for.
    public let valid: Range<Int>
}

/// Rows `rows` (within the frame) of the PLUS edge response of `image` (see
/// `plusEdgeResponse(_:sigma:)`), bit for bit the whole frame's. Memory: the band and one row
/// on either side, in `Float`.
@_specialize(exported: true, where S == UInt8)
@_specialize(exported: true, where S == UInt16)
public func plusEdgeResponse<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double,
                                                                              rows: Range<Int>) -> EdgeResponseRows {
    precondition(image.channels == 1, "plusEdgeResponse needs one channel, got \(image.channels)")
    let w = image.width, h = image.height
    precondition(rows.lowerBound >= 0 && rows.upperBound <= h, "rows \(rows) outside the frame's 0..<\(h)")
    guard w >= 3 && h >= 3 else {
        return EdgeResponseRows(firstRow: 0, image: Image(width: w, height: h, samples: [Float](repeating: 0, count: w * h)),
                                valid: 0 ..< h)
    }
    // Response row y (1 ≤ y ≤ h − 2) reads smoothed rows y − 1 … y + 1; rows 0 and h − 1 copy
    // rows 1 and h − 2. The band smooths the rows its response rows read.
    let interior = min(max(rows.lowerBound, 1), h - 2) ... min(max(rows.upperBound - 1, 1), h - 2)
    let smoothed = interior.lowerBound - 1 ..< interior.upperBound + 2
    // The response is written over the smoothed values row by row, from copies of the rows
    // above and at the current one (the row below is still unwritten): one band of `Float`.
    var out = gaussianSmoothed(image, sigma: sigma, rows: smoothed)
    let top = smoothed.lowerBound
    var above = [Float](repeating: 0, count: w), here = [Float](repeating: 0, count: w)
    out.withUnsafeMutableBufferPointer { o in
        above.withUnsafeMutableBufferPointer { up in
            here.withUnsafeMutableBufferPointer { mid in
                var up = up, mid = mid
                for x in 0 ..< w { up[x] = o[x]; mid[x] = o[w + x] }
                for y in interior {
                    let row = (y - top) * w
                    let down = UnsafeBufferPointer(rebasing: o[row + w ..< row + 2 * w])
                    for x in 1 ..< w - 1 {
                        let ix = (mid[x + 1] - mid[x - 1]) / 2, iy = (down[x] - up[x]) / 2
                        let ixx = mid[x + 1] - 2 * mid[x] + mid[x - 1], iyy = down[x] - 2 * mid[x] + up[x]
                        let ixy = (down[x + 1] - down[x - 1] - up[x + 1] + up[x - 1]) / 4
                        let g2 = ix * ix + iy * iy
                        let along = g2 > 1e-12 ? (ix * ix * ixx + 2 * ix * iy * ixy + iy * iy * iyy) / g2 : 0
                        o[row + x] = ixx + iyy + along
                    }
                    // The rows move up: the old row above is reused for the row below.
                    swap(&up, &mid)
                    for x in 0 ..< w { mid[x] = down[x] }
                }
            }
        }
        let last = smoothed.count - 1
        if top == 0 {
            for x in 0 ..< w { o[x] = o[w + x] }
        } else {
            for x in 0 ..< w { o[x] = .nan }
        }
        if smoothed.upperBound == h {
            for x in 0 ..< w { o[last * w + x] = o[(last - 1) * w + x] }
        } else {
            for x in 0 ..< w { o[last * w + x] = .nan }
        }
        for y in 0 ... last {
            o[y * w] = o[y * w + 1]
            o[y * w + w - 1] = o[y * w + w - 2]
        }
    }
    let valid = (top == 0 ? 0 : top + 1) ..< (smoothed.upperBound == h ? h : smoothed.upperBound - 1)
    return EdgeResponseRows(firstRow: top, image: Image(width: w, height: smoothed.count, samples: out), valid: valid)
}

/// Rows `rows` of the frame smoothed by `gaussianBlur`'s kernel and borders, kept in `Float`
/// (no rounding); σ = 0 gives the rows as `Float`.
func gaussianSmoothed<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double,
                                                                        rows: Range<Int>) -> [Float] {
    let w = image.width
    return [Float](unsafeUninitializedCapacity: w * rows.count) { out, count in
        image.samples.withUnsafeBufferPointer { source in
            let load = { (y: Int, row: UnsafeMutablePointer<Float>) in
                let s = source.baseAddress! + y * w
                for x in 0 ..< w { row[x] = Float(s[x]) }
            }
            if sigma == 0 {
                for y in rows { load(y, out.baseAddress! + (y - rows.lowerBound) * w) }
            } else {
                separableGaussian(width: w, height: image.height, kernel: gaussianKernel(sigma: sigma), rows: rows,
                                  load: load,
                                  store: { y, row in (out.baseAddress! + (y - rows.lowerBound) * w).update(from: row, count: w) })
            }
        }
        count = w * rows.count
    }
}
