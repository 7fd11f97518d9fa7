import LacunaImage
import LacunaSegmentation
import Testing

/// scipy.ndimage.gaussian_filter(mode='reflect', truncate=4.0) on seeded random 8-bit images,
/// from scripts/make_blur_fixture.py.
@Suite("Gaussian blur matches SciPy")
struct GaussianBlurReferenceTests {
    static let caseCount = 4

    @Test("Fixture has the expected cases")
    func fixtureShape() throws {
        let reference = try Fixtures.json(BlurReference.self, "gaussian_blur.json")
        #expect(reference.mode == "reflect")
        #expect(reference.truncate == 4)
        #expect(reference.cases.count == Self.caseCount)
        #expect(reference.cases.map(\.sigma) == [0.8, 1.5, 3.0, 4.0])
    }

    @Test("Within ±1 grey level of SciPy's rounded output, and within ½ + 0.01 of its exact value",
          arguments: 0 ..< caseCount)
    func matchesSciPy(index: Int) throws {
        let reference = try Fixtures.json(BlurReference.self, "gaussian_blur.json")
        let item = try #require(reference.cases.indices.contains(index) ? reference.cases[index] : nil)
        let image = Image<UInt8>(width: item.width, height: item.height, samples: item.input)
        let out = gaussianBlur(image, sigma: item.sigma)
        #expect(out.width == item.width && out.height == item.height)
        // ±1: our rounding is half away from zero, numpy.rint's is half to even.
        // ½ + 0.01: ours rounds a Float32 sum (relative error ~1e-6 of ≤ 255) of a kernel that
        // may carry one more tap (radius ⌈4σ⌉ vs SciPy's ⌊4σ + ½⌋, a weight below 1e-5), and the
        // fixture stores SciPy's value to 4 decimals.
        var offByMoreThanOne: [Int] = []
        var notNearest: [Int] = []
        for i in 0 ..< out.pixelCount {
            let value = Int(out.samples[i])
            if abs(value - item.expectedRounded[i]) > 1 { offByMoreThanOne.append(i) }
            if abs(Double(value) - item.expected[i]) > 0.51 { notNearest.append(i) }
        }
        #expect(offByMoreThanOne.isEmpty, "σ = \(item.sigma): pixels \(offByMoreThanOne.prefix(5))")
        #expect(notNearest.isEmpty, "σ = \(item.sigma): pixels \(notNearest.prefix(5))")
        // The blur must do something: a random image differs from its blurred self.
        #expect(out != image)
    }
}
