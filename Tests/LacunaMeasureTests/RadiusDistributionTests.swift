import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Weighted radius distribution, Miles–Lantuéjoul weights, quality checks")
struct RadiusDistributionTests {
    @Test("Unit weights: means, Hazen quantiles, log-normal MLE by hand")
    func unitWeights() throws {
        let radii = [3.0, 1, 4, 2]
        let d = RadiusDistribution(radii: radii, areas: radii.map { Double.pi * $0 * $0 }, weights: [1, 1, 1, 1])
        #expect(d.count == 4 && d.weightSum == 4)
        #expect(d.numberMean == 2.5)
        // Area-weighted: Σr³ / Σr² = 100 / 30.
        #expect(abs(try #require(d.areaMean) - 100.0 / 30) <= 1e-12)
        // Hazen positions 0.125, 0.375, 0.625, 0.875: D10 below the first → 1, D50 halfway
        // between 2 and 3 (the median), D90 above the last → 4.
        #expect(d.d10 == 1 && d.d50 == 2.5 && d.d90 == 4)
        // μ = ln(1·2·3·4)/4 = ln 24 / 4; σ² = Σ(ln r − μ)²/4 (0.5206264239491396, from the
        // deviations −0.79451, −0.10137, 0.30410, 0.59178).
        #expect(abs(try #require(d.logMean) - 0.7945134575869863) <= 1e-12)
        #expect(abs(try #require(d.logSD) - 0.5206264239491396) <= 1e-12)
    }

    @Test("Integer weights act as repeated pores")
    func replication() {
        let weighted = RadiusDistribution(radii: [1, 2, 5], areas: [1, 4, 25], weights: [3, 1, 2])
        let repeated = RadiusDistribution(radii: [1, 1, 1, 2, 5, 5], areas: [1, 1, 1, 4, 25, 25],
                                          weights: [1, 1, 1, 1, 1, 1])
        #expect(weighted.count == 3 && repeated.count == 6)
        #expect(weighted.weightSum == repeated.weightSum)
        for (a, b) in [(weighted.numberMean, repeated.numberMean), (weighted.areaMean, repeated.areaMean),
                       (weighted.d10, repeated.d10), (weighted.d50, repeated.d50), (weighted.d90, repeated.d90),
                       (weighted.logMean, repeated.logMean), (weighted.logSD, repeated.logSD)] {
            #expect(abs((a ?? .nan) - (b ?? .nan)) <= 1e-12)
        }
        // Repeated sample 1,1,1,2,5,5 at positions (k − ½)/6: D50 halfway between 1 and 2.
        #expect(repeated.d50 == 1.5)
    }

    @Test("Empty and invalid radii give no statistics; scaling converts units")
    func emptyAndScaled() throws {
        let none = RadiusDistribution(radii: [0, -1, .nan], areas: [1, 1, 1], weights: [1, 1, 1])
        #expect(none.count == 0 && none.weightSum == 0 && none.numberMean == nil && none.d50 == nil)
        let d = RadiusDistribution(radii: [2, 8], areas: [4, 64], weights: [1, 1]).scaled(by: 0.5)
        #expect(d.numberMean == 2.5 && d.d10 == 1 && d.d90 == 4)
        // ln(√(2·8)) + ln 0.5 = ln 2.
        #expect(abs(try #require(d.logMean) - 0.6931471805599453) <= 1e-12)
        #expect(abs(try #require(d.logSD) - 0.6931471805599453) <= 1e-12)
    }

    @Test("Miles–Lantuéjoul weight: frame area over the count of interior positions, by enumeration")
    func milesLantuejoul() throws {
        let frameWidth = 100, frameHeight = 80
        for (w, h) in [(10, 20), (1, 1), (97, 3), (98, 78)] {
            // A box at column x0 avoids the first and last column when x0 ≥ 1 and x0 + w ≤ W − 1.
            var interior = 0
            for x0 in 0 ... frameWidth - w {
                for y0 in 0 ... frameHeight - h where x0 >= 1 && x0 + w <= frameWidth - 1 && y0 >= 1
                    && y0 + h <= frameHeight - 1 { interior += 1 }
            }
            let weight = try #require(milesLantuejoulWeight(boxWidth: w, boxHeight: h, frameWidth: frameWidth,
                                                            frameHeight: frameHeight))
            #expect(abs(weight - 8000 / Double(interior)) <= 1e-12, "\(w)×\(h)")
        }
        #expect(abs((milesLantuejoulWeight(boxWidth: 10, boxHeight: 20, frameWidth: 100, frameHeight: 80) ?? 0)
            - 1.523519329651495) <= 1e-12)
        #expect(milesLantuejoulWeight(boxWidth: 99, boxHeight: 3, frameWidth: 100, frameHeight: 80) == nil)
    }

    @Test("Grey-level checks from a histogram")
    func quality() {
        // 1000 pixels: 20 at 0, 600 at 100, 375 at 150, 5 at 255. Saturated 25/1000; the 1st
        // percentile (10th pixel) is 0, the 99th (990th) is 150: contrast 150/255.
        var counts = [Int](repeating: 0, count: 256)
        counts[0] = 20
        counts[100] = 600
        counts[150] = 375
        counts[255] = 5
        let q = ImageQuality(histogram: counts, fullScale: 255)
        #expect(q.saturatedFraction == 0.025)
        #expect(q.contrast == 150.0 / 255)
        // A 16-bit histogram that stops below full scale has no top saturation.
        let narrow = ImageQuality(histogram: [0, 50, 50], fullScale: 65535)
        #expect(narrow.saturatedFraction == 0 && narrow.contrast == 1.0 / 65535)
    }
}

@Suite("Per-image statistics by radius definition and edge handling")
struct ImageDistributionTests {
    /// A 60 × 40 frame: a 5 × 5 square at (3…7, 4…8), a disk of radius 6 at (30, 20), and a
    /// 4 × 6 block in the top-left corner (touching the edge).
    static func measurement(_ definition: RadiusDefinition, _ edge: EdgeHandling) -> ImageMeasurement {
        let mask = TestMasks.union(
            TestMasks.rectangle(width: 60, height: 40, xs: 3 ..< 8, ys: 4 ..< 9),
            TestMasks.disk(width: 60, height: 40, centreX: 30, centreY: 20, radius: 6),
            TestMasks.rectangle(width: 60, height: 40, xs: 0 ..< 4, ys: 0 ..< 2))
        let components = labelComponents(of: mask, connectivity: .eight)
        var pores = measureRegions(of: components.labels, count: components.count)
        for (i, s) in measureShapes(of: components.labels, regions: pores).enumerated() { pores[i].shape = s }
        return ImageMeasurement(width: 60, height: 40, databarHeight: 0,
                                calibration: Calibration(pixelSize: PixelSize(square: 0.25), source: .manual),
                                threshold: 1, pores: pores, radiusDefinition: definition, edgeHandling: edge)
    }

    @Test("Edge handling: exclude, include and Miles–Lantuéjoul weights by hand")
    func edgeHandling() throws {
        // Labels in row-major order of first pixel: 1 = corner block (row 0), 2 = square, 3 = disk.
        let exclude = Self.measurement(.equivalent, .exclude)
        #expect(exclude.pores.map(\.touchesBorder) == [true, false, false])
        let square = (25 / Double.pi).squareRoot(), disk = (113 / Double.pi).squareRoot(), corner = (8 / Double.pi).squareRoot()
        #expect(exclude.pores[2].area == 113)
        let ex = exclude.radiusDistributionPixels
        #expect(ex.count == 2 && ex.weightSum == 2)
        #expect(abs((ex.numberMean ?? 0) - (square + disk) / 2) <= 1e-12)
        #expect(abs((ex.areaMean ?? 0) - (25 * square + 113 * disk) / 138) <= 1e-12)
        let inc = Self.measurement(.equivalent, .include).radiusDistributionPixels
        #expect(inc.count == 3 && abs((inc.numberMean ?? 0) - (square + disk + corner) / 3) <= 1e-12)
        // Weights: square 5 × 5 box → 2400 / (54 · 34); disk 13 × 13 → 2400 / (46 · 26).
        let weighted = Self.measurement(.equivalent, .weight)
        let ws = 2400.0 / (54 * 34), wd = 2400.0 / (46 * 26)
        #expect(weighted.statisticsWeight(of: weighted.pores[0]) == 0)
        #expect(abs(weighted.statisticsWeight(of: weighted.pores[1]) - ws) <= 1e-12)
        #expect(abs(weighted.statisticsWeight(of: weighted.pores[2]) - wd) <= 1e-12)
        let wdist = weighted.radiusDistributionPixels
        #expect(abs(wdist.weightSum - (ws + wd)) <= 1e-12)
        #expect(abs((wdist.numberMean ?? 0) - (ws * square + wd * disk) / (ws + wd)) <= 1e-12)
        // Densities: Σw over 2400 px², and over 2400 · 0.0625 µm².
        #expect(abs((weighted.numberDensityPerPixel ?? 0) - (ws + wd) / 2400) <= 1e-15)
        #expect(abs((weighted.numberDensityPerSquareMicrometre ?? 0) - (ws + wd) / 150) <= 1e-15)
        #expect(exclude.numberDensityPerPixel == 2.0 / 2400)
    }

    @Test("Radius definitions pick the shape descriptor; µm scale by the pixel length")
    func definitions() throws {
        for definition in RadiusDefinition.allCases {
            let m = Self.measurement(definition, .exclude)
            let square = try #require(m.pores[1].shape), disk = try #require(m.pores[2].shape)
            let expected: (Double, Double) = switch definition {
            case .equivalent: ((25 / Double.pi).squareRoot(), (113 / Double.pi).squareRoot())
            case .inscribed: (square.inscribedRadius, disk.inscribedRadius)
            case .feret: (square.feret / 2, disk.feret / 2)
            case .minFeret: (square.minFeret / 2, disk.minFeret / 2)
            case .localThickness: (square.localThicknessRadius, disk.localThicknessRadius)
            }
            let d = m.radiusDistributionPixels
            #expect(abs((d.numberMean ?? 0) - (expected.0 + expected.1) / 2) <= 1e-12, "\(definition)")
            let um = try #require(m.radiusDistributionMicrometres)
            #expect(abs((um.numberMean ?? 0) - (expected.0 + expected.1) / 8) <= 1e-12, "\(definition)")
        }
        // Hand values for the 5 × 5 square: inscribed radius 3 (centre pixel to the background
        // just outside the edge), Feret √50 corner to corner, MinFeret 5.
        let square = try #require(Self.measurement(.inscribed, .exclude).pores[1].shape)
        #expect(square.inscribedRadius == 3)
        #expect(abs(square.feret - 50.0.squareRoot()) <= 1e-12)
        #expect(square.minFeret == 5)
    }

    @Test("Doubling the pixel size doubles µm radii, shifts μ by ln 2 and quarters the µm density")
    func pixelSize() throws {
        for definition in RadiusDefinition.allCases {
            let small = Self.measurement(definition, .weight)
            var large = small
            large.calibration = Calibration(pixelSize: PixelSize(square: 0.5), source: .manual)
            let a = try #require(small.radiusDistributionMicrometres), b = try #require(large.radiusDistributionMicrometres)
            #expect(abs((b.numberMean ?? 0) - 2 * (a.numberMean ?? 0)) <= 1e-12)
            #expect(abs((b.d90 ?? 0) - 2 * (a.d90 ?? 0)) <= 1e-12)
            #expect(abs((b.logMean ?? 0) - (a.logMean ?? 0) - 0.6931471805599453) <= 1e-12)
            #expect(b.logSD == a.logSD)
            #expect(abs((large.numberDensityPerSquareMicrometre ?? 0) * 4 - (small.numberDensityPerSquareMicrometre ?? 0)) <= 1e-15)
            #expect(large.radiusDistributionPixels == small.radiusDistributionPixels)
        }
    }

    @Test("Quality flags: few pores and border fraction from the pores, grey checks from quality")
    func flags() {
        var m = Self.measurement(.equivalent, .exclude)
        // 2 pores in the statistics (< 20); 1 of 3 at the edge (0.333 > 0.3).
        #expect(m.qualityFlags == ["few_pores", "border_pores"])
        m.quality = ImageQuality(saturatedFraction: 0.02, contrast: 0.05)
        #expect(m.qualityFlags == ["saturated", "low_contrast", "few_pores", "border_pores"])
        m.quality = ImageQuality(saturatedFraction: 0.01, contrast: 0.10)
        #expect(m.qualityFlags == ["few_pores", "border_pores"])
    }
}
