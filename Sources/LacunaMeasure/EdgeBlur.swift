import LacunaImage
import LacunaSegmentation

/// How blurred an image's pore edges are: the Gaussian σ of its point spread, estimated from the
/// pores' own edges. Units: px.
public struct EdgeBlurEstimate: Sendable, Equatable {
    /// The image's own blur (point spread and scan), without Lacuna's smoothing, in px.
    public var psfSigma: Double
    /// The blur of the edges the sub-pixel outlines see: `psfSigma` ⊕ the response's smoothing
    /// σ_s, i.e. √(psfSigma² + σ_s²), in px (σ_t in docs/methods.md).
    public var totalSigma: Double
    /// The distance from the response's zero crossing to its inner extremum, in px, discrete
    /// kernels included (σ_r = √(σ_t² + 5/12)): what `thinWalls` compares the walls with.
    public var responseSigma: Double
    /// The median width of the walls between neighbouring holes, edge to edge along the rays
    /// (px): per pore the median over its rays, a ray that meets no other pore within
    /// `wallReach` counting as wider than any; then the median over pores. `nil` when most
    /// pores have no neighbour within reach (walls wider than `wallReach`).
    public var wallWidth: Double?
    /// The pores whose edge profiles gave the estimate (the medians are over them).
    public var pores: Int

    public init(psfSigma: Double, totalSigma: Double, responseSigma: Double, wallWidth: Double?, pores: Int) {
        (self.psfSigma, self.totalSigma, self.responseSigma) = (psfSigma, totalSigma, responseSigma)
        (self.wallWidth, self.pores) = (wallWidth, pores)
    }

    /// Whether the walls are thin against the blur, so that the holes may read small by
    /// several per cent: `wallWidth` < `thinWallRatio` × `totalSigma`. The edge-to-edge width
    /// is the wall's own width plus twice the distance each edge moves into its hole. In a 1-D
    /// model of a blurred bar seen through the same kernels, edge to edge below 3.5 σ_t means
    /// each edge has moved 0.03 px or more, 0.1 px at 3.0 σ_t and 0.2–0.4 px at 2.6–2.8 σ_t
    /// (docs/methods.md, "Edge blur and thin walls", with the outcome on unseen images).
    public var thinWalls: Bool { wallWidth.map { $0 < EdgeBlurEstimate.thinWallRatio * totalSigma } ?? false }

    /// The ratio of edge-to-edge wall width to σ_t below which `thinWalls` holds (3.5).
    public static let thinWallRatio = 3.5
    /// How far past a hole's edge a ray looks for the next hole (px).
    public static let wallReach = 16.0

    /// At most this many pores are profiled (spread evenly over the label order), with
    /// `raysPerPore` rays each: the median settles long before, and the cost stays a few ms.
    public static let maximumPores = 400
    public static let raysPerPore = 64
    /// Pores need this equivalent radius (px), and each ray this much room inside its edge,
    /// for the inner lobe of the edge response to lie inside the pore.
    public static let minimumRadius = 7.0
    static let profileLength = 6.0
}

/// Estimates the point-spread σ of an image, and the width of its walls, from the edge
/// response across its pores' edges (the `psf_sigma_px`, `edge_wall_width_px` columns and the
/// `thin_walls` flag).
///
/// σ: for a straight step blurred by a Gaussian of σ, the PLUS response (twice the second
/// derivative across the edge) has its extrema at ±σ from its zero crossing — a distance that
/// does not depend on the step's contrast. Along `raysPerPore` rays of each profiled pore the
/// response is sampled every 0.25 px inwards from the sub-pixel edge (the zero crossing
/// `subpixelBoundaryAreas` finds, smoothed over five neighbouring rays by a Savitzky–Golay
/// quadratic so that the noise which moved a ray's crossing does not also shape its profile)
/// and summed over the rays, which averages out the bilinear interpolation's kinks; the summed
/// profile's maximum, refined by a parabola through three samples, is the distance d. On a
/// disc of radius R the Laplacian's f′/r term moves the inner extremum to σ + σ²/(4R) (to
/// first order in σ/R), so σ_r = 2R(√(1 + d/R) − 1). The image's value is the median over
/// pores, and
///     σ_psf² = σ_r² − σ_s² − 5/12,
/// where σ_s is the response's smoothing and 5/12 px² the variance the discretisation adds:
/// 1/12 from each pixel's area, 1/6 from the second difference's triangle, 1/6 from linear
/// interpolation between pixel centres (a 1-D model of the same kernels gives d within
/// 0.02 px of √(σ_psf² + σ_s² + 5/12) for σ_psf 1–2.5). Only the hole's side is used: on
/// the wall's side, a thin wall's far edge and the SEM's bright rim move the other extremum.
///
/// Wall width: each ray goes on past its edge until it enters another pore's pixels (within
/// `wallReach`); the far edge is that pore's zero crossing nearest the entry, and the width
/// the distance between the two edges. Per pore the median over its rays, then over pores.
///
/// Limits (docs/methods.md): walls thinner than about 2σ_t pull the inner extremum in too, so
/// σ reads low there (σ_psf 2.4 as about 1.5 at 4.8 px walls); below σ_psf ≈ 0.7 px the
/// discrete kernels are no longer Gaussian and it reads high.
///
/// Returns nil when fewer than 3 pores are large enough (`minimumRadius`), lie off the frame's
/// edge and show an inner maximum. Units: px. Deterministic; O(pores × rays × 30).
///
/// - Parameters:
///   - labels: the pores (label 1…n), same size as `response`.
///   - regions: their properties, in label order.
///   - response: `plusEdgeResponse` of the grey image, smoothed by σ `responseSigma` px.
///   - polarity: whether pores are dark or bright.
@_specialize(where L == Int32)
@_specialize(where L == UInt16)
public func edgeBlurEstimate<L: FixedWidthInteger & Sendable>(
    of labels: Image<L>, regions: [RegionProperties], response: Image<Float>, polarity: PorePolarity,
    responseSigma: Double
) -> EdgeBlurEstimate? {
    precondition(labels.width == response.width && labels.height == response.height,
                 "labels \(labels.width)×\(labels.height) and response \(response.width)×\(response.height) differ")
    let chosen = edgeBlurPores(regions)
    let directions = RayDirections(counts: [EdgeBlurEstimate.raysPerPore])[EdgeBlurEstimate.raysPerPore]
    let profiles: [PoreEdgeProfile] = labels.samples.withUnsafeBufferPointer { l in
        response.samples.withUnsafeBufferPointer { r in
            let sign: Float = polarity == .dark ? 1 : -1
            let tracer = RayTracer(labels: l, response: r, width: labels.width, height: labels.height,
                                   insideSign: sign, window: 3)
            return chosen.compactMap { tracer.edgeProfile(of: regions[$0], directions: directions) }
        }
    }
    return EdgeBlurEstimate(profiles: profiles, responseSigma: responseSigma)
}

/// The pores `edgeBlurEstimate` profiles (indices into `regions`, increasing): those off the
/// frame's edge with an equivalent radius of at least `minimumRadius`, at most `maximumPores`
/// of them spread evenly over the label order.
func edgeBlurPores(_ regions: [RegionProperties]) -> [Int] {
    let candidates = regions.indices.filter {
        !regions[$0].touchesBorder
            && Double(regions[$0].area) >= Double.pi * EdgeBlurEstimate.minimumRadius * EdgeBlurEstimate.minimumRadius
    }
    let stride = max(1, (candidates.count + EdgeBlurEstimate.maximumPores - 1) / EdgeBlurEstimate.maximumPores)
    return Swift.stride(from: 0, to: candidates.count, by: stride).map { candidates[$0] }
}

extension EdgeBlurEstimate {
    /// The image's estimate from its profiled pores (in `edgeBlurPores` order): the medians
    /// over them, σ_psf² = σ_r² − σ_s² − 5/12 (`edgeBlurEstimate`); nil under 3 profiles.
    init?(profiles: [PoreEdgeProfile], responseSigma: Double) {
        guard profiles.count >= 3 else { return nil }
        let sigma = median(profiles.map(\.sigma))
        let walls = median(profiles.map(\.wallWidth))
        let discretisation = 5.0 / 12
        let total = max(sigma * sigma - discretisation, 0).squareRoot()
        let psf = max(sigma * sigma - discretisation - responseSigma * responseSigma, 0).squareRoot()
        self.init(psfSigma: psf, totalSigma: max(total, responseSigma), responseSigma: sigma,
                  wallWidth: walls.isFinite ? walls : nil, pores: profiles.count)
    }
}

/// The middle value (the mean of the two middle ones for an even count); `values` is not empty.
private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
}

/// One pore's contribution to `edgeBlurEstimate`: σ_r of its edge profile and the median width
/// of the walls around it (∞: most rays meet no other pore within reach).
struct PoreEdgeProfile: Equatable {
    var sigma: Double
    var wallWidth: Double
}

extension RayTracer {
    /// One region's edge profile (`edgeBlurEstimate`), or nil when its centroid lies outside
    /// it, no ray has room inside its edge, or the summed profile has no positive maximum
    /// inside the profile's length.
    func edgeProfile(of region: RegionProperties, directions: [SIMD2<Double>]) -> PoreEdgeProfile? {
        guard let edges = edgeDistances(of: region, directions: directions) else { return nil }
        return edgeProfile(of: region, directions: directions, edges: edges)
    }

    /// The edge distance along each of `directions` from the region's centroid (nil: no
    /// crossing, or the region reaches the frame); nil when the centroid lies outside the
    /// region. The rays read the response within `window` px of the mask boundary.
    func edgeDistances(of region: RegionProperties, directions: [SIMD2<Double>]) -> [Double?]? {
        let cx = region.centroidX, cy = region.centroidY
        let own = L(region.label)
        guard label(atX: cx, y: cy) == own else { return nil }
        let skip = max(0, ((ownDiscRadius(of: region, own: own) - 0.75) / step).rounded(.down)) * step
        return directions.map { direction in
            let exit = distanceToFrameEdge(cx: cx, cy: cy, dx: direction.x, dy: direction.y)
            let edge = crossing(cx: cx, cy: cy, dx: direction.x, dy: direction.y, own: own, from: skip, frameExit: exit)
            return edge.crossed && edge.distance < exit ? edge.distance : nil
        }
    }

    /// The edge profile from the rays' `edges` (`edgeDistances`). The wall rays read the
    /// response up to `window` + `wallReach` + `window` px past the mask boundary; the inner
    /// profile reads the rows `profileRows` gives.
    func edgeProfile(of region: RegionProperties, directions: [SIMD2<Double>], edges: [Double?]) -> PoreEdgeProfile? {
        guard let sigma = innerLobeSigma(region: region, directions: directions, edges: edges) else { return nil }
        // This tracer with the opposite sign finds the next hole's edge across a wall.
        var farSide = self
        farSide.insideSign = -insideSign
        let own = L(region.label)
        let walls = zip(directions, edges).compactMap { direction, edge in
            edge.map { wallWidth(cx: region.centroidX, cy: region.centroidY, dx: direction.x, dy: direction.y, own: own,
                                 edge: $0, farSide: farSide) ?? .infinity }
        }
        return PoreEdgeProfile(sigma: sigma, wallWidth: walls.isEmpty ? .infinity : median(walls))
    }

    /// Each profiled ray (index into `directions`) with its profile's origin: the edge distances
    /// of the ray and its neighbours smoothed by a quadratic (Savitzky–Golay, 5 points), so the
    /// noise that moved this ray's crossing does not also shape its profile, while a straight
    /// edge's 1/cos θ stays. Rays without five crossings, or with no room inside, are left out.
    /// The origin is not bounded by the region: beside a ray much shorter than its neighbours
    /// it may lie far outside.
    private func profileOrigins(edges: [Double?]) -> [(ray: Int, origin: Double)] {
        let n = edges.count
        return edges.indices.compactMap { j in
            let near = (-2 ... 2).compactMap { edges[(j + $0 + n) % n] }
            guard near.count == 5 else { return nil }
            let origin = (-3 * near[0] + 12 * near[1] + 17 * near[2] + 12 * near[3] - 3 * near[4]) / 35
            return origin >= EdgeBlurEstimate.profileLength ? (j, origin) : nil
        }
    }

    /// The frame rows the inner profile of `edgeProfile` reads (nil: none), from the rays'
    /// `edges`: the rows of its samples' bilinear interpolation.
    func profileRows(of region: RegionProperties, directions: [SIMD2<Double>], edges: [Double?]) -> ClosedRange<Int>? {
        var low = Double.infinity, high = -Double.infinity
        for (j, origin) in profileOrigins(edges: edges) {
            for t in [origin, origin - EdgeBlurEstimate.profileLength] {
                let y = region.centroidY + t * directions[j].y
                (low, high) = (min(low, y), max(high, y))
            }
        }
        guard low <= high else { return nil }
        // `sample` reads rows ⌊y − ½⌋ and the one below, clamped to the frame; one row more on
        // either side for the rounding of t · dy.
        let top = min(max(Int((low - 0.5).rounded(.down)) - 1, 0), height - 1)
        let bottom = min(max(Int((high - 0.5).rounded(.down)) + 2, 0), height - 1)
        return top ... bottom
    }

    /// σ_r of the summed inner profile: the distance from the edge to the response's inner
    /// maximum, corrected for the region's curvature.
    private func innerLobeSigma(region: RegionProperties, directions: [SIMD2<Double>], edges: [Double?]) -> Double? {
        let cx = region.centroidX, cy = region.centroidY
        let samples = Int((EdgeBlurEstimate.profileLength / step).rounded()) + 1
        var profile = [Double](repeating: 0, count: samples)
        var rays = 0
        for (j, origin) in profileOrigins(edges: edges) {
            let direction = directions[j]
            rays += 1
            for k in 0 ..< samples {
                let t = origin - Double(k) * step
                profile[k] += Double(sample(cx + t * direction.x, cy + t * direction.y) * insideSign)
            }
        }
        guard rays > 0 else { return nil }
        guard let top = profile.indices.dropFirst().dropLast().max(by: { profile[$0] < profile[$1] }),
              profile[top] > 0, profile[top] >= profile[top - 1], profile[top] >= profile[top + 1] else { return nil }
        let before = profile[top - 1], at = profile[top], after = profile[top + 1]
        let curvature = before - 2 * at + after
        let offset = curvature < 0 ? 0.5 * (before - after) / curvature : 0
        let d = (Double(top) + offset) * step
        // On a disc of radius R the inner extremum lies σ + σ²/(4R) from the crossing.
        let radius = (Double(region.area) / Double.pi).squareRoot()
        return 2 * radius * ((1 + d / radius).squareRoot() - 1)
    }

    /// The width of the wall beyond the edge at `edge` along (dx, dy): from it to the next
    /// hole's edge (the far side's zero crossing nearest where the ray enters another pore's
    /// pixels), or nil when no other pore lies within `wallReach` px.
    private func wallWidth(cx: Double, cy: Double, dx: Double, dy: Double, own: L, edge: Double,
                           farSide: RayTracer) -> Double? {
        let exit = distanceToFrameEdge(cx: cx, cy: cy, dx: dx, dy: dy)
        let end = min(edge + EdgeBlurEstimate.wallReach, exit)
        var s = edge
        while s < end {
            let l = label(atX: cx + s * dx, y: cy + s * dy)
            if l != 0 && l != own { break }
            s += step
        }
        guard s < end else { return nil }
        let boundary = s - step / 2
        let first = max(edge, boundary - window), last = min(boundary + window, exit)
        let intervals = Int((last - first) / step)
        let far = farSide.nearestCrossing(intervals: intervals, boundary: boundary, cx: cx, cy: cy, dx: dx, dy: dy) {
            first + Double($0) * step
        }
        return (far ?? boundary) - edge
    }
}
