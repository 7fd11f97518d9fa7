import Foundation
import LacunaImage
import LacunaIO
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Data bar from pixels")
struct DatabarDetectorTests {
    /// Noisy specimen rows (no value dominates) above `bar` rows of black with white text blocks.
    static func specimen(width: Int = 300, height: Int = 200, bar: Int, barOnTop: Int = 0) -> Raster {
        var random = SeededRandom(seed: 11)
        var samples = (0 ..< width * height).map { _ in UInt8(truncatingIfNeeded: random.next() % 200 + 30) }
        for y in height - bar ..< height {
            for x in 0 ..< width {
                // Text blocks cover a quarter of the bar's middle rows: those rows stay ~75 % black.
                let text = y > height - bar + 3 && y < height - 3 && (x / 6) % 4 == 0
                samples[y * width + x] = text ? 255 : 0
            }
        }
        // A Zeiss-like single specimen row under the bar.
        if barOnTop > 0 {
            for x in 0 ..< width { samples[(height - 1) * width + x] = UInt8(truncatingIfNeeded: random.next() % 200) }
        }
        return .uint8(Image(width: width, height: height, samples: samples))
    }

    @Test("a bar of 1…60 rows is measured exactly", arguments: [8, 9, 25, 60])
    func synthetic(rows: Int) {
        #expect(DatabarDetector().barHeight(of: Self.specimen(bar: rows)) == rows)
    }

    @Test("no bar: 0; a bar thinner than 8 rows or above 30 % of the height is not reported")
    func none() {
        #expect(DatabarDetector().barHeight(of: Self.specimen(bar: 0)) == 0)
        #expect(DatabarDetector().barHeight(of: Self.specimen(bar: 5)) == 0)
        #expect(DatabarDetector().barHeight(of: Self.specimen(bar: 90)) == 0)
    }

    @Test("sparse count maps (most pixels 0 everywhere) get no bar: the bottom does not stand out")
    func sparseCounts() {
        var random = SeededRandom(seed: 3)
        // 60 % zeros in every row, the bottom rows a little emptier still.
        let samples = (0 ..< 256 * 256).map { i -> UInt16 in
            let zeroChance: UInt64 = i / 256 > 200 ? 75 : 60
            return random.next() % 100 < zeroChance ? 0 : UInt16(random.next() % 40 + 1)
        }
        #expect(DatabarDetector().barHeight(of: .uint16(Image(width: 256, height: 256, samples: samples))) == 0)
    }

    @Test("one ordinary row under the bar (Zeiss frame layout) does not end the scan")
    func rowBelow() {
        // Bar rows 170…198 and a specimen row 199: the bar's top is row 170, 30 rows from the bottom.
        #expect(DatabarDetector().barHeight(of: Self.specimen(bar: 30, barOnTop: 1)) == 30)
    }

    @Test("16-bit rasters work the same way")
    func sixteenBit() {
        guard case let .uint8(image) = Self.specimen(bar: 20) else { return }
        let wide = Raster.uint16(image.map { UInt16($0) * 257 })
        #expect(DatabarDetector().barHeight(of: wide) == 20)
    }

    /// Known bars of real instruments (../shared/realdata: reference_values.json, sem-metadata.md §1.3).
    @Test("real files: Zeiss data zone 77 rows, Hitachi 64, FEI Quanta 79; none on Tescan, optical and TOF-SIMS images",
          .enabled(if: TestSupport.realDataDirectory != nil),
          arguments: [("zeiss-sem-metadata/test_tiff_Zeiss_SEM_1k.tif", 77),
                      ("hitachi-polymer-membrane-foam/png/test_pore1.png", 64),
                      ("hitachi-polymer-membrane-foam/png/test_pore2.png", 64),
                      ("fei-quanta-porous-xsection/sample_1.tif", 79),
                      ("tescan-vega3-exfoliated-graphite/161.jpg", 0),
                      ("optical-cast-aluminium-porosity/GW_B2_50x.jpg", 0),
                      ("tofsims-poplar-wood/poplar_mz039_counts_uint16.png", 0),
                      ("tofsims-poplar-wood/poplar_mz057_counts_uint16.png", 0)])
    func realBars(file: String, rows: Int) throws {
        let path = try #require(realData(file))
        let decoded = try ImageDecoder().decodeFile(atPath: path)
        #expect(DatabarDetector().barHeight(of: decoded.raster) == rows)
    }
}
