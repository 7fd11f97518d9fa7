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
    let smooth = gaussianSmoothed(image, sigma: sigma)
    let w = image.width, h = image.height
    var out = [Float](repeating: 0, count: w * h)
    guard w >= 3 && h >= 3 else { return Image(width: w, height: h, samples: out) }
    smooth.withUnsafeBufferPointer { f in
        out.withUnsafeMutableBufferPointer { o in
            for y in 1 ..< h - 1 {
                for x in 1 ..< w - 1 {
                    let i = y * w + x
                    let ix = (f[i + 1] - f[i - 1]) / 2, iy = (f[i + w] - f[i - w]) / 2
                    let ixx = f[i + 1] - 2 * f[i] + f[i - 1], iyy = f[i + w] - 2 * f[i] + f[i - w]
                    let ixy = (f[i + w + 1] - f[i + w - 1] - f[i - w + 1] + f[i - w - 1]) / 4
                    let g2 = ix * ix + iy * iy
                    let along = g2 > 1e-12 ? (ix * ix * ixx + 2 * ix * iy * ixy + iy * iy * iyy) / g2 : 0
                    o[i] = ixx + iyy + along
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
