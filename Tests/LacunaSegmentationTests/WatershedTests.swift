import LacunaImage
import LacunaSegmentation
import Testing

@Suite("Marker-controlled watershed by priority flooding")
struct WatershedTests {
    /// A one-row relief from a list of levels.
    static func row(_ values: [Float]) -> Image<Float> {
        Image(width: values.count, height: 1, samples: values)
    }

    static func markers(width: Int, height: Int = 1, _ seeds: [(x: Int, y: Int, label: Int32)]) -> LabelImage {
        var image = LabelImage(width: width, height: height, repeating: 0)
        for seed in seeds { image.samples[seed.y * width + seed.x] = seed.label }
        return image
    }

    @Test("Two valleys meet at the crest: levels = distance to the nearer minimum at x = 3 and x = 12")
    func twoValleys() {
        let levels = Self.row((0 ..< 16).map { Float(min(abs($0 - 3), abs($0 - 12))) })
        let result = watershed(levels, markers: Self.markers(width: 16, [(3, 0, 1), (12, 0, 2)]))
        // x = 7 is 4 from 3 and 5 from 12; x = 8 is 5 and 4.
        #expect(result.samples == [Int32](repeating: 1, count: 8) + [Int32](repeating: 2, count: 8))
    }

    @Test("A plateau is shared first in, first out: ties go to the basin that queued the pixel first")
    func plateau() {
        // Markers at both ends of a flat row of 9: ages alternate 1, 2, 1, 2, … so x = 4 is
        // queued from x = 3 (basin 1) one step before x = 5 could reach it.
        let result = watershed(Self.row([Float](repeating: 0, count: 9)),
                               markers: Self.markers(width: 9, [(0, 0, 1), (8, 0, 2)]))
        #expect(result.samples == [1, 1, 1, 1, 1, 2, 2, 2, 2])
    }

    @Test("The mask bounds the flood; unreachable mask pixels and markers outside it stay 0")
    func masked() {
        let levels = Self.row([Float](repeating: 1, count: 7))
        let mask = Mask(width: 7, height: 1, samples: [true, true, false, true, true, false, true])
        let result = watershed(levels, markers: Self.markers(width: 7, [(0, 0, 5), (5, 0, 6)]), mask: mask)
        #expect(result.samples == [5, 5, 0, 0, 0, 0, 0])
    }

    @Test("4-connectivity does not cross a diagonal gap that 8-connectivity crosses")
    func connectivity() {
        let mask = Mask(width: 2, height: 2, samples: [true, false, false, true])
        let levels = Image<Float>(width: 2, height: 2, repeating: 0)
        let seeds = Self.markers(width: 2, height: 2, [(0, 0, 1)])
        #expect(watershed(levels, markers: seeds, mask: mask, connectivity: .four).samples == [1, 0, 0, 0])
        #expect(watershed(levels, markers: seeds, mask: mask, connectivity: .eight).samples == [1, 0, 0, 1])
    }

    @Test("Two overlapping disks split on the negated distance map along their bisector x = 32")
    func touchingDisks() {
        let w = 64, h = 60
        var mask = Mask(width: w, height: h, repeating: false)
        for y in 0 ..< h {
            for x in 0 ..< w {
                let a = (x - 20) * (x - 20) + (y - 30) * (y - 30), b = (x - 44) * (x - 44) + (y - 30) * (y - 30)
                mask.samples[y * w + x] = a <= 15 * 15 || b <= 15 * 15
            }
        }
        let distance = euclideanDistanceTransform(of: mask)
        let relief = distance.map { Float(-$0) }
        let result = watershed(relief, markers: Self.markers(width: w, height: h, [(20, 30, 1), (44, 30, 2)]),
                               mask: mask)
        for y in 0 ..< h {
            for x in 0 ..< w {
                let label = result[x, y]
                if !mask[x, y] { #expect(label == 0) }
                else if x < 32 { #expect(label == 1, "pixel (\(x), \(y))") }
                else if x > 32 { #expect(label == 2, "pixel (\(x), \(y))") }
                else { #expect(label != 0) }
            }
        }
    }
}
