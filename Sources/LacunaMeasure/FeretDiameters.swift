#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Caliper diameters of a region, ImageJ's convention (`Roi.getFeretValues`, 1.54): over the
/// convex hull of the pixel **corners** (so a single pixel has Feret √2 and MinFeret 1).
struct FeretDiameters {
    /// Largest distance between two hull vertices, in pixels.
    var maximum: Double
    /// Smallest caliper width (rotating calipers over the hull edges), in pixels.
    var minimum: Double
    /// Direction of the maximum diameter in degrees, 0 ≤ angle < 180, counter-clockwise from
    /// the +x axis as seen on screen (y up), from its left end point.
    var angleDegrees: Double

    /// The Feret values of `hull`, whose vertices are pixel corners.
    init(hull: ConvexPolygon) {
        let (a, b) = hull.diameterPair()
        let (p1, p2) = hull.xs[a] > hull.xs[b] ? (b, a) : (a, b)
        maximum = Double(hull.squaredDistance(a, b)).squareRoot()
        minimum = hull.minimumWidth()
        var angle = atan2(Double(hull.ys[p1] - hull.ys[p2]), Double(hull.xs[p2] - hull.xs[p1])) * 180 / Double.pi
        if angle < 0 { angle += 180 }
        angleDegrees = angle
    }
}

/// The convex hull of the region's pixel corners (crop coordinates): the outer corners of the
/// first and last pixel of every row span it. ImageJ's solidity divides the pixel count by its
/// area (anchors.md §4.1). O(rows + hull).
func cornerHull(of crop: RegionCrop) -> ConvexPolygon {
    let extents = crop.rowExtents()
    var lines = HullLines(origin: 1, count: extents.count + 1)
    for (index, extent) in extents.enumerated() {
        guard let extent else { continue }
        for y in index + 1 ... index + 2 {
            lines.add(x: extent.first, y: y)
            lines.add(x: extent.last + 1, y: y)
        }
    }
    return ConvexPolygon(lines)
}
