import Foundation
import LacunaImage
@testable import LacunaSegmentation
import LacunaSynth
import LacunaTestSupport
import Testing

@Suite("Local thresholds: Sauvola, Niblack, Phansalkar, Bernsen")
struct LocalThresholdTests {
    @Test("Niblack and Sauvola surfaces equal scikit-image's (fixture), 8 and 16 bit, windows 3…51")
    func matchesSkimage() throws {
        let reference = try Fixtures.json(LocalThresholdReference.self, "local_thresholds.json")
        let image8 = Image<UInt8>(width: reference.width, height: reference.height, samples: reference.image.map(UInt8.init))
        let image16 = image8.map { UInt16($0) * 257 }
        #expect(reference.cases.count == 10)
        for c in reference.cases {
            let method = try #require(LocalThresholdMethod(rawValue: c.method))
            let parameters = LocalThreshold(method: method, window: c.window, k: c.k)
            let surface = c.bits == 8 ? try parameters.surface(of: image8) : try parameters.surface(of: image16)
            #expect(surface.samples.count == c.surface.count)
            // The fixture is rounded to 9 decimals; float64 integral images in skimage add ~1e-9 relative.
            let worst = zip(surface.samples, c.surface).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(worst < 1e-8, "\(c.method) \(c.bits)-bit window \(c.window) k \(c.k): \(worst)")
        }
    }

    @Test("Constant image: s = 0, so Sauvola T = m(1 − k), Niblack T = m, Phansalkar by hand")
    func constant() throws {
        let image = Image<UInt8>(width: 5, height: 4, repeating: 100)
        #expect(try LocalThreshold(method: .sauvola, window: 3, k: 0.2).surface(of: image).samples.allSatisfy { abs($0 - 80) < 1e-12 })
        #expect(try LocalThreshold(method: .niblack, window: 3, k: 0.2).surface(of: image).samples.allSatisfy { abs($0 - 100) < 1e-12 })
        // m = 255/255 = 1: T = 255·(1 + 2e^−10 + 0.25·(0/0.5 − 1)) = 255·(0.75 + 9.0800e−5) = 191.27315
        let white = Image<UInt8>(width: 2, height: 2, repeating: 255)
        let phansalkar = try LocalThreshold(method: .phansalkar, window: 3).surface(of: white)
        #expect(phansalkar.samples.allSatisfy { abs($0 - 255 * (0.75 + 2 * exp(-10.0))) < 1e-9 })
        #expect(abs(255 * (0.75 + 2 * exp(-10.0)) - 191.27315) < 1e-5)
    }

    @Test("1×1 image: the window is the pixel itself; no crash")
    func onePixel() throws {
        let image = Image<UInt16>(width: 1, height: 1, samples: [1234])
        for method in LocalThresholdMethod.allCases {
            let surface = try LocalThreshold(method: method, window: 15).surface(of: image)
            #expect(surface.samples.count == 1)
        }
        #expect(try LocalThreshold(method: .niblack).surface(of: image).samples == [1234])
    }

    @Test("Bernsen: mid-range where the contrast reaches 15, else all framework or all pores")
    func bernsen() throws {
        // Row 10 10 40 | 200 200: window 3 at x = 1 sees 10, 10, 40 → contrast 30 ≥ 15, mid 25 → T = 24.5.
        let image = Image<UInt8>(width: 5, height: 1, samples: [10, 10, 40, 200, 200])
        let t = try LocalThreshold(method: .bernsen, window: 3).surface(of: image).samples
        #expect(t[1] == 24.5)
        // x = 4 sees 200, 200, 200 (mirror of x = 3 is 200) → flat, mid 200 ≥ 128 → framework (T = −1).
        #expect(t[4] == -1)
        // A flat dark window: mid 10 < 128 → pores (T = 255).
        let dark = try LocalThreshold(method: .bernsen, window: 3).surface(of: Image<UInt8>(width: 3, height: 3, repeating: 10))
        #expect(dark.samples.allSatisfy { $0 == 255 })
    }

    @Test("Running sums equal a brute-force window scan (random images, odd windows)")
    func runningSumsMatchBruteForce() {
        var random = SeededRandom(seed: 11)
        for (w, h, window) in [(9, 7, 3), (6, 11, 5), (4, 3, 9), (13, 1, 5)] {
            let image = Image<UInt16>(width: w, height: h, samples: (0 ..< w * h).map { _ in UInt16(random.next() % 65536) })
            let (mean, deviation) = windowMeanDeviation(of: image, window: window)
            let (low, high) = windowExtrema(of: image, window: window)
            let r = window / 2
            for y in 0 ..< h {
                for x in 0 ..< w {
                    var values: [Double] = []
                    for dy in -r ... r {
                        for dx in -r ... r {
                            values.append(Double(image[reflectIndex(x + dx, count: w), reflectIndex(y + dy, count: h)]))
                        }
                    }
                    let m = values.reduce(0, +) / Double(values.count)
                    let s = (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count)).squareRoot()
                    #expect(abs(mean[y * w + x] - m) < 1e-9)
                    #expect(abs(deviation[y * w + x] - s) < 1e-6)
                    #expect(Double(low[y * w + x]) == values.min() && Double(high[y * w + x]) == values.max())
                }
            }
        }
    }

    @Test("NumPy reflect indices: c b | a b c | b a, repeated for long windows")
    func reflect() {
        #expect((-3 ... 5).map { reflectIndex($0, count: 3) } == [1, 2, 1, 0, 1, 2, 1, 0, 1])
        #expect(reflectIndex(-7, count: 1) == 0)
    }

    @Test("Bad windows and k are named errors", arguments: [
        (0, 0.2), (2, 0.2), (14, 0.2), (1, 0.2), (-3, 0.2), (4097, 0.2), (1_000_001, 0.2),
        (15, Double.nan), (15, Double.infinity), (15, 11),
    ])
    func badParameters(window: Int, k: Double) {
        let image = Image<UInt8>(width: 3, height: 3, repeating: 1)
        #expect(throws: ThresholdError.self) { try LocalThreshold(method: .sauvola, window: window, k: k).surface(of: image) }
    }

    @Test("The window error names the accepted range")
    func windowMessage() {
        #expect(throws: ThresholdError.invalidParameter(name: "window", value: "14", expected: "an odd number of pixels in 3…4095")) {
            try LocalThreshold(method: .niblack, window: 14).validated()
        }
    }

    @Test("Mask against a surface: dark pores ≤ T + offset, bright > T + offset")
    func mask() {
        let image = Image<UInt8>(width: 3, height: 1, samples: [10, 20, 30])
        let surface = Image<Double>(width: 3, height: 1, samples: [10, 19.5, 40])
        #expect(poreMask(image, surface: surface, polarity: .dark).samples == [true, false, true])
        #expect(poreMask(image, surface: surface, polarity: .bright).samples == [false, true, false])
        #expect(poreMask(image, surface: surface, offset: 1, polarity: .dark).samples == [true, true, true])
    }

    @Test("Surfaces leave the image unchanged")
    func inputUnchanged() throws {
        let image = Image<UInt8>(width: 4, height: 4, samples: (0 ..< 16).map { UInt8($0 * 13) })
        let copy = image
        for method in LocalThresholdMethod.allCases { _ = try LocalThreshold(method: method, window: 3).surface(of: image) }
        #expect(image == copy)
    }
}
