import Foundation
import LacunaImage
import LacunaMeasure
import LacunaReport
import LacunaSynth
import Testing

@Suite("images.csv and pores.csv")
struct ResultTablesTests {
    /// Two hand-made pores: a 4-pixel square at the top-left corner (touches the border) and a
    /// 100-pixel interior pore.
    static func measurement(calibration: Calibration) -> ImageMeasurement {
        let corner = RegionProperties(label: 1, area: 4, perimeter: 4, centroidX: 1, centroidY: 1,
                                      minX: 0, minY: 0, maxX: 2, maxY: 2, touchesBorder: true)
        let inner = RegionProperties(label: 2, area: 100, perimeter: 36, centroidX: 15, centroidY: 25,
                                     minX: 10, minY: 20, maxX: 20, maxY: 30, touchesBorder: false)
        return ImageMeasurement(width: 40, height: 50, databarHeight: 7, calibration: calibration, threshold: 99,
                                pores: [corner, inner], databarMethod: .metadata)
    }

    @Test("columns of the contract come first, in order")
    func columns() {
        #expect(Array(ResultTables.imageColumns.prefix(15)) == [
            "image", "status", "error", "current_density", "pixel_size_um", "pixel_size_source",
            "databar_height_px", "width", "height", "threshold", "pore_count", "porosity",
            "mean_radius_um", "median_radius_um", "sd_radius_um"])
        #expect(Array(ResultTables.poreColumns.prefix(8)) == [
            "image", "pore", "area_um2", "equivalent_radius_um", "perimeter_um", "centroid_x_um",
            "centroid_y_um", "touches_border"])
    }

    /// The cell-network columns of a record without a network: all empty.
    static let noNetwork = String(repeating: ",", count: ResultTables.networkColumns.count)

    @Test("a calibrated image: µm values by hand, border pore listed but not in the statistics")
    func calibratedRows() throws {
        let m = Self.measurement(calibration: Calibration(pixelSize: PixelSize(square: 0.5), source: .fei))
        let records = [ImageRecord(image: "a,b.tif", currentDensity: 2, outcome: .measured(m)),
                       ImageRecord(image: "bad.png", currentDensity: nil, outcome: .failed("truncated PNG file: x"))]
        let images = String(decoding: ResultTables.images(records).encoded(), as: UTF8.self)
        let lines = images.split(separator: "\n")
        // Interior radius: √(100·0.25/π) = 2.82095 µm; porosity 104 / 2000 = 0.052. Appended
        // distribution (one interior pore, weight 1): every mean and quantile 5.6419 px, ln 5.6419
        // = 1.73022, σ 0; in µm 2.82095 and ln 2.82095 = 1.03707; density 1 / (2000 px · 0.25 µm²)
        // = 0.002 µm⁻², 1/2000 px⁻²; no grey-level checks; 1 of 2 pores at the edge (0.5 > 0.3)
        // and 1 < 20 pores raise border_pores and few_pores; analysed area 40 · 50 = 2000 px =
        // 500 µm², the whole frame, pixel areas (boundary_area_px empty in pores.csv).
        #expect(lines[1] == "\"a,b.tif\",ok,,2,0.5,fei,7,40,50,99,2,0.052000,2.82095,2.82095,,1,0.5,5.6419,5.6419,,metadata,0,0,,1,equivalent,exclude,1,1,5.6419,5.6419,5.6419,5.6419,5.6419,1.73022,0,2.82095,2.82095,2.82095,2.82095,2.82095,1.03707,0.002,0.0005,,,0.5,,,,,,few_pores;border_pores,,,,," + Self.noNetwork + ",2000,500,frame,pixels,full")
        #expect(lines[2] == "bad.png,error,truncated PNG file: x" + String(repeating: ",", count: 21) + ",1"
                + String(repeating: ",", count: ResultTables.imageColumns.count - 25))
        let pores = String(decoding: ResultTables.pores(records).encoded(), as: UTF8.self).split(separator: "\n")
        #expect(pores.count == 3)
        // Corner pore: 4 px → 1 µm², r = √(1/π) = 0.56419 µm, perimeter 4·0.5 = 2 µm, centroid 0.5 µm.
        // No shape descriptors (17 empty fields), radius 1.12838 px / 0.56419 µm, weight 0 (edge).
        #expect(pores[1] == "\"a,b.tif\",1,1,0.56419,2,0.5,0.5,true,4,1.12838,4,1,1,0,0,2,2,1,,,,,,,,,,,,,,,,,,1.12838,0.56419,0,,")
        #expect(pores[2] == "\"a,b.tif\",2,25,2.82095,18,7.5,12.5,false,100,5.6419,36,15,25,10,20,10,10,1,,,,,,,,,,,,,,,,,,5.6419,2.82095,1,,")
    }

    @Test("uncalibrated: µm columns empty, pixel columns filled, source none")
    func uncalibratedRows() {
        let m = Self.measurement(calibration: .none)
        let records = [ImageRecord(image: "u.png", currentDensity: nil, outcome: .measured(m))]
        let row = String(decoding: ResultTables.images(records).encoded(), as: UTF8.self).split(separator: "\n")[1]
        #expect(row == "u.png,ok,,,,none,7,40,50,99,2,0.052000,,,,1,,5.6419,5.6419,,metadata,0,0,,1"
            + ",equivalent,exclude,1,1,5.6419,5.6419,5.6419,5.6419,5.6419,1.73022,0,,,,,,,,0.0005,,,0.5,,,,,,few_pores;border_pores,,,,," + Self.noNetwork + ",2000,,frame,pixels,full")
        let pore = String(decoding: ResultTables.pores(records).encoded(), as: UTF8.self).split(separator: "\n")[2]
        #expect(pore == "u.png,2,,,,,,false,100,5.6419,36,15,25,10,20,10,10,1,,,,,,,,,,,,,,,,,,5.6419,,1,,")
    }

    @Test("a region of interest: positions are reported in stored-image coordinates; warnings are joined")
    func region() {
        var m = Self.measurement(calibration: Calibration(pixelSize: PixelSize(square: 0.5), source: .scaleBar))
        m.originX = 100
        m.originY = 10
        m.warnings = ["first", "second"]
        let records = [ImageRecord(image: "r", currentDensity: nil, outcome: .measured(m))]
        let image = String(decoding: ResultTables.images(records).encoded(), as: UTF8.self).split(separator: "\n")[1]
        #expect(image == "r,ok,,,0.5,scale_bar,7,40,50,99,2,0.052000,2.82095,2.82095,,1,0.5,5.6419,5.6419,,metadata,100,10,first; second,1"
                + ",equivalent,exclude,1,1,5.6419,5.6419,5.6419,5.6419,5.6419,1.73022,0,2.82095,2.82095,2.82095,2.82095,2.82095,1.03707,0.002,0.0005,,,0.5,,,,,,few_pores;border_pores,,,,," + Self.noNetwork + ",2000,500,frame,pixels,full")
        let pore = String(decoding: ResultTables.pores(records).encoded(), as: UTF8.self).split(separator: "\n")[2]
        // Centroid (15 + 100, 25 + 10) px → (57.5, 17.5) µm; bounding box moves with it.
        #expect(pore == "r,2,25,2.82095,18,57.5,17.5,false,100,5.6419,36,115,35,110,30,10,10,1,,,,,,,,,,,,,,,,,,5.6419,2.82095,1,,")
    }

    @Test("anisotropic pixels: areas use x·y, centroids scale per axis")
    func anisotropic() {
        let m = Self.measurement(calibration: Calibration(pixelSize: PixelSize(x: 0.5, y: 2), source: .manual))
        let records = [ImageRecord(image: "a", currentDensity: nil, outcome: .measured(m))]
        let pore = String(decoding: ResultTables.pores(records).encoded(), as: UTF8.self).split(separator: "\n")[2]
        // 100 px × 1 µm² = 100 µm², r = √(100/π) = 5.64190; centroid (15·0.5, 25·2); perimeter 36·√1 = 36.
        #expect(pore == "a,2,100,5.6419,36,7.5,50,false,100,5.6419,36,15,25,10,20,10,10,1,,,,,,,,,,,,,,,,,,5.6419,5.6419,1,,")
    }
}

@Suite("Number formatting")
struct NumberFormatTests {
    @Test("six significant digits, C locale, no negative zero, empty for nil and non-finite")
    func formats() {
        #expect(NumberFormat.significant(0.253271234) == "0.253271")
        #expect(NumberFormat.significant(1234567.0) == "1.23457e+06")
        #expect(NumberFormat.significant(-0.0) == "0")
        #expect(NumberFormat.significant(nil) == "")
        #expect(NumberFormat.significant(.nan) == "")
        #expect(NumberFormat.significant(.infinity) == "")
        #expect(NumberFormat.fixed(0.0519999, decimals: 6) == "0.052000")
        #expect(NumberFormat.fixed(-0.0000001, decimals: 3) == "0.000")
        #expect(NumberFormat.fixed(-0.0006, decimals: 3) == "-0.001")
        #expect(NumberFormat.significant(1.0 / 3.0, digits: 17) == "0.33333333333333331")
        #expect(NumberFormat.significant(-2.5e-300) == "-2.5e-300")
        #expect(NumberFormat.significant(100000) == "100000")
        #expect(NumberFormat.significant(999999.5) == "1e+06")
    }

    /// A value longer than the stack buffer (`%.2f` of 1e300 has 303 characters) takes the
    /// heap path and still prints every digit.
    @Test("long fixed values are printed whole")
    func longFixed() {
        let text = NumberFormat.fixed(1e300, decimals: 2)
        #expect(text.count == 304 && text.hasPrefix("100000000000000005250476025520442024870446858110815915491585") && text.hasSuffix(".00"))
    }

    /// The same bytes as Foundation's `String(format:)` (the formatter the tables used before)
    /// on 20 000 random values across the whole exponent range, at several precisions.
    @Test("same bytes as Foundation's String(format:)")
    func matchesFoundation() {
        var generator = SeededRandom(seed: 0x5eed_2026_1203)
        for k in 0 ..< 20000 {
            let bits = generator.next()
            var value = Double(bitPattern: bits)
            if !value.isFinite { value = Double(Int64(bitPattern: bits) >> 20) / 1024 }
            if k % 3 == 0 { value = Double(Int64(bitPattern: bits) % 10_000_000) / 997 }
            let digits = [6, 3, 10, 17][k % 4]
            let expected = String(format: "%.\(digits)g", locale: nil, value)
            #expect(NumberFormat.significant(value, digits: digits) == (expected == "-0" ? "0" : expected))
            if abs(value) < 1e12 {
                let fixed = String(format: "%.4f", locale: nil, value)
                #expect(NumberFormat.fixed(value, decimals: 4) == (fixed.hasPrefix("-") && Double(fixed) == 0 ? String(fixed.dropFirst()) : fixed))
            }
        }
    }
}
