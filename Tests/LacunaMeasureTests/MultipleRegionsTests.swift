import LacunaImage
import LacunaMeasure
import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Several regions in one label image")
struct MultipleRegionsTests {
    /// A partition of the frame into the nearest-seed regions of `seeds` random points, with the
    /// pixels farther than 12 px from every seed left as background. Neighbouring regions share
    /// long boundaries, so each region's perimeter must treat other labels as outside.
    static func voronoiLabels(width: Int, height: Int, seeds: Int, seed: UInt64) -> LabelImage {
        var generator = SeededRandom(seed: seed)
        let points = (0 ..< seeds).map { _ in
            (Double(width) * generator.uniform(), Double(height) * generator.uniform())
        }
        var samples = [Int32](repeating: 0, count: width * height)
        for y in 0 ..< height {
            for x in 0 ..< width {
                var best = Double.infinity, label: Int32 = 0
                for (k, p) in points.enumerated() {
                    let d = (Double(x) - p.0) * (Double(x) - p.0) + (Double(y) - p.1) * (Double(y) - p.1)
                    if d < best { best = d; label = Int32(k + 1) }
                }
                samples[y * width + x] = best <= 144 ? label : 0
            }
        }
        return LabelImage(width: width, height: height, samples: samples)
    }

    /// Measures label `label` alone: its pixels relabelled 1, everything else 0.
    static func measureAlone(_ labels: LabelImage, label: Int32) throws -> RegionProperties {
        var alone = try #require(measureRegions(of: labels.map { $0 == label ? 1 : 0 }, count: 1).first)
        alone.label = Int(label)
        return alone
    }

    @Test("Each region equals its measurement alone (touching regions)", arguments: UInt64(1) ... 4)
    func touchingRegions(seed: UInt64) throws {
        let labels = Self.voronoiLabels(width: 61, height: 47, seeds: 9, seed: seed)
        let regions = measureRegions(of: labels, count: 9)
        #expect(regions.count == 9)
        #expect(regions.map(\.label) == Array(1 ... 9))
        for region in regions where region.area > 0 {
            #expect(region == (try Self.measureAlone(labels, label: Int32(region.label))), "label \(region.label)")
        }
        let total = regions.reduce(0) { $0 + $1.area }
        #expect(total == labels.samples.filter { $0 != 0 }.count)
    }

    @Test("Hand case: two squares sharing an edge")
    func sharedEdge() throws {
        // Two 4 × 4 squares side by side, labels 1 and 2: each is a 4 × 4 square on its own
        // (12 boundary pixels, code 5 → perimeter 12), even though together they form a 8 × 4 block.
        var samples = [Int32](repeating: 0, count: 10 * 6)
        for y in 1 ..< 5 {
            for x in 1 ..< 5 { samples[y * 10 + x] = 1 }
            for x in 5 ..< 9 { samples[y * 10 + x] = 2 }
        }
        let regions = measureRegions(of: LabelImage(width: 10, height: 6, samples: samples), count: 2)
        #expect(regions.map(\.area) == [16, 16])
        #expect(regions.map(\.perimeter) == [12, 12])
        #expect(regions.map(\.centroidX) == [3, 7])
        #expect(regions.map(\.centroidY) == [3, 3])
        #expect(regions.map(\.minX) == [1, 5] && regions.map(\.maxX) == [5, 9])
    }

    @Test("Labels from labelComponents: areas agree and every region is measured alone the same")
    func fromComponents() throws {
        let mask = TestMasks.random(width: 48, height: 36, density: 0.5, seed: 2024)
        let components = labelComponents(of: mask, connectivity: .eight)
        let regions = measureRegions(of: components.labels, count: components.count)
        #expect(regions.map(\.area) == Array(components.areas.dropFirst()))
        for region in regions.prefix(25) {
            #expect(region == (try Self.measureAlone(components.labels, label: Int32(region.label))))
        }
    }

    @Test("The label image is not modified")
    func inputUnchanged() {
        let labels = Self.voronoiLabels(width: 40, height: 30, seeds: 5, seed: 77)
        let snapshot = ImageTransforms.deepCopy(labels)
        let regions = measureRegions(of: labels, count: 5)
        #expect(labels == snapshot)
        #expect(regions.reduce(0) { $0 + $1.area } > 0)
    }
}
