import LacunaImage
import LacunaTestSupport
import Testing

/// The masks of ../shared/reference/anchors.md §4.2: a 120 × 120 grid, pixel (x, y) tested at
/// its integer coordinates, shapes centred on (60, 60). scripts/regionprops_reference.py builds
/// the same masks with NumPy and prints scikit-image's values at full precision.
struct ReferenceMask: Sendable, CustomTestStringConvertible {
    var name: String
    /// Pixel count (anchors.md §4.2; 81, 1257, 1407, 1617, 1496 are the ones to verify).
    var area: Int
    /// scikit-image `regionprops(...).perimeter` as printed in anchors.md (4 decimals).
    var anchorPerimeter: Double
    /// The same value at full precision from scripts/regionprops_reference.py.
    var scriptPerimeter: Double
    /// r_eq = √(A/π) from anchors.md §4.4 (3 decimals), where listed.
    var anchorRadius: Double?
    var build: @Sendable () -> Mask

    var testDescription: String { name }

    static let size = 120

    static let all: [ReferenceMask] = [
        ReferenceMask(name: "square10", area: 100, anchorPerimeter: 36.0000, scriptPerimeter: 36.0,
                      anchorRadius: nil) {
            TestMasks.rectangle(width: size, height: size, xs: 55 ..< 65, ys: 55 ..< 65)
        },
        ReferenceMask(name: "disk_r5", area: 81, anchorPerimeter: 32.9706, scriptPerimeter: 32.970562748477,
                      anchorRadius: nil) {
            TestMasks.disk(width: size, height: size, centreX: 60, centreY: 60, radius: 5)
        },
        ReferenceMask(name: "disk_r20", area: 1257, anchorPerimeter: 131.8823, scriptPerimeter: 131.882250993909,
                      anchorRadius: 20.003) {
            TestMasks.disk(width: size, height: size, centreX: 60, centreY: 60, radius: 20)
        },
        ReferenceMask(name: "ellipse_30x15", area: 1407, anchorPerimeter: 151.8823,
                      scriptPerimeter: 151.882250993909, anchorRadius: 21.163) {
            TestMasks.ellipse(width: size, height: size, centreX: 60, centreY: 60, semiAxisX: 30, semiAxisY: 15)
        },
        ReferenceMask(name: "hexagon_R25", area: 1617, anchorPerimeter: 153.5391,
                      scriptPerimeter: 153.539105243401, anchorRadius: 22.687) {
            TestMasks.regularPolygon(width: size, height: size, centreX: 60, centreY: 60,
                                     circumradius: 25, sides: 6, startDegrees: 0)
        },
        ReferenceMask(name: "pentagon_R25", area: 1496, anchorPerimeter: 151.5391,
                      scriptPerimeter: 151.539105243401, anchorRadius: 21.822) {
            TestMasks.regularPolygon(width: size, height: size, centreX: 60, centreY: 60,
                                     circumradius: 25, sides: 5, startDegrees: 90)
        },
        // anchors.md §4.2, "Holes inside an object": 10 < ρ ≤ 20; skimage counts the outer and
        // the inner boundary.
        ReferenceMask(name: "ring_10_20", area: 940, anchorPerimeter: 203.4802,
                      scriptPerimeter: 203.480230740355, anchorRadius: nil) {
            TestMasks.ring(width: size, height: size, centreX: 60, centreY: 60, inner: 10, outer: 20)
        },
    ]
}
