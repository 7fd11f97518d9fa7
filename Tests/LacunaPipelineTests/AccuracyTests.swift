import LacunaImage
import LacunaIO
import LacunaPipeline
import LacunaSynth
import LacunaTestSupport
import Testing

/// Accuracy on fresh synthetic images (seeds never used for TestImages, artefacts randomised):
/// the first release promises each image's mean radius within 5 % of truth.
@Suite("Accuracy on unseen synthetic images")
struct AccuracyTests {
    @Test("mean equivalent radius within 5 %, interior pore count within 5 %, porosity within 0.03",
          arguments: Array(UInt64(9001) ... 9012))
    func meanRadius(seed: UInt64) throws {
        let spec = SyntheticFiles.randomSpec(seed: seed, radiusMicrometres: 0.4 + Double(seed % 7))
        let image = SyntheticMicrograph(spec: spec)
        let result = try ImageAnalyzer(options: AnalysisOptions())
            .analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "synthetic-\(seed).tif"))
        let m = result.measurement
        #expect(m.calibration.source == .fei)
        #expect(m.height == spec.height && m.databarHeight == spec.databarHeight)
        let mean = try #require(m.radiusStatisticsMicrometres?.mean)
        let truth = image.truth
        #expect(abs(mean / truth.mean_radius_um - 1) < 0.05, "mean \(mean) µm vs truth \(truth.mean_radius_um)")
        let count = m.interiorPores.count
        #expect(abs(Double(count - truth.pore_count)) <= 0.05 * Double(truth.pore_count) + 1,
                "interior pores \(count) vs truth \(truth.pore_count)")
        #expect(abs(m.porosity - truth.porosity) < 0.03, "porosity \(m.porosity) vs truth \(truth.porosity)")
    }
}
