#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LacunaImage
@testable import LacunaMeasure
import LacunaSegmentation
import Testing

/// `measureEdges` (the response in bands of rows) against `subpixelBoundaryAreas` and
/// `edgeBlurEstimate` on the whole frame's response: the same numbers, bit for bit, for any
/// band height and thread count.
@Suite("Edge measurements in bands of rows")
struct EdgeMeasurementTests {
    /// A `width` × `height` frame of dark holes on bright walls: discs of random radius 6.5–9 px
    /// on a hexagonal grid 20 px apart jittered by up to ±1.5 px (some cut by the frame's edge), except in
    /// the column of one tall ellipse of semi-axes 6 × 0.4·h,
    /// each pixel from its coverage (4 × 4 point samples), with noise of SD 2 % of full scale,
    /// blurred by σ = 1.3 px. Random numbers from a fixed linear congruential sequence.
    static func holes(width: Int, height: Int, seed: UInt64) -> Image<UInt16> {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let tall = (x: Double(width) * 0.7, y: Double(height) * 0.5, a: 6.0, b: 0.4 * Double(height))
        var discs: [(x: Double, y: Double, r: Double)] = []
        for (row, gy) in stride(from: 5.0, to: Double(height), by: 20 * 3.0.squareRoot() / 2).enumerated() {
            let shift = row.isMultiple(of: 2) ? 0.0 : 10
            for gx in stride(from: 5.0 + shift, to: Double(width), by: 20) where abs(gx - tall.x) > 16 {
                discs.append((gx + 3 * uniform() - 1.5, gy + 3 * uniform() - 1.5, 6.5 + 2.5 * uniform()))
            }
        }
        return Self.blurredHoles(width: width, height: height,
                                 noise: { (uniform() + uniform() + uniform() - 1.5) * 2 * 0.02 }) { px, py in
            let ex = (px - tall.x) / tall.a, ey = (py - tall.y) / tall.b
            return ex * ex + ey * ey <= 1
                || discs.contains { d in (px - d.x) * (px - d.x) + (py - d.y) * (py - d.y) <= d.r * d.r }
        }
    }

    /// Dark holes (`inside(x, y)`, a point in pixel coordinates) on bright walls: each pixel
    /// 0.8 − 0.6 × its coverage (4 × 4 point samples) of full scale, plus `noise()` (drawn
    /// pixel by pixel in raster order), clamped, blurred by σ = 1.3 px.
    static func blurredHoles(width: Int, height: Int, noise: () -> Double = { 0 },
                             inside: (Double, Double) -> Bool) -> Image<UInt16> {
        var image = Image<UInt16>(width: width, height: height, repeating: 0)
        for y in 0 ..< height {
            for x in 0 ..< width {
                var covered = 0
                for sy in 0 ..< 4 {
                    for sx in 0 ..< 4 where inside(Double(x) + (Double(sx) + 0.5) / 4, Double(y) + (Double(sy) + 0.5) / 4) {
                        covered += 1
                    }
                }
                let level = 0.8 - 0.6 * Double(covered) / 16 + noise()
                image[x, y] = UInt16((min(max(level, 0), 1) * 65535).rounded())
            }
        }
        return gaussianBlur(image, sigma: 1.3)
    }

    @Test("areas and blur equal the whole frame's for band heights 1, 7, 40 and the frame, 1 and 2 threads",
          arguments: [(UInt64(11), PorePolarity.dark), (UInt64(12), .dark), (UInt64(13), .bright)])
    func bandsAgree(seed: UInt64, polarity: PorePolarity) throws {
        var image = Self.holes(width: 150, height: 170, seed: seed)
        if polarity == .bright { image = image.map { 65535 - $0 } }
        let components = labelComponents(of: poreMask(image, threshold: 32768, polarity: polarity))
        let regions = measureRegions(of: components.labels, count: components.count)
        let tallest = regions.map { $0.maxY - $0.minY + 1 }.max() ?? 0
        #expect(tallest > 60, "a pore taller than the short bands")
        let response = plusEdgeResponse(image, sigma: 1.2)
        let areas = subpixelBoundaryAreas(of: components.labels, regions: regions, response: response, polarity: polarity)
        let whole = edgeBlurEstimate(of: components.labels, regions: regions, response: response, polarity: polarity,
                                     responseSigma: 1.2)
        let blur = try #require(whole, "the whole frame gives an estimate")
        #expect(blur.pores >= 3 && blur.wallWidth != nil, "profiles and walls to compare")
        #expect(areas.compactMap { $0 }.count > regions.count / 2)
        let narrow = components.labels.map { UInt16($0) }
        for bandRows in [1, 7, 40, 170] {
            for threads in [1, 2] {
                let edges = measureEdges(of: components.labels, regions: regions, grey: image, sigma: 1.2,
                                         polarity: polarity, subpixel: true, bandRows: bandRows, threads: threads)
                #expect(edges.areas.map { $0.map { $0?.bitPattern } } == areas.map { $0?.bitPattern },
                        "areas, bands of \(bandRows) rows, \(threads) threads")
                #expect(edges.blur == blur, "blur, bands of \(bandRows) rows")
            }
            let blurOnly = measureEdges(of: narrow, regions: regions, grey: image, sigma: 1.2, polarity: polarity,
                                        subpixel: false, bandRows: bandRows)
            #expect(blurOnly.areas == nil)
            #expect(blurOnly.blur == blur)
        }
    }

    @Test("bands hold every region once, in order of their tops, with the rows their rays read")
    func bandCover() {
        let image = Self.holes(width: 90, height: 120, seed: 5)
        let components = labelComponents(of: poreMask(image, threshold: 32768, polarity: .dark))
        let regions = measureRegions(of: components.labels, count: components.count)
        let reach = edgeResponseReach(window: 3)
        #expect(reach >= 3 + 16 + 3 + 2, "window, wall reach, window and the bilinear row")
        for bandRows in [1, 9, 200] {
            let bands = edgeResponseBands(regions, height: 120, bandRows: bandRows, reach: reach)
            #expect(bands.flatMap(\.members).sorted() == Array(regions.indices))
            for band in bands {
                let tops = band.members.map { regions[$0].minY }
                #expect(tops.max()! - tops.min()! < bandRows)
                for i in band.members {
                    #expect(band.rows.lowerBound <= max(0, regions[i].minY - reach))
                    #expect(band.rows.upperBound >= min(120, regions[i].maxY + 1 + reach))
                }
            }
        }
    }

    /// A dark disc of radius 12 px with two wedges of ±7° and 220 px, up and down from its
    /// centre (the centroid): three of the 64 profile rays run down each wedge and their
    /// neighbours stop at the disc, so the middle ray's profile origin, (41 · 220 − 6 · 12)/35 ≈
    /// 256 px, lies about 36 px beyond the wedge's tip — farther than a band reaches.
    static func wedges() -> Image<UInt16> {
        let width = 120, height = 560
        let centre = (x: 60.0, y: 280.0)
        return Self.blurredHoles(width: width, height: height) { px, py in
            let dx = px - centre.x, dy = py - centre.y, d = (dx * dx + dy * dy).squareRoot()
            return d <= 12 || (atan2(abs(dx), abs(dy)) * 180 / Double.pi <= 7 && d <= 220)
        }
    }

    @Test("a pore whose profile reads beyond its band is profiled on the rows it needs, as on the whole frame")
    func straggler() throws {
        let image = Self.wedges()
        let components = labelComponents(of: poreMask(image, threshold: 32768, polarity: .dark))
        let regions = measureRegions(of: components.labels, count: components.count)
        let wedge = try #require(regions.firstIndex { $0.maxY - $0.minY > 200 })
        #expect(edgeBlurPores(regions).contains(wedge))
        let response = plusEdgeResponse(image, sigma: 1)
        let directions = RayDirections(counts: [EdgeBlurEstimate.raysPerPore])[EdgeBlurEstimate.raysPerPore]
        let (whole, rows): (PoreEdgeProfile?, ClosedRange<Int>?) = components.labels.samples.withUnsafeBufferPointer { l in
            response.samples.withUnsafeBufferPointer { r in
                let tracer = RayTracer(labels: l, response: r, width: 120, height: 560, insideSign: 1, window: 3)
                let edges = tracer.edgeDistances(of: regions[wedge], directions: directions)
                return (tracer.edgeProfile(of: regions[wedge], directions: directions),
                        edges.flatMap { tracer.profileRows(of: regions[wedge], directions: directions, edges: $0) })
            }
        }
        #expect(whole != nil, "the wedge has a profile to compare")
        let read = try #require(rows)
        let reach = edgeResponseReach(window: 3)
        #expect(read.lowerBound < regions[wedge].minY - reach && read.upperBound > regions[wedge].maxY + reach,
                "the profile reads beyond the band at both ends: \(read), pore rows \(regions[wedge].minY)...\(regions[wedge].maxY)")
        for bandRows in [1, 64, 560] {
            let banded = edgeMeasurements(of: components.labels, regions: regions, grey: image, sigma: 1,
                                          polarity: .dark, subpixel: false, bandRows: bandRows, threads: 1)
            #expect(banded.profiles[wedge] == whole, "bands of \(bandRows) rows")
        }
    }
}
