import LacunaImage
import LacunaSegmentation

/// What the pores' edges give when measured on the image's edge response: each pore's
/// sub-pixel area (`subpixelBoundaryAreas`) when asked for, and the image's edge blur
/// (`edgeBlurEstimate`).
public struct EdgeMeasurements: Sendable {
    /// The area inside each region's sub-pixel outline (px², `nil` where the pixel count
    /// stands), in label order; `nil` when not asked for.
    public var areas: [Double?]?
    /// The edge blur, `nil` when too few pores could be profiled.
    public var blur: EdgeBlurEstimate?
}

/// Measures the pores' edges on the PLUS edge response of `grey` smoothed by σ `sigma` px
/// (`plusEdgeResponse`), band by band: the regions are taken in order of their top row, at most
/// `bandRows` rows of tops at a time, and each band's response rows (`EdgeResponseRows`) cover
/// its regions and every row their rays read (`edgeResponseReach` px beyond). The results are
/// bit for bit those of `subpixelBoundaryAreas` (window 3 px) and `edgeBlurEstimate` on the
/// whole frame's response, for any `bandRows` and `threads`; the response is never a whole
/// frame of `Float` (an 8192² image's is 256 MiB), only a band of about `bandRows` rows plus the
/// tallest region's height. The smoothing of the rows around each band is done twice (about
/// 60 rows per band). A pore whose inner edge profile reads rows outside its band (beside a
/// ray much shorter than its neighbours the profile's origin may lie far outside the pore) is
/// profiled after the bands, on the rows it needs.
///
/// - Parameters:
///   - labels: the regions (label 1…n), same size as `grey`.
///   - regions: their properties from `measureRegions`, in label order.
///   - grey: the one-channel image the regions were segmented from.
///   - sigma: the response's smoothing (px); also the σ_s of `edgeBlurEstimate`.
///   - subpixel: whether to measure the sub-pixel areas (else only the blur).
///   - threads: each band's regions are measured by up to this many threads.
@_specialize(where L == Int32, S == UInt8)
@_specialize(where L == UInt16, S == UInt8)
@_specialize(where L == Int32, S == UInt16)
@_specialize(where L == UInt16, S == UInt16)
public func measureEdges<L: FixedWidthInteger & Sendable, S: FixedWidthInteger & UnsignedInteger & Sendable>(
    of labels: Image<L>, regions: [RegionProperties], grey: Image<S>, sigma: Double, polarity: PorePolarity,
    subpixel: Bool, bandRows: Int = 1024, threads: Int = 1
) -> EdgeMeasurements {
    let (areas, profiles) = edgeMeasurements(of: labels, regions: regions, grey: grey, sigma: sigma, polarity: polarity,
                                             subpixel: subpixel, bandRows: bandRows, threads: threads)
    return EdgeMeasurements(areas: areas, blur: EdgeBlurEstimate(profiles: edgeBlurPores(regions).compactMap { profiles[$0] },
                                                                 responseSigma: sigma))
}

/// `measureEdges`' sub-pixel areas (nil unless `subpixel`) and the edge profile of every pore
/// `edgeBlurPores` chooses (nil for the others), by label − 1.
func edgeMeasurements<L: FixedWidthInteger & Sendable, S: FixedWidthInteger & UnsignedInteger & Sendable>(
    of labels: Image<L>, regions: [RegionProperties], grey: Image<S>, sigma: Double, polarity: PorePolarity,
    subpixel: Bool, bandRows: Int, threads: Int
) -> (areas: [Double?]?, profiles: [PoreEdgeProfile?]) {
    precondition(labels.width == grey.width && labels.height == grey.height,
                 "labels \(labels.width)×\(labels.height) and image \(grey.width)×\(grey.height) differ")
    precondition(bandRows > 0, "bandRows must be positive, got \(bandRows)")
    let insideSign: Float = polarity == .dark ? 1 : -1
    let window = 3.0, reach = edgeResponseReach(window: window)
    let rays = RayDirections(counts: subpixel ? regions.map(\.rayCount) : [])
    let profileRays = RayDirections(counts: [EdgeBlurEstimate.raysPerPore])[EdgeBlurEstimate.raysPerPore]
    var isProfiled = [Bool](repeating: false, count: regions.count)
    for i in edgeBlurPores(regions) { isProfiled[i] = true }
    var areas = [Double?](repeating: nil, count: subpixel ? regions.count : 0)
    var profiles = [PoreEdgeProfile?](repeating: nil, count: regions.count)
    // Pores whose inner profile reads rows outside their band (`profileRows`), with their rays'
    // edges and the rows they need.
    var stragglers: [(pore: Int, edges: [Double?], rows: Range<Int>)] = []
    labels.samples.withUnsafeBufferPointer { l in
        func tracer(_ response: EdgeResponseRows, _ r: UnsafeBufferPointer<Float>) -> RayTracer<L> {
            RayTracer(labels: l, response: r, firstRow: response.firstRow, width: labels.width, height: labels.height,
                      insideSign: insideSign, window: window)
        }
        for band in edgeResponseBands(regions, height: grey.height, bandRows: bandRows, reach: reach) {
            let response = plusEdgeResponse(grey, sigma: sigma, rows: band.rows)
            response.image.samples.withUnsafeBufferPointer { r in
                let tracer = tracer(response, r)
                if subpixel {
                    let measured = parallelMap(band.members.count, threads: threads) { k in
                        tracer.area(of: regions[band.members[k]], directions: rays[regions[band.members[k]].rayCount])
                    }
                    for (k, i) in band.members.enumerated() { areas[i] = measured[k] }
                }
                for i in band.members where isProfiled[i] {
                    guard let edges = tracer.edgeDistances(of: regions[i], directions: profileRays) else { continue }
                    if let rows = tracer.profileRows(of: regions[i], directions: profileRays, edges: edges),
                       !(response.valid.contains(rows.lowerBound) && response.valid.contains(rows.upperBound)) {
                        // Its rows and those its other rays read (`reach` about the pore).
                        let own = max(0, regions[i].minY - reach) ..< min(grey.height, regions[i].maxY + 1 + reach)
                        stragglers.append((i, edges, min(rows.lowerBound, own.lowerBound)
                                              ..< max(rows.upperBound + 1, own.upperBound)))
                        continue
                    }
                    profiles[i] = tracer.edgeProfile(of: regions[i], directions: profileRays, edges: edges)
                }
            }
        }
        for straggler in stragglers {
            let response = plusEdgeResponse(grey, sigma: sigma, rows: straggler.rows)
            response.image.samples.withUnsafeBufferPointer { r in
                profiles[straggler.pore] = tracer(response, r).edgeProfile(of: regions[straggler.pore],
                                                                           directions: profileRays, edges: straggler.edges)
            }
        }
    }
    return (subpixel ? areas : nil, profiles)
}

/// How many rows beyond a region's pixels the rays of `RayTracer.area` (search `window` px) and
/// of `RayTracer.edgeProfile` read the response: the mask boundary lies within ¼ px of the
/// region's pixels, the edge profile's wall rays go on `wallReach` px past the edge (itself
/// within `window` of the boundary) and search `window` px about the next boundary, and
/// bilinear sampling reads the row below ⌊y − ½⌋; 3 rows more are kept as a margin.
func edgeResponseReach(window: Double) -> Int {
    Int((window + EdgeBlurEstimate.wallReach + window + 0.25).rounded(.up)) + 1 + 3
}

/// The regions (indices into `regions`) grouped by their top row, at most `bandRows` rows of
/// tops to a group, each with the frame rows its rays read: from `reach` above the group's
/// highest top to `reach` below its lowest bottom, within the frame.
func edgeResponseBands(_ regions: [RegionProperties], height: Int, bandRows: Int,
                       reach: Int) -> [(rows: Range<Int>, members: [Int])] {
    let order = regions.indices.sorted { (regions[$0].minY, $0) < (regions[$1].minY, $1) }
    var bands: [(rows: Range<Int>, members: [Int])] = []
    var next = 0
    while next < order.count {
        let top = regions[order[next]].minY
        var bottom = top, members: [Int] = []
        while next < order.count && regions[order[next]].minY < top + bandRows {
            members.append(order[next])
            bottom = max(bottom, regions[order[next]].maxY)
            next += 1
        }
        bands.append((max(0, top - reach) ..< min(height, bottom + 1 + reach), members))
    }
    return bands
}
