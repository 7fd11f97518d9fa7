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
    precondition(image.channels == 1, "plusEdgeResponse needs one channel, got \(image.channels)")
    // The response is written over the smoothed values row by row, from copies of the rows
    // above and at the current one (the row below is still unwritten): one frame of `Float`.
    var out = gaussianSmoothed(image, sigma: sigma)
    let w = image.width, h = image.height
    guard w >= 3 && h >= 3 else { return Image(width: w, height: h, samples: [Float](repeating: 0, count: w * h)) }
    var above = [Float](repeating: 0, count: w), here = [Float](repeating: 0, count: w)
    out.withUnsafeMutableBufferPointer { o in
        above.withUnsafeMutableBufferPointer { up in
            here.withUnsafeMutableBufferPointer { mid in
                var up = up, mid = mid
                for x in 0 ..< w { up[x] = o[x]; mid[x] = o[w + x] }
                for y in 1 ..< h - 1 {
                    let down = UnsafeBufferPointer(rebasing: o[(y + 1) * w ..< (y + 2) * w])
                    let row = y * w
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
        for x in 0 ..< w {
            o[x] = o[w + x]
            o[(h - 1) * w + x] = o[(h - 2) * w + x]
        }
        for y in 0 ..< h {
            o[y * w] = o[y * w + 1]
            o[y * w + w - 1] = o[y * w + w - 2]
        }
    }
    return Image(width: w, height: h, samples: out)
}

/// Gaussian smoothing kept in `Float` (no rounding), with `gaussianBlur`'s kernel and borders.
func gaussianSmoothed<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double) -> [Float] {
    let w = image.width, h = image.height
    var values = image.samples.map { Float($0) }
    if sigma == 0 || w == 0 || h == 0 { return values }
    separableGaussian(&values, width: w, height: h, kernel: gaussianKernel(sigma: sigma))
    return values
}
