#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LacunaImage
import LacunaSynth

/// Builders for small binary masks with known geometry, for tests.
///
/// Pixel `(x, y)` is tested at its integer coordinates (scikit-image's convention for the
/// reference masks of ../shared/reference/anchors.md §4.2), not at its centre.
public enum TestMasks {
    /// Random overlapping discs (radius 2–14 px) and bars (3 px wide): necks of every width,
    /// touching pores, convex pores.
    public static func discsAndBars(seed: UInt64, width: Int, height: Int, count: Int) -> Mask {
        var random = SeededRandom(seed: seed)
        var inside = [Bool](repeating: false, count: width * height)
        for _ in 0 ..< count {
            let cx = random.uniform() * Double(width), cy = random.uniform() * Double(height)
            let r = 2 + random.uniform() * 12
            let bar = random.uniform() < 0.2
            for y in 0 ..< height {
                for x in 0 ..< width {
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    if bar ? (abs(dx) <= r && abs(dy) <= 1.5) : dx * dx + dy * dy <= r * r { inside[y * width + x] = true }
                }
            }
        }
        return Mask(width: width, height: height, samples: inside)
    }

    /// A mask drawn as text, one string per row: `#` or `1` is foreground, `.` or `0`
    /// background; spaces are ignored so rows can be aligned. All rows must have equal length.
    public static func parse(_ rows: [String]) -> Mask {
        let cleaned = rows.map { $0.filter { $0 != " " } }
        let width = cleaned.first?.count ?? 0
        var samples: [Bool] = []
        samples.reserveCapacity(width * cleaned.count)
        for (y, row) in cleaned.enumerated() {
            precondition(row.count == width, "row \(y) has \(row.count) pixels, expected \(width)")
            for character in row {
                switch character {
                case "#", "1": samples.append(true)
                case ".", "0": samples.append(false)
                default: preconditionFailure("unexpected character \(character) in row \(y)")
                }
            }
        }
        return Mask(width: width, height: cleaned.count, channels: 1, samples: samples)
    }

    /// The mask of pixels for which `inside(x, y)` holds.
    public static func make(width: Int, height: Int, _ inside: (Int, Int) -> Bool) -> Mask {
        var samples = [Bool](repeating: false, count: width * height)
        for y in 0 ..< height {
            for x in 0 ..< width { samples[y * width + x] = inside(x, y) }
        }
        return Mask(width: width, height: height, channels: 1, samples: samples)
    }

    /// Columns `xs` and rows `ys` set.
    public static func rectangle(width: Int, height: Int, xs: Range<Int>, ys: Range<Int>) -> Mask {
        make(width: width, height: height) { xs.contains($0) && ys.contains($1) }
    }

    /// `(x − cx)² + (y − cy)² ≤ r²`.
    public static func disk(width: Int, height: Int, centreX cx: Double, centreY cy: Double,
                            radius r: Double) -> Mask {
        make(width: width, height: height) { x, y in
            let dx = Double(x) - cx, dy = Double(y) - cy
            return dx * dx + dy * dy <= r * r
        }
    }

    /// `inner² < (x − cx)² + (y − cy)² ≤ outer²`.
    public static func ring(width: Int, height: Int, centreX cx: Double, centreY cy: Double,
                            inner: Double, outer: Double) -> Mask {
        make(width: width, height: height) { x, y in
            let dx = Double(x) - cx, dy = Double(y) - cy
            let rho2 = dx * dx + dy * dy
            return rho2 > inner * inner && rho2 <= outer * outer
        }
    }

    /// `((x − cx)/a)² + ((y − cy)/b)² ≤ 1`.
    public static func ellipse(width: Int, height: Int, centreX cx: Double, centreY cy: Double,
                               semiAxisX a: Double, semiAxisY b: Double) -> Mask {
        make(width: width, height: height) { x, y in
            let u = (Double(x) - cx) / a, v = (Double(y) - cy) / b
            return u * u + v * v <= 1
        }
    }

    /// Integer points inside or on a regular polygon with `sides` vertices at angles
    /// `startDegrees + k·360°/sides` on a circle of `circumradius` (angle measured from +x
    /// towards +y, i.e. clockwise on screen). Membership: on the inner side of, or on, every edge.
    public static func regularPolygon(width: Int, height: Int, centreX cx: Double, centreY cy: Double,
                                      circumradius: Double, sides: Int, startDegrees: Double) -> Mask {
        precondition(sides >= 3, "a polygon needs 3 or more sides, got \(sides)")
        let vertices = (0 ..< sides).map { k -> (Double, Double) in
            let angle = (startDegrees + 360.0 / Double(sides) * Double(k)) * Double.pi / 180
            return (cx + circumradius * cos(angle), cy + circumradius * sin(angle))
        }
        return make(width: width, height: height) { x, y in
            var positive = true, negative = true
            for k in 0 ..< sides {
                let (ax, ay) = vertices[k], (bx, by) = vertices[(k + 1) % sides]
                let cross = (bx - ax) * (Double(y) - ay) - (by - ay) * (Double(x) - ax)
                if cross < 0 { positive = false }
                if cross > 0 { negative = false }
            }
            return positive || negative
        }
    }

    /// Each pixel set independently with probability `density`, from a seeded generator.
    public static func random(width: Int, height: Int, density: Double, seed: UInt64) -> Mask {
        var generator = SeededRandom(seed: seed)
        var samples = [Bool](repeating: false, count: width * height)
        for i in samples.indices { samples[i] = generator.uniform() < density }
        return Mask(width: width, height: height, channels: 1, samples: samples)
    }

    /// The pixel-wise union of masks of equal shape.
    public static func union(_ masks: Mask...) -> Mask {
        guard let first = masks.first else { preconditionFailure("union of no masks") }
        var samples = first.samples
        for mask in masks.dropFirst() {
            precondition(mask.width == first.width && mask.height == first.height, "mask shapes differ")
            for i in samples.indices where mask.samples[i] { samples[i] = true }
        }
        return Mask(width: first.width, height: first.height, channels: 1, samples: samples)
    }

    /// Number of foreground pixels.
    public static func count(_ mask: Mask) -> Int {
        mask.samples.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// A label image with `label` on the mask's foreground and 0 elsewhere.
    public static func labels(_ mask: Mask, label: Int32 = 1) -> LabelImage {
        mask.map { $0 ? label : 0 }
    }
}
