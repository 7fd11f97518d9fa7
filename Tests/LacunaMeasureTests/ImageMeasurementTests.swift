import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Per-image measurement: porosity, interior pores, calibrated radii")
struct ImageMeasurementTests {
    /// A 20 × 10 frame with four rectangular pores:
    ///   A 2 × 2 at x 3…4, y 2…3 (interior, area 4)
    ///   B 3 × 2 at x 0…2, y 7…8 (touches the left edge, area 6)
    ///   C 3 × 3 at x 10…12, y 4…6 (interior, area 9)
    ///   D 1 × 5 at x 19, y 0…4 (touches the right and top edges, area 5)
    static func pores() -> [RegionProperties] {
        let mask = TestMasks.union(
            TestMasks.rectangle(width: 20, height: 10, xs: 3 ..< 5, ys: 2 ..< 4),
            TestMasks.rectangle(width: 20, height: 10, xs: 0 ..< 3, ys: 7 ..< 9),
            TestMasks.rectangle(width: 20, height: 10, xs: 10 ..< 13, ys: 4 ..< 7),
            TestMasks.rectangle(width: 20, height: 10, xs: 19 ..< 20, ys: 0 ..< 5))
        let components = labelComponents(of: mask, connectivity: .eight)
        return measureRegions(of: components.labels, count: components.count)
    }

    static func measurement(_ calibration: Calibration) -> ImageMeasurement {
        ImageMeasurement(width: 20, height: 10, databarHeight: 0, calibration: calibration, threshold: 100,
                         pores: pores())
    }

    @Test("Porosity counts every pore, border pores included")
    func porosity() {
        // (4 + 6 + 9 + 5) / (20 · 10) = 24 / 200 = 0.12.
        let m = Self.measurement(.none)
        #expect(m.pores.count == 4)
        #expect(abs(m.porosity - 0.12) <= 1e-15)
    }

    @Test("Only pores off the frame edge are interior")
    func interior() {
        let m = Self.measurement(.none)
        // Row-major labels: D (19, 0) = 1, A (3, 2) = 2, C (10, 4) = 3, B (0, 7) = 4.
        #expect(m.pores.map(\.area) == [5, 4, 9, 6])
        #expect(m.interiorPores.map(\.area) == [4, 9])
        #expect(m.interiorPores.map(\.label) == [2, 3])
    }

    @Test("Radius statistics in pixels use interior pores only")
    func pixelRadii() throws {
        // r = √(4/π) = 2/√π and √(9/π) = 3/√π: mean 2.5/√π = 1.4104740, median the same,
        // SD = (1/√π)/√2 = 1/√(2π) = 0.3989423.
        let stats = Self.measurement(.none).radiusStatisticsPixels
        #expect(stats.count == 2)
        #expect(abs(try #require(stats.mean) - 1.4104739589) <= 1e-9)
        #expect(abs(try #require(stats.median) - 1.4104739589) <= 1e-9)
        #expect(abs(try #require(stats.standardDeviation) - 0.3989422804) <= 1e-9)
    }

    @Test("Uncalibrated: no micrometre statistics")
    func uncalibrated() {
        #expect(Self.measurement(.none).radiusStatisticsMicrometres == nil)
    }

    @Test("Anisotropic pixels: the radius comes from the calibrated area")
    func anisotropic() throws {
        // Pixel 0.5 µm × 0.125 µm = 0.0625 µm², so r_µm = √(A · 0.0625/π) = 0.25 · r_px:
        // mean 0.625/√π = 0.3526185, SD 0.25/√(2π) = 0.0997356. Scaling by x alone (0.5) or
        // y alone (0.125) would give twice or half that.
        let calibration = Calibration(pixelSize: PixelSize(x: 0.5, y: 0.125), source: .manual)
        let stats = try #require(Self.measurement(calibration).radiusStatisticsMicrometres)
        #expect(stats.count == 2)
        #expect(abs(try #require(stats.mean) - 0.3526184897) <= 1e-9)
        #expect(abs(try #require(stats.median) - 0.3526184897) <= 1e-9)
        #expect(abs(try #require(stats.standardDeviation) - 0.0997355701) <= 1e-9)
    }

    @Test("Doubling the pixel size doubles the radii")
    func doubling() throws {
        let small = try #require(Self.measurement(
            Calibration(pixelSize: PixelSize(square: 0.5), source: .fei)).radiusStatisticsMicrometres)
        let large = try #require(Self.measurement(
            Calibration(pixelSize: PixelSize(square: 1.0), source: .fei)).radiusStatisticsMicrometres)
        let pixels = Self.measurement(.none).radiusStatisticsPixels
        #expect(abs(try #require(large.mean) - 2 * #require(small.mean)) <= 1e-12)
        #expect(abs(try #require(large.standardDeviation) - 2 * #require(small.standardDeviation)) <= 1e-12)
        // 1 µm square pixels: micrometres equal pixels.
        #expect(abs(try #require(large.mean) - #require(pixels.mean)) <= 1e-12)
    }

    @Test("No pores, or an empty frame: porosity 0 and empty statistics")
    func noPores() {
        let empty = ImageMeasurement(width: 8, height: 8, databarHeight: 0, calibration: .none, threshold: 0, pores: [])
        #expect(empty.porosity == 0)
        #expect(empty.radiusStatisticsPixels.count == 0)
        let calibrated = ImageMeasurement(width: 8, height: 8, databarHeight: 0,
                                          calibration: Calibration(pixelSize: PixelSize(square: 2), source: .manual),
                                          threshold: 0, pores: [])
        #expect(calibrated.radiusStatisticsMicrometres == SizeStatistics([]))
        let frameless = ImageMeasurement(width: 0, height: 0, databarHeight: 0, calibration: .none, threshold: 0, pores: [])
        #expect(frameless.porosity == 0)
    }

    @Test("A frame full of pore is porosity 1 with no interior pores")
    func allPore() {
        let labels = LabelImage(width: 6, height: 4, repeating: 1)
        let m = ImageMeasurement(width: 6, height: 4, databarHeight: 0, calibration: .none, threshold: 0,
                                 pores: measureRegions(of: labels, count: 1))
        #expect(m.porosity == 1)
        #expect(m.interiorPores.isEmpty)
        #expect(m.radiusStatisticsPixels.count == 0)
    }
}
