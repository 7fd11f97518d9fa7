#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LacunaImage
import LacunaSegmentation

/// The area inside each region's sub-pixel outline, located on the image itself rather than on
/// the thresholded mask.
///
/// Method: rays are cast from the region's centroid, about one per half pixel of outline
/// (at least 32). Along each ray the mask boundary is found (the first step, 0.25 px, leaving
/// the region), and the edge response (`plusEdgeResponse`) is sampled bilinearly every 0.25 px
/// within `window` px on either side of it. The edge is the zero crossing of the response with
/// the sign change of a pore's edge (for dark pores the response goes from positive inside to
/// negative outside) nearest the mask boundary, interpolated linearly between the two samples
/// (the sub-pixel refinement of Devernay 1995, "A non-maxima suppression method for edge
/// detection with sub-pixel accuracy", INRIA RR-2724, done on zero crossings along rays).
/// A ray without such a crossing keeps the mask boundary; a ray reaching the frame's edge inside
/// the region stops there (so a pore cut by the frame gives its area inside the frame, as
/// porosity needs). The outline through the ray points is a star-shaped polygon about the
/// centroid, whose area is the shoelace sum.
///
/// Regions whose centroid pixel lies outside them (so not star-shaped about it) and regions
/// under 3 pixels get `nil`: their pixel count stands.
/// Units: px². Complexity O(Σ perimeter × (radius + window) × 16) per image.
/// The inputs are not modified.
///
/// - Parameters:
///   - labels: the regions (label 1…n), same size as `response`.
///   - regions: their properties from `measureRegions` (centroid, border flag), in label order.
///   - response: the edge response of the grey image, e.g. `plusEdgeResponse`.
///   - polarity: whether pores are dark or bright, which fixes the sign change.
///   - window: search distance in px on either side of the mask boundary.
///   - threads: regions are measured by up to this many threads (same result for any number).
@_specialize(where L == Int32)
@_specialize(where L == UInt16)
public func subpixelBoundaryAreas<L: FixedWidthInteger & Sendable>(
    of labels: Image<L>, regions: [RegionProperties], response: Image<Float>, polarity: PorePolarity,
    window: Double = 3, threads: Int = 1
) -> [Double?] {
    precondition(labels.width == response.width && labels.height == response.height,
                 "labels \(labels.width)×\(labels.height) and response \(response.width)×\(response.height) differ")
    let insideSign: Float = polarity == .dark ? 1 : -1
    let directions = RayDirections(counts: regions.map(\.rayCount))
    return labels.samples.withUnsafeBufferPointer { l in
        response.samples.withUnsafeBufferPointer { r in
            let tracer = RayTracer(labels: l, response: r, width: labels.width, height: labels.height,
                                   insideSign: insideSign, window: window)
            return parallelMap(regions.count, threads: threads) { i in
                tracer.area(of: regions[i], directions: directions[regions[i].rayCount])
            }
        }
    }
}

/// The unit vectors (cos 2πk/n, sin 2πk/n) of every ray count n in use, computed once per
/// image instead of once per ray.
struct RayDirections: Sendable {
    private var table: [Int: [SIMD2<Double>]] = [:]

    init(counts: some Sequence<Int>) {
        for n in counts where table[n] == nil {
            table[n] = (0 ..< n).map { k in
                let angle = 2 * Double.pi * Double(k) / Double(n)
                return SIMD2(cos(angle), sin(angle))
            }
        }
    }

    subscript(count: Int) -> [SIMD2<Double>] {
        guard let directions = table[count] else { preconditionFailure("no ray directions for \(count) rays") }
        return directions
    }
}

/// Casts the rays of one region over flat buffers.
struct RayTracer<L: FixedWidthInteger> {
    let labels: UnsafeBufferPointer<L>
    let response: UnsafeBufferPointer<Float>
    /// The frame row that `response`'s first row stands for (a band of `EdgeResponseRows`).
    let firstRow: Int
    let width: Int, height: Int
    var insideSign: Float
    let window: Double
    let step = 0.25
    /// Whether the sample positions of a ray that stays in the frame are computed as
    /// first + k · step: they start a multiple of ⅛ px from the centre (the boundary lies half a
    /// step before a multiple of the step, and `window` is a multiple of ⅛), so below 2¹⁹ px
    /// every one is exact, and equal to the running sum of steps a forward scan accumulates.
    let exactPositions: Bool

    init(labels: UnsafeBufferPointer<L>, response: UnsafeBufferPointer<Float>, firstRow: Int = 0, width: Int,
         height: Int, insideSign: Float, window: Double) {
        (self.labels, self.response, self.firstRow, self.width, self.height) = (labels, response, firstRow, width, height)
        (self.insideSign, self.window) = (insideSign, window)
        exactPositions = window >= 0 && window * 8 == (window * 8).rounded() && max(width, height) < 1 << 19
            && window < Double(1 << 19)
    }

    /// The area inside the outline through the edge points of rays along `directions`.
    func area(of region: RegionProperties, directions: [SIMD2<Double>]) -> Double? {
        if region.area < 3 { return nil }
        let cx = region.centroidX, cy = region.centroidY
        let own = L(region.label)
        guard label(atX: cx, y: cy) == own else { return nil }
        // Every sample closer to the centre than this lies in a pixel of the region: the march
        // to the mask boundary starts there (the same steps, fewer of them).
        let skip = max(0, ((ownDiscRadius(of: region, own: own) - 0.75) / step).rounded(.down)) * step
        var twice = 0.0
        var first: (x: Double, y: Double)? = nil, previous: (x: Double, y: Double)? = nil
        for direction in directions {
            let dx = direction.x, dy = direction.y
            let s = edgeDistance(cx: cx, cy: cy, dx: dx, dy: dy, own: own, from: skip)
            let point = (x: s * dx, y: s * dy)
            if let p = previous { twice += p.x * point.y - point.x * p.y }
            if first == nil { first = point }
            previous = point
        }
        if let p = previous, let f = first { twice += p.x * f.y - f.x * p.y }
        return abs(twice) / 2
    }

    /// Distance from the centre to the edge along (dx, dy). A ray that reaches the frame's edge
    /// inside the region ends there unless an edge lies within `window` before it, so a pore
    /// cut by the frame gives its part inside the frame.
    /// `start` is a multiple of the step before which every sample is known to be inside.
    @inline(__always)
    private func edgeDistance(cx: Double, cy: Double, dx: Double, dy: Double, own: L, from start: Double) -> Double {
        let frameExit = distanceToFrameEdge(cx: cx, cy: cy, dx: dx, dy: dy)
        return min(crossing(cx: cx, cy: cy, dx: dx, dy: dy, own: own, from: start, frameExit: frameExit).distance,
                   frameExit)
    }

    /// The edge along (dx, dy): the zero crossing nearest the mask boundary, whether one was
    /// found (`crossed`), else the boundary (or `frameExit` when the region reaches the frame).
    @inline(__always)
    func crossing(cx: Double, cy: Double, dx: Double, dy: Double, own: L, from start: Double,
                  frameExit: Double) -> (distance: Double, crossed: Bool) {
        var s = start
        while s < frameExit && label(atX: cx + s * dx, y: cy + s * dy) == own { s += step }
        let leavesFrame = s >= frameExit
        let boundary = leavesFrame ? frameExit : s - step / 2
        let first = max(0, boundary - window)
        let end = leavesFrame ? frameExit : boundary + window
        // The sample positions t₀ = first, t₀ + step, … ≤ end, as a forward scan accumulates
        // them.
        let best: Double?
        if !leavesFrame && exactPositions {
            best = nearestCrossing(intervals: Int((end - first) / step), boundary: boundary,
                                   cx: cx, cy: cy, dx: dx, dy: dy) { first + Double($0) * step }
        } else {
            let capacity = Int((end - first) / step) + 3
            best = withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { grid in
                var n = 1, t = first
                grid[0] = t
                while t + step <= end {
                    t += step
                    grid[n] = t
                    n += 1
                }
                return nearestCrossing(intervals: n - 1, boundary: boundary, cx: cx, cy: cy, dx: dx, dy: dy) { grid[$0] }
            }
        }
        return (best ?? boundary, best != nil)
    }

    /// The zero crossing (positive before, ≤ 0 after) of the edge response along the ray from
    /// (cx, cy) in direction (dx, dy) nearest `boundary`, over the intervals
    /// [position(k), position(k + 1)], the earlier one on a tie — what a forward scan keeping
    /// the strictly nearer crossing finds — visiting the intervals outwards from `boundary` and
    /// stopping once the next is farther than the best crossing: most rays need 2–4 samples,
    /// not the window's 25, and samples are taken only where the search needs them.
    @inline(__always)
    func nearestCrossing(intervals: Int, boundary: Double, cx: Double, cy: Double, dx: Double, dy: Double,
                                 position: (Int) -> Double) -> Double? {
        guard intervals > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: intervals + 1) { values in
            values.initialize(repeating: .nan)
            func value(_ k: Int) -> Float {
                if values[k].isNaN {
                    let t = position(k)
                    values[k] = sample(cx + t * dx, cy + t * dy) * insideSign
                }
                return values[k]
            }
            // How far interval k lies from the boundary (0 when it contains it); a lower bound
            // on the distance of any crossing in it.
            func gap(_ k: Int) -> Double {
                let low = position(k), high = position(k + 1)
                if high <= boundary { return boundary - high }
                if low >= boundary { return low - boundary }
                return 0
            }
            var right = 0
            while right < intervals - 1 && position(right + 1) <= boundary { right += 1 }
            var left = right - 1
            var best: Double? = nil, bestDistance = Double.infinity, bestIndex = Int.max
            while left >= 0 || right < intervals {
                let k: Int
                if right >= intervals || (left >= 0 && gap(left) <= gap(right)) {
                    k = left
                    left -= 1
                } else {
                    k = right
                    right += 1
                }
                if gap(k) > bestDistance { break }
                let before = value(k), after = value(k + 1)
                guard before > 0 && after <= 0 else { continue }
                let crossing = position(k) + step * Double(before / (before - after))
                let distance = abs(crossing - boundary)
                if distance < bestDistance || (distance == bestDistance && k < bestIndex) {
                    best = crossing
                    bestDistance = distance
                    bestIndex = k
                }
            }
            return best
        }
    }

    /// The distance from the region's centroid to the nearest centre of a pixel outside it, or
    /// to the frame's edge if closer: every pixel whose centre is nearer belongs to the region,
    /// so every point nearer by √½ px lies in one. Pixels beyond the bounding box grown by one
    /// are never nearer than the clamped ones on its rim, so only that box is scanned.
    func ownDiscRadius(of region: RegionProperties, own: L) -> Double {
        let cx = region.centroidX, cy = region.centroidY
        var nearest = Double.infinity
        for y in max(region.minY - 1, 0) ... min(region.maxY, height - 1) {
            let dy = Double(y) + 0.5 - cy
            for x in max(region.minX - 1, 0) ... min(region.maxX, width - 1) where labels[y * width + x] != own {
                let dx = Double(x) + 0.5 - cx
                nearest = min(nearest, dx * dx + dy * dy)
            }
        }
        return min(nearest.squareRoot(), cx, cy, Double(width) - cx, Double(height) - cy)
    }

    /// Where the ray from (cx, cy) along the unit vector (dx, dy) crosses the frame's edge.
    func distanceToFrameEdge(cx: Double, cy: Double, dx: Double, dy: Double) -> Double {
        var s = Double.infinity
        if dx > 0 { s = min(s, (Double(width) - cx) / dx) } else if dx < 0 { s = min(s, -cx / dx) }
        if dy > 0 { s = min(s, (Double(height) - cy) / dy) } else if dy < 0 { s = min(s, -cy / dy) }
        return s
    }

    @inline(__always)
    func label(atX x: Double, y: Double) -> L {
        // Int(_:) truncates, which is rounding down for the non-negative coordinates it gets.
        guard x >= 0, y >= 0 else { return 0 }
        let ix = Int(x), iy = Int(y)
        guard ix < width, iy < height else { return 0 }
        return labels[iy &* width &+ ix]
    }

    /// Bilinear interpolation between pixel centres (pixel (x, y) centred at (x + ½, y + ½)),
    /// clamped to the frame; rows ⌊y − ½⌋ and the one below (within the frame) must lie in
    /// `response`.
    @inline(__always)
    func sample(_ x: Double, _ y: Double) -> Float {
        let fx = min(max(x - 0.5, 0), Double(width - 1)), fy = min(max(y - 0.5, 0), Double(height - 1))
        let x0 = min(Int(fx), width - 2 < 0 ? 0 : width - 2), y0 = min(Int(fy), height - 2 < 0 ? 0 : height - 2)
        let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
        let ax = Float(fx - Double(x0)), ay = Float(fy - Double(y0))
        let row0 = (y0 &- firstRow) &* width, row1 = (y1 &- firstRow) &* width
        let top = response[row0 &+ x0] * (1 - ax) + response[row0 &+ x1] * ax
        let bottom = response[row1 &+ x0] * (1 - ax) + response[row1 &+ x1] * ax
        return top * (1 - ay) + bottom * ay
    }
}

extension RegionProperties {
    /// About one ray per half pixel of outline, at least 32: ⌈4π√(pixel count / π)⌉.
    var rayCount: Int {
        max(32, Int((4 * Double.pi * (Double(area) / Double.pi).squareRoot()).rounded(.up)))
    }
}
