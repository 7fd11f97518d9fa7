import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Disc morphology")
struct DiskMorphologyTests {
    @Test("dilating one pixel by r = 2 gives scikit-image's disk(2): 13 pixels; r = 1 the 5-pixel cross")
    func dilation() {
        let dot = TestMasks.rectangle(width: 9, height: 9, xs: 4 ..< 5, ys: 4 ..< 5)
        #expect(DiskMorphology.dilating(dot, radius: 2).samples.count(where: { $0 }) == 13)
        #expect(DiskMorphology.dilating(dot, radius: 1).samples.count(where: { $0 }) == 5)
        #expect(dot.samples.count(where: { $0 }) == 1, "input unchanged")
    }

    @Test("eroding a 5 × 5 square by the cross (r = 1) leaves its 3 × 3 core")
    func erosion() {
        let square = TestMasks.rectangle(width: 9, height: 9, xs: 2 ..< 7, ys: 2 ..< 7)
        #expect(DiskMorphology.eroding(square, radius: 1) == TestMasks.rectangle(width: 9, height: 9, xs: 3 ..< 6, ys: 3 ..< 6))
    }

    @Test("opening by r = 1.5 (the 3 × 3 block) cuts a one-pixel bridge between two 5 × 5 squares and keeps them whole; closing fills a one-pixel gap")
    func openClose() {
        let bridged = TestMasks.make(width: 17, height: 9) { x, y in
            ((2 ..< 7).contains(x) || (10 ..< 15).contains(x)) && (2 ..< 7).contains(y) || (y == 4 && (7 ..< 10).contains(x))
        }
        let opened = DiskMorphology.opening(bridged, radius: 1.5)
        #expect(labelComponents(of: opened).count == 2)
        #expect(opened.samples.count(where: { $0 }) == 50)
        let gapped = TestMasks.make(width: 13, height: 9) { x, y in (2 ..< 11).contains(x) && (2 ..< 7).contains(y) && x != 6 }
        let closed = DiskMorphology.closing(gapped, radius: 1.5)
        #expect(closed == TestMasks.rectangle(width: 13, height: 9, xs: 2 ..< 11, ys: 2 ..< 7))
    }
}

@Suite("Disc morphology against the definition")
struct DiskMorphologyBruteForceTests {
    /// Erosion/dilation by the pixels within r of the origin, straight from the definition;
    /// pixels outside the frame neither erode nor dilate.
    static func bruteForce(_ mask: Mask, radius: Double, dilate: Bool) -> Mask {
        let w = mask.width, h = mask.height, reach = Int(radius)
        return TestMasks.make(width: w, height: h) { x, y in
            var hit = false
            for dy in -reach ... reach {
                for dx in -reach ... reach where Double(dx * dx + dy * dy) <= radius * radius {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                    if mask[nx, ny] == dilate { hit = true }
                }
            }
            return dilate ? hit : !hit && mask[x, y]
        }
    }

    @Test("random masks, radii 0.5 … 17 (span path below 16, distance path above)", arguments: [
        0.5, 1, 1.5, 2, 2.3, 3, 4.5, 7, 15.9, 16, 17,
    ])
    func random(radius: Double) {
        let mask = TestMasks.random(width: 61, height: 47, density: 0.75, seed: UInt64(radius * 10))
        #expect(DiskMorphology.eroding(mask, radius: radius) == Self.bruteForce(mask, radius: radius, dilate: false))
        let sparse = TestMasks.random(width: 61, height: 47, density: 0.05, seed: UInt64(radius * 10) + 1)
        #expect(DiskMorphology.dilating(sparse, radius: radius) == Self.bruteForce(sparse, radius: radius, dilate: true))
        // Opening and closing (streamed passes below 16) are the brute-force compositions.
        let medium = TestMasks.random(width: 61, height: 47, density: 0.5, seed: UInt64(radius * 10) + 2)
        #expect(DiskMorphology.opening(medium, radius: radius)
            == Self.bruteForce(Self.bruteForce(medium, radius: radius, dilate: false), radius: radius, dilate: true))
        #expect(DiskMorphology.closing(medium, radius: radius)
            == Self.bruteForce(Self.bruteForce(medium, radius: radius, dilate: true), radius: radius, dilate: false))
    }

    @Test("narrow frames, radius 1 (the cross) and 1.3: 1 to 3 columns, 1 to 4 rows, every operation")
    func narrow() {
        for width in 1 ... 3 {
            for height in 1 ... 4 {
                for radius in [1.0, 1.3] {
                    let mask = TestMasks.random(width: width, height: height, density: 0.6, seed: UInt64(width * 10 + height))
                    let eroded = Self.bruteForce(mask, radius: radius, dilate: false)
                    let dilated = Self.bruteForce(mask, radius: radius, dilate: true)
                    #expect(DiskMorphology.eroding(mask, radius: radius) == eroded)
                    #expect(DiskMorphology.dilating(mask, radius: radius) == dilated)
                    #expect(DiskMorphology.opening(mask, radius: radius) == Self.bruteForce(eroded, radius: radius, dilate: true))
                    #expect(DiskMorphology.closing(mask, radius: radius) == Self.bruteForce(dilated, radius: radius, dilate: false))
                }
            }
        }
    }

    @Test("frames thinner than the disc: opening and closing of 1-, 2- and 5-pixel-high masks", arguments: [1, 2, 5])
    func thinFrames(height: Int) {
        for radius in [1.0, 2.5, 7] {
            let mask = TestMasks.random(width: 23, height: height, density: 0.6, seed: UInt64(height) * 31 + UInt64(radius))
            #expect(DiskMorphology.opening(mask, radius: radius)
                == Self.bruteForce(Self.bruteForce(mask, radius: radius, dilate: false), radius: radius, dilate: true))
            #expect(DiskMorphology.closing(mask, radius: radius)
                == Self.bruteForce(Self.bruteForce(mask, radius: radius, dilate: true), radius: radius, dilate: false))
        }
    }
}
