import LacunaImage
import LacunaNetwork
import LacunaSegmentation
import LacunaSynth
import Testing

@Suite("Wall thickness, junctions and wall length of the framework")
struct FrameworkStatisticsTests {
    static func rectangles(width: Int, height: Int, _ boxes: [(x: Range<Int>, y: Range<Int>)]) -> LabelImage {
        var labels = LabelImage(width: width, height: height, repeating: 0)
        for (k, box) in boxes.enumerated() {
            for y in box.y { for x in box.x { labels.samples[y * width + x] = Int32(k + 1) } }
        }
        return labels
    }

    @Test("Two pores with a 5-px wall: every row straddles the midline once, thickness exactly 5")
    func straightWall() throws {
        let pores = Self.rectangles(width: 40, height: 20, [(0 ..< 15, 0 ..< 20), (20 ..< 40, 0 ..< 20)])
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.thicknessSamples == 20)
        #expect(framework.meanThickness == 5)
        #expect(framework.medianThickness == 5)
        #expect(framework.thicknessSD == 0)
        #expect(framework.junctions == 0)
        #expect(abs(framework.wallLength - Double.pi / 4 * 20) < 1e-12)
        #expect(framework.fieldArea == 800)
    }

    @Test("Three pores meeting at a T: one junction; the median thickness is the 5-px walls'")
    func junction() throws {
        let pores = Self.rectangles(width: 40, height: 40,
                                    [(0 ..< 15, 0 ..< 20), (20 ..< 40, 0 ..< 20), (0 ..< 40, 25 ..< 40)])
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.junctions == 1)
        #expect(framework.medianThickness == 5)
    }

    @Test("Without walls (no pores) nothing is measured and nothing crashes")
    func empty() {
        let pores = LabelImage(width: 8, height: 8, repeating: 0)
        let framework = FrameworkStatistics(cells: influenceZones(of: pores), pores: pores)
        #expect(framework.thicknessSamples == 0)
        #expect(framework.meanThickness == nil)
        #expect(framework.junctions == 0)
        #expect(framework.wallLength == 0)
    }

    /// The junction count by its definition: the 2 × 2 blocks with three or more distinct
    /// non-zero labels marked in a full frame, then its 8-connected components labelled.
    static func junctionsByDefinition(_ cells: LabelImage) -> Int {
        let w = cells.width, h = cells.height
        var isJunction = Mask(width: w - 1, height: h - 1, repeating: false)
        for y in 0 ..< h - 1 {
            for x in 0 ..< w - 1 {
                let i = y * w + x
                let labels = Set([cells.samples[i], cells.samples[i + 1], cells.samples[i + w], cells.samples[i + w + 1]])
                if labels.subtracting([0]).count >= 3 { isJunction.samples[y * (w - 1) + x] = true }
            }
        }
        return labelComponents(of: isJunction, connectivity: .eight).count
    }

    @Test("Junction clusters equal the full-frame labelling of the junction blocks on random cell images",
          arguments: [(5, 31, 23), (2, 17, 40), (9, 64, 48), (3, 2, 9), (6, 9, 2)])
    func junctionsMatchDefinition(patch: Int, width: Int, height: Int) {
        var random = SeededRandom(seed: UInt64(7919 * patch + width * height))
        var cells = LabelImage(width: width, height: height, repeating: 0)
        // Patches of random labels 0…4 (0: outside the field) make junction blocks that touch
        // in every direction, including across the frame's last column and row.
        for y in 0 ..< height {
            for x in 0 ..< width {
                let cell = (y / patch) * 1000 + x / patch
                var mixed = SeededRandom(seed: UInt64(cell) &* 0x9E37 &+ random.next() % 3)
                cells.samples[y * width + x] = Int32(mixed.next() % 5)
            }
        }
        let pores = LabelImage(width: width, height: height, repeating: 0)
        let framework = FrameworkStatistics(cells: cells, pores: pores)
        #expect(framework.junctions == Self.junctionsByDefinition(cells))
        #expect(framework.junctions > 0 || width < 3 || height < 3)
    }

    @Test("Walls of many thicknesses: mean, median and SD are those of the sorted samples by their definition, to the bit",
          arguments: [UInt64(3), 4, 5])
    func thicknessByDefinition(seed: UInt64) {
        // Discs of radius 2–9 px at random centres: walls of every width, an even or odd count.
        let w = 90, h = 70
        var random = SeededRandom(seed: seed)
        var pores = LabelImage(width: w, height: h, repeating: 0)
        for k in 0 ..< 30 {
            let cx = random.uniform() * Double(w), cy = random.uniform() * Double(h), r = 2 + 7 * random.uniform()
            for y in 0 ..< h {
                for x in 0 ..< w where pores[x, y] == 0
                    && (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= r * r {
                    pores[x, y] = Int32(k + 1)
                }
            }
        }
        let cells = influenceZones(of: pores), distance = squaredDistanceToPores(pores)
        // The samples by definition: each pair of 4-neighbouring framework pixels in two
        // different cells gives the sum of their distances to the nearest pore.
        var samples: [Double] = []
        for y in 0 ..< h {
            for x in 0 ..< w {
                for (nx, ny) in [(x + 1, y), (x, y + 1)] where nx < w && ny < h {
                    let a = cells[x, y], b = cells[nx, ny]
                    guard a != 0, b != 0, a != b, pores[x, y] == 0, pores[nx, ny] == 0 else { continue }
                    samples.append(Double(distance[x, y]).squareRoot() + Double(distance[nx, ny]).squareRoot())
                }
            }
        }
        samples.sort()
        let n = Double(samples.count), mean = samples.reduce(0, +) / n
        let median = samples.count.isMultiple(of: 2)
            ? (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2 : samples[samples.count / 2]
        let sd = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let framework = FrameworkStatistics(cells: cells, pores: pores)
        #expect(Set(samples).count > 10, "walls of many thicknesses")
        #expect(framework.thicknessSamples == samples.count)
        #expect(framework.meanThickness?.bitPattern == mean.bitPattern)
        #expect(framework.medianThickness?.bitPattern == median.bitPattern)
        #expect(framework.thicknessSD?.bitPattern == sd.bitPattern)
    }
}
