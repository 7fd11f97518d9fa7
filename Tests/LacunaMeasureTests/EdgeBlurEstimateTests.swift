#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import Testing

@Suite("Edge blur estimate")
struct EdgeBlurEstimateTests {
    /// Dark discs of radius `radius` px at `centres` in a `size` × `size` frame: floor 10000,
    /// wall 50000, each pixel near an edge from its exact coverage (8 × 8 point samples), then
    /// blurred by σ = `blur` px.
    static func discs(_ centres: [SIMD2<Double>], radius: Double, size: Int, blur: Double) -> Image<UInt16> {
        var image = Image<UInt16>(width: size, height: size, repeating: 0)
        for y in 0 ..< size {
            for x in 0 ..< size {
                let p = SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                let near = centres.filter { c in ((p - c) * (p - c)).sum() < (radius + 1) * (radius + 1) }
                var inside = 0
                for sy in 0 ..< 8 {
                    for sx in 0 ..< 8 {
                        let q = SIMD2(Double(x) + (Double(sx) + 0.5) / 8, Double(y) + (Double(sy) + 0.5) / 8)
                        if near.contains(where: { c in ((q - c) * (q - c)).sum() <= radius * radius }) { inside += 1 }
                    }
                }
                image[x, y] = UInt16((50000 - 40000 * Double(inside) / 64).rounded())
            }
        }
        return gaussianBlur(image, sigma: blur)
    }

    /// A square grid of n × n centres `spacing` apart, off the pixel grid by (0.3, −0.2).
    static func squareGrid(n: Int, spacing: Double) -> [SIMD2<Double>] {
        var centres: [SIMD2<Double>] = []
        for j in 0 ..< n {
            for i in 0 ..< n {
                let x: Double = (Double(i) + 0.5) * spacing + 0.3, y: Double = (Double(j) + 0.5) * spacing - 0.2
                centres.append(SIMD2(x, y))
            }
        }
        return centres
    }

    /// A hexagonal grid: rows `spacing` · √3/2 apart, odd rows shifted by half a spacing.
    static func hexagonalGrid(columns: Int, rows: Int, spacing: Double, margin: Double) -> [SIMD2<Double>] {
        var centres: [SIMD2<Double>] = []
        let rowStep: Double = spacing * 3.0.squareRoot() / 2
        for j in 0 ..< rows {
            for i in 0 ..< columns {
                let shift: Double = j.isMultiple(of: 2) ? 0 : spacing / 2
                centres.append(SIMD2(margin + Double(i) * spacing + shift + 0.3, margin + Double(j) * rowStep - 0.2))
            }
        }
        return centres
    }

    static func estimate(_ image: Image<UInt16>) -> EdgeBlurEstimate? {
        let components = labelComponents(of: poreMask(image, threshold: 30000, polarity: .dark))
        let regions = measureRegions(of: components.labels, count: components.count)
        return edgeBlurEstimate(of: components.labels, regions: regions, response: plusEdgeResponse(image, sigma: 1),
                                polarity: .dark, responseSigma: 1)
    }

    @Test("discs 24 px apart (no wall within reach): σ of the blur within 5 % (measured 0.4–2.1 %), no wall width, no flag",
          arguments: [1.0, 1.5, 2.0, 2.5])
    func isolatedDiscs(blur: Double) throws {
        let image = Self.discs(Self.squareGrid(n: 4, spacing: 48), radius: 12, size: 192, blur: blur)
        let e = try #require(Self.estimate(image))
        #expect(abs(e.psfSigma / blur - 1) < 0.05, "σ \(e.psfSigma) for \(blur)")
        #expect(abs(e.totalSigma - (blur * blur + 1).squareRoot()) < 0.05 * blur)
        #expect(e.pores == 16, "every disc")
        #expect(e.wallWidth == nil)
        #expect(!e.thinWalls)
    }

    /// Per disc of `profiled`, the median over 64 rays from its centre of the distance from its
    /// edge to the next disc of `centres` along the ray, by plane geometry (∞ when the ray meets
    /// no disc within `wallReach`); then the median over those discs.
    static func medianGap(_ profiled: [SIMD2<Double>], among centres: [SIMD2<Double>], radius: Double) -> Double {
        func median(_ v: [Double]) -> Double {
            let s = v.sorted()
            return s.count.isMultiple(of: 2) ? (s[s.count / 2 - 1] + s[s.count / 2]) / 2 : s[s.count / 2]
        }
        return median(profiled.map { own in
            median((0 ..< 64).map { k in
                let angle = 2 * Double.pi * Double(k) / 64
                let direction = SIMD2(cos(angle), sin(angle))
                var best = Double.infinity
                for other in centres where other != own {
                    // The ray point t · direction at `radius` from the other centre: the smaller root.
                    let c = other - own
                    let along = (c * direction).sum(), across2 = (c * c).sum() - along * along
                    guard along > 0, across2 <= radius * radius else { continue }
                    best = min(best, along - (radius * radius - across2).squareRoot() - radius)
                }
                return best <= EdgeBlurEstimate.wallReach ? best : .infinity
            })
        })
    }

    @Test("hexagonal discs 6 px apart: the edge-to-edge wall width is the geometric median gap within 0.1 px (measured 0.02 px)",
          arguments: [1.0, 1.5])
    func wallWidth(blur: Double) throws {
        let radius = 14.0, size = 200
        let centres = Self.hexagonalGrid(columns: 7, rows: 7, spacing: 34, margin: 6)
        // Discs the frame cuts are not profiled (they touch the border); none lies near the cut.
        func inside(_ c: SIMD2<Double>) -> Bool {
            min(c.x, c.y, Double(size) - c.x, Double(size) - c.y) > radius
        }
        #expect(centres.allSatisfy { abs(min($0.x, $0.y, Double(size) - $0.x, Double(size) - $0.y) - radius) > 2 })
        let expected = Self.medianGap(centres.filter(inside), among: centres, radius: radius)
        #expect(expected.isFinite && expected > 6 && expected < 10, "geometry: \(expected)")
        let e = try #require(Self.estimate(Self.discs(centres, radius: radius, size: size, blur: blur)))
        #expect(e.pores == centres.filter(inside).count)
        let width = try #require(e.wallWidth)
        #expect(abs(width - expected) < 0.1, "width \(width) vs \(expected)")
    }

    @Test("fewer than three pores large enough: no estimate")
    func tooFew() {
        #expect(Self.estimate(Self.discs(Self.squareGrid(n: 1, spacing: 48), radius: 12, size: 48, blur: 1.5)) == nil)
        #expect(Self.estimate(Self.discs(Self.squareGrid(n: 4, spacing: 20), radius: 5, size: 80, blur: 1.5)) == nil)
    }
}
