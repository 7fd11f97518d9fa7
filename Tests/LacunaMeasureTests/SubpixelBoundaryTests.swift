import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import Testing

@Suite("Sub-pixel pore outlines")
struct SubpixelBoundaryTests {
    /// A disc of radius `radius` px centred at (40.3, 38.7) in an 80 × 80 16-bit frame: floor
    /// 10000, wall 50000, each pixel's level from its exact coverage (16 × 16 point samples),
    /// then blurred by σ = `blur` px — a point-spread function the measurement does not know.
    static func disc(radius: Double, blur: Double, bright: Bool = false) -> Image<UInt16> {
        var image = Image<UInt16>(width: 80, height: 80, repeating: 0)
        for y in 0 ..< 80 {
            for x in 0 ..< 80 {
                var inside = 0
                for sy in 0 ..< 16 {
                    for sx in 0 ..< 16 {
                        let dx = Double(x) + (Double(sx) + 0.5) / 16 - 40.3, dy = Double(y) + (Double(sy) + 0.5) / 16 - 38.7
                        if dx * dx + dy * dy <= radius * radius { inside += 1 }
                    }
                }
                let cover = Double(inside) / 256
                let level = 50000 - 40000 * cover
                image[x, y] = UInt16((bright ? 60000 - level : level).rounded())
            }
        }
        return gaussianBlur(image, sigma: blur)
    }

    /// Pixel-count and sub-pixel equivalent radii of the one pore at the mid-level threshold.
    static func radii(of image: Image<UInt16>, polarity: PorePolarity) -> (pixels: Double, subpixel: Double?) {
        let mask = poreMask(image, threshold: 30000, polarity: polarity)
        let components = labelComponents(of: mask)
        let regions = measureRegions(of: components.labels, count: components.count)
        let areas = subpixelBoundaryAreas(of: components.labels, regions: regions,
                                          response: plusEdgeResponse(image, sigma: 1), polarity: polarity)
        return ((Double(regions[0].area) / Double.pi).squareRoot(), areas[0].map { ($0 / Double.pi).squareRoot() })
    }

    @Test("disc r = 12 blurred by σ = 1.5: the mid-level pixel count reads √(12² − σ²)-small, the outline within 0.06 px",
          arguments: [(12.0, 1.5), (8.0, 1.0), (20.0, 2.0)])
    func disc(radius: Double, blur: Double) throws {
        let image = Self.disc(radius: radius, blur: blur)
        let before = image
        let r = Self.radii(of: image, polarity: .dark)
        let subpixel = try #require(r.subpixel)
        #expect(abs(subpixel - radius) < 0.06, "sub-pixel \(subpixel) vs \(radius)")
        #expect(abs(subpixel - radius) < abs(r.pixels - radius), "pixels \(r.pixels)")
        #expect(image == before, "input unchanged")
    }

    @Test("bright pores: the same disc inverted gives the same outline")
    func brightPores() throws {
        let dark = try #require(Self.radii(of: Self.disc(radius: 12, blur: 1.5), polarity: .dark).subpixel)
        let bright = try #require(Self.radii(of: Self.disc(radius: 12, blur: 1.5, bright: true), polarity: .bright).subpixel)
        #expect(abs(dark - bright) < 0.01)
    }

    @Test("a pore cut by the frame: the outline stops at the frame's edge — a sharp 6 × 6 corner square gives 36")
    func borderPore() throws {
        var image = Image<UInt8>(width: 20, height: 20, repeating: 200)
        for y in 0 ..< 6 { for x in 0 ..< 6 { image[x, y] = 20 } }
        let components = labelComponents(of: poreMask(image, threshold: 100, polarity: .dark))
        let regions = measureRegions(of: components.labels, count: components.count)
        let areas = subpixelBoundaryAreas(of: components.labels, regions: regions,
                                          response: plusEdgeResponse(image, sigma: 1), polarity: .dark)
        let area = try #require(areas[0])
        // The edges at x = 6 and y = 6 are step edges between pixel 5 and 6; the smoothed corner
        // is rounded, so the outline loses a little of the corner's area.
        #expect(abs(area - 36) < 1.5, "area \(area)")
    }
    @Test("a slit reaching to 2 px from the centre is followed to its end, not skipped by the start of the rays' march")
    func slitNearCentre() throws {
        // A disc of radius 20 px about (30, 30) with, in rows 29–30, a slit from the left edge
        // to x = 28 (2 px short of the centre). With a flat edge response the outline is the mask
        // boundary, so the rays that enter the slit end near its tip: about a quarter of the
        // disc's angles, which must cost far more than 50 px² of area.
        func areas(slit: Bool) throws -> (subpixel: Double, pixels: Int) {
            var mask = Mask(width: 60, height: 60, repeating: false)
            for y in 0 ..< 60 {
                for x in 0 ..< 60 {
                    let dx = Double(x) + 0.5 - 30, dy = Double(y) + 0.5 - 30
                    mask[x, y] = dx * dx + dy * dy <= 400 && !(slit && (y == 29 || y == 30) && x < 28)
                }
            }
            let components = labelComponents(of: mask)
            let regions = measureRegions(of: components.labels, count: components.count)
            let flat = Image<Float>(width: 60, height: 60, repeating: 0)
            let areas = subpixelBoundaryAreas(of: components.labels, regions: regions, response: flat, polarity: .dark)
            return (try #require(areas[0]), regions[0].area)
        }
        let disc = try areas(slit: false), slit = try areas(slit: true)
        #expect(abs(disc.subpixel - Double(disc.pixels)) < 0.02 * Double(disc.pixels), "disc \(disc)")
        #expect(slit.subpixel < disc.subpixel - 50, "slit \(slit.subpixel) vs disc \(disc.subpixel)")
        #expect(slit.subpixel > 0.5 * disc.subpixel, "slit \(slit.subpixel)")
    }
}
