#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Second central moments of a region's pixel centres (per pixel, i.e. divided by the count),
/// in pixels²; x is the column, y the row (downwards).
struct CentralMoments {
    var count: Int
    var xx: Double
    var yy: Double
    var xy: Double

    /// Moments of the crop's pixels, summed relative to the crop origin (translation does not
    /// change them). O(crop area).
    init(of crop: RegionCrop) {
        let w = crop.mask.width
        var n = 0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        crop.mask.samples.withUnsafeBufferPointer { s in
            for y in 0 ..< crop.mask.height {
                for x in 0 ..< w where s[y * w + x] {
                    let fx = Double(x), fy = Double(y)
                    n += 1
                    sx += fx
                    sy += fy
                    sxx += fx * fx
                    syy += fy * fy
                    sxy += fx * fy
                }
            }
        }
        count = n
        let m = Double(max(n, 1))
        let mx = sx / m, my = sy / m
        xx = sxx / m - mx * mx
        yy = syy / m - my * my
        xy = sxy / m - mx * my
    }

    /// Eigenvalues (largest first) of [[xx + extra, xy], [xy, yy + extra]], clipped at 0.
    func eigenvalues(adding extra: Double = 0) -> (Double, Double) {
        let mean = (xx + yy) / 2 + extra
        let root = (((xx - yy) / 2) * ((xx - yy) / 2) + xy * xy).squareRoot()
        return (max(mean + root, 0), max(mean - root, 0))
    }
}

/// ImageJ's fitted ellipse (`EllipseFitter`, Rodieck): the ellipse with the second moments of
/// the region, each pixel a uniform unit square (variance + 1/12 on each axis; ImageJ adds
/// 0.08333333), rescaled to the region's area so that π·major·minor/4 = A. Axes in pixels;
/// the angle of the major axis in degrees, 0 ≤ angle < 180, counter-clockwise from +x on
/// screen (0 for a circle).
struct ImageJEllipse {
    var major: Double
    var minor: Double
    var angleDegrees: Double

    init(moments m: CentralMoments) {
        let (l1, l2) = m.eigenvalues(adding: 1.0 / 12)
        let radius = (Double(m.count) / Double.pi).squareRoot()
        let ratio = l2 > 0 ? (l1 / l2).squareRoot().squareRoot() : 1
        major = 2 * radius * ratio
        minor = 2 * radius / ratio
        // y grows downwards, so the screen angle of the principal axis has −xy.
        var angle = 0.5 * atan2(-2 * m.xy, m.xx - m.yy) * 180 / Double.pi
        if angle < 0 { angle += 180 }
        if angle >= 180 { angle -= 180 }
        angleDegrees = angle
    }
}

/// scikit-image's `regionprops` ellipse: the inertia tensor of the pixel centres (no 1/12 term)
/// with axis lengths 4√λ₁ and 4√λ₂, eccentricity √(1 − λ₂/λ₁) (0 when λ₁ = 0), and
/// `orientation`, the angle in radians between the rows axis and the major axis, −π/2…π/2.
struct ScikitEllipse {
    var major: Double
    var minor: Double
    var eccentricity: Double
    var orientation: Double

    init(moments m: CentralMoments) {
        let (l1, l2) = m.eigenvalues()
        major = 4 * l1.squareRoot()
        minor = 4 * l2.squareRoot()
        eccentricity = l1 == 0 ? 0 : (1 - l2 / l1).squareRoot()
        // scikit-image's `inertia_tensor` [[a, b], [b, c]]: a = column (x) variance, b = −xy,
        // c = row (y) variance; `orientation` as in `_regionprops.py`.
        let a = m.xx, b = -m.xy, c = m.yy
        if a - c == 0 {
            orientation = b < 0 ? Double.pi / 4 : -Double.pi / 4
        } else {
            orientation = 0.5 * atan2(-2 * b, c - a)
        }
    }
}
