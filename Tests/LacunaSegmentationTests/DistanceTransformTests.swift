import LacunaImage
import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Exact Euclidean distance transform and local thickness against brute force")
struct DistanceTransformTests {
    /// Squared distance from each foreground pixel to the nearest background pixel by trying
    /// every background pixel (and, with `outside`, the ring of pixels around the frame).
    static func bruteForce(_ mask: Mask, outside: Bool) -> [Double] {
        let w = mask.width, h = mask.height
        var background: [(Int, Int)] = []
        for y in 0 ..< h { for x in 0 ..< w where !mask[x, y] { background.append((x, y)) } }
        if outside {
            for x in -1 ... w { background += [(x, -1), (x, h)] }
            for y in 0 ..< h { background += [(-1, y), (w, y)] }
        }
        var out = [Double](repeating: 0, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w where mask[x, y] {
                var best = Int.max
                for (bx, by) in background { best = min(best, (bx - x) * (bx - x) + (by - y) * (by - y)) }
                out[y * w + x] = best == Int.max ? .infinity : Double(best)
            }
        }
        return out
    }

    @Test("Random masks: equal to brute force, squared values exact", arguments: [
        (UInt64(1), 0.5), (2, 0.8), (3, 0.95), (4, 0.99), (5, 0.2),
    ])
    func random(seed: UInt64, density: Double) {
        let mask = TestMasks.random(width: 37, height: 23, density: density, seed: seed)
        for outside in [false, true] {
            let expected = Self.bruteForce(mask, outside: outside)
            let squared = squaredEuclideanDistanceTransform(of: mask, outsideIsBackground: outside)
            #expect(squared.samples == expected, "seed \(seed) outside \(outside)")
            let distance = euclideanDistanceTransform(of: mask, outsideIsBackground: outside)
            #expect(distance.samples == expected.map { $0.squareRoot() })
        }
    }

    @Test("On 2 and 3 threads (bands of columns, then of rows) the integer map equals the one-thread map (brute force above)",
          arguments: [UInt64(41), 42])
    func banded(seed: UInt64) {
        // 600 × 200: two or three column bands of ≥ 256 columns and three row bands of ≥ 64 rows.
        let mask = Self.blobs(width: 600, height: 200, disks: 40, radii: 4 ... 30, seed: seed)
        for outside in [false, true] {
            let one = squaredDistanceMap(of: mask, outsideIsBackground: outside)
            #expect(one.samples.contains { $0 > 100 } && one.samples.contains(0))
            for threads in [2, 3] {
                #expect(squaredDistanceMap(of: mask, outsideIsBackground: outside, threads: threads).samples == one.samples,
                        "\(threads) threads, outside \(outside)")
            }
        }
    }

    @Test("The 16-bit map equals the 32-bit one where every squared distance is below 65 535, on 1 and 2 threads; nil beyond")
    func narrow() {
        let mask = Self.blobs(width: 600, height: 200, disks: 40, radii: 4 ... 30, seed: 43)
        for outside in [false, true] {
            let wide = squaredDistanceMap(of: mask, outsideIsBackground: outside)
            for threads in [1, 2] {
                let narrow = narrowSquaredDistanceMap(of: mask, outsideIsBackground: outside, threads: threads)
                #expect(narrow?.samples == wide.samples.map { $0 == .max ? UInt16.max : UInt16($0) }, "\(threads) threads")
            }
        }
        // One background pixel in a 300 × 20 frame: the far end is 299 px away, 299² > 65 535.
        var far = Mask(width: 300, height: 20, repeating: true)
        far[0, 0] = false
        #expect(narrowSquaredDistanceMap(of: far, outsideIsBackground: false) == nil)
        // 255 px fits (255² + 19² = 65 386 < 65 535): the largest value is exact.
        var near = Mask(width: 256, height: 20, repeating: true)
        near[0, 0] = false
        #expect(narrowSquaredDistanceMap(of: near, outsideIsBackground: false)?.samples.max() == 65_386)
        // No background at all: every sample is the "no background" value.
        #expect(narrowSquaredDistanceMap(of: Mask(width: 30, height: 4, repeating: true), outsideIsBackground: false)?
            .samples.allSatisfy { $0 == .max } == true)
    }

    @Test("Hand cases: a lone pixel is 1; a 5-wide bar peaks at 3; no background is infinite")
    func hand() {
        let pixel = TestMasks.parse(["...", ".#.", "..."])
        #expect(euclideanDistanceTransform(of: pixel).samples == [0, 0, 0, 0, 1, 0, 0, 0, 0])
        let bar = TestMasks.rectangle(width: 7, height: 3, xs: 1 ..< 6, ys: 0 ..< 3)
        let rowOne = Array(euclideanDistanceTransform(of: bar).samples[7 ..< 14])
        // Rows above and below are foreground too and there is no background outside: only
        // columns 0 and 6 are background.
        #expect(rowOne == [0, 1, 2, 3, 2, 1, 0])
        let full = Mask(width: 4, height: 2, repeating: true)
        #expect(euclideanDistanceTransform(of: full).samples.allSatisfy { $0 == .infinity })
        #expect(euclideanDistanceTransform(of: full, outsideIsBackground: true).samples == [1, 1, 1, 1, 1, 1, 1, 1])
    }

    @Test("The input mask is not modified")
    func inputUnchanged() {
        let mask = TestMasks.random(width: 20, height: 20, density: 0.7, seed: 9)
        let copy = mask
        _ = euclideanDistanceTransform(of: mask, outsideIsBackground: true)
        _ = localThickness(of: mask)
        #expect(mask == copy)
    }

    /// PoreSpy's `local_thickness_bf`: insert a disk |x − p| < r at every pixel p for every
    /// integer r from ⌊max EDT⌋ down to 1 with EDT(p) ≥ r; the first (largest) r wins.
    static func bruteForceThickness(_ mask: Mask) -> [Double] {
        let w = mask.width, h = mask.height
        let d2 = squaredEuclideanDistanceTransform(of: mask, outsideIsBackground: true).samples
        let largest = Int((d2.filter(\.isFinite).max() ?? 0).squareRoot())
        var out = [Double](repeating: 0, count: w * h)
        for r in stride(from: largest, through: 1, by: -1) {
            for p in 0 ..< w * h where mask.samples[p] && d2[p] >= Double(r * r) {
                let px = p % w, py = p / w
                for y in max(0, py - r) ... min(h - 1, py + r) {
                    for x in max(0, px - r) ... min(w - 1, px + r)
                    where (x - px) * (x - px) + (y - py) * (y - py) < r * r && out[y * w + x] == 0 {
                        out[y * w + x] = Double(r)
                    }
                }
            }
        }
        return out
    }

    /// The union of `disks` random disks with radii in `radii` (centres anywhere in the frame).
    static func blobs(width: Int, height: Int, disks count: Int, radii: ClosedRange<Double>, seed: UInt64) -> Mask {
        var generator = SeededRandom(seed: seed)
        let disks = (0 ..< count).map { _ in
            (generator.uniform() * Double(width), generator.uniform() * Double(height),
             radii.lowerBound + generator.uniform() * (radii.upperBound - radii.lowerBound))
        }
        return TestMasks.make(width: width, height: height) { x, y in
            disks.contains { (cx, cy, r) in
                let dx = Double(x) - cx, dy = Double(y) - cy
                return dx * dx + dy * dy <= r * r
            }
        }
    }

    @Test("Local thickness of random noise equals brute-force disk insertion", arguments: [(UInt64(21), 0.7), (22, 0.9), (23, 0.97)])
    func thicknessNoise(seed: UInt64, density: Double) {
        let mask = TestMasks.random(width: 45, height: 38, density: density, seed: seed)
        #expect(localThickness(of: mask, outsideIsBackground: true).samples == Self.bruteForceThickness(mask))
    }

    @Test("Local thickness equals brute-force disk insertion", arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func thickness(seed: UInt64) {
        // Blobs: union of random disks, so radii above 1 occur.
        let mask = Self.blobs(width: 40, height: 30, disks: 6, radii: 2 ... 9, seed: seed)
        #expect(localThickness(of: mask, outsideIsBackground: true).samples == Self.bruteForceThickness(mask))
    }

    @Test("The local-thickness sum over wide blobs (disk rows across several 64-pixel words) equals brute force",
          arguments: [UInt64(61), 62])
    func thicknessSumWide(seed: UInt64) {
        let mask = Self.blobs(width: 200, height: 70, disks: 5, radii: 8 ... 38, seed: seed)
        let expected = Self.bruteForceThickness(mask).reduce(0, +)
        #expect(expected > 0)
        #expect(Double(localThicknessSum(squaredDistances: squaredDistanceMap(of: mask, outsideIsBackground: true))) == expected)
        #expect(localThickness(of: mask, outsideIsBackground: true).samples.reduce(0, +) == expected)
    }

    @Test("The local-thickness sum equals the sum of the brute-force thickness image", arguments: [UInt64(31), 32, 33])
    func thicknessSum(seed: UInt64) {
        let mask = TestMasks.random(width: 41, height: 37, density: 0.93, seed: seed)
        let expected = Self.bruteForceThickness(mask).reduce(0, +)
        #expect(expected > 0)
        #expect(Double(localThicknessSum(squaredDistances: squaredDistanceMap(of: mask, outsideIsBackground: true))) == expected)
    }
}
