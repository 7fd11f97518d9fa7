import Foundation
import LacunaImage
import LacunaIO
import LacunaTestSupport
import Testing

@Suite("Scale bar in the data bar")
struct ScaleBarTests {
    /// A 400×40 black data bar with a table rule to the right edge on row 30, some text on row 8,
    /// and a scale bar `|—— label ——|` on row 20 from `start` to `start + length − 1` with
    /// 1-px end caps (rows 17…23) and label strokes in its middle.
    static func bar(start: Int, length: Int, labelGap: Int) -> Raster {
        let w = 400, h = 40
        var s = [UInt8](repeating: 0, count: w * h)
        for x in 250 ..< w { s[30 * w + x] = 255 }  // rule touching the edge: not a scale bar
        for x in 10 ..< 200 where x % 7 < 3 { s[8 * w + x] = 255 }  // text strokes
        let end = start + length - 1
        let middle = start + length / 2
        for x in start ... end {
            let inLabel = abs(x - middle) <= labelGap / 2
            if !inLabel || (x % 5 == 0) { s[20 * w + x] = 255 }  // label strokes bridge the gap
        }
        for y in 17 ... 23 { s[y * w + start] = 255; s[y * w + end] = 255 }
        return .uint8(Image(width: w, height: h, samples: s))
    }

    @Test("the bar's extent, label gap bridged, is its length", arguments: [(40, 120, 30), (15, 300, 60), (100, 45, 0)])
    func synthetic(start: Int, length: Int, gap: Int) throws {
        let raster = Self.bar(start: start, length: length, labelGap: gap)
        let found = try #require(ScaleBar.find(in: raster, rows: 0 ..< 40))
        #expect(found.length == length)
        #expect(found.column == start && found.row == 20)
    }

    @Test("text alone and rules that reach the edge are not scale bars")
    func noBar() {
        var raster = Self.bar(start: 100, length: 80, labelGap: 0)
        guard case var .uint8(image) = raster else { return }
        for x in 0 ..< 400 { image[x, 20] = 0 }
        for y in 17 ... 23 { image[100, y] = 0; image[179, y] = 0 }
        raster = .uint8(image)
        let found = ScaleBar.find(in: raster, rows: 0 ..< 40)
        #expect(found == nil)
    }

    /// By-hand lengths recorded in ../shared/realdata/reference_values.json: the FEI Quanta
    /// "50 µm" bar spans 373 px including its end caps; the Helios "500 µm" bar about 151 px.
    @Test("real FEI data bars", .enabled(if: TestSupport.realDataDirectory != nil))
    func realBars() throws {
        let quanta = try ImageDecoder().decodeFile(atPath: try #require(realData("fei-quanta-porous-xsection/sample_1.tif")))
        let raster = quanta.raster
        let q = try #require(ScaleBar.find(in: raster, rows: 1024 ..< 1103))
        #expect(q.length == 373)
        // 50 µm / 373 px = 0.13405 µm/px, 0.6 % from the metadata's 0.134896.
        #expect(abs(50 / Double(q.length) / 0.134896 - 1) < 0.01)
        let helios = try ImageDecoder().decodeFile(atPath: try #require(realData("fei-helios-metadata/FEI-Helios-Ebeam-8bits.tif")))
        let heliosRaster = helios.raster
        let hb = try #require(ScaleBar.find(in: heliosRaster, rows: 442 ..< 471))
        #expect(abs(hb.length - 151) <= 2, "Helios bar \(hb.length) px")
        // 500 µm / 151 px = 3.31 µm/px, 1.8 % from the metadata's 3.3724 (the by-hand reading agrees).
        #expect(abs(500 / Double(hb.length) / 3.3724 - 1) < 0.03)
    }
}
