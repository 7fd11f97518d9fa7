import LacunaImage
import LacunaIO
import LacunaMeasure
@testable import LacunaPipeline
import LacunaTestSupport
import Testing

@Suite("Analysis fills shape descriptors, quality checks and threshold sensitivity")
struct ShapeAndQualityTests {
    @Test("Threshold ±5: a disk of level 40 inside a ring of level 104 on 200, by hand")
    func sensitivity() {
        // Centre (30, 25): ρ² ≤ 64 → 40 (197 pixels, Gauss's circle count N(8)), 64 < ρ² ≤ 100 →
        // 104 (317 − 197 pixels), else 200. At threshold 100 − 5 only the disk is pore; at
        // 100 + 5 disk and ring (317 pixels). Frame 60 × 50 = 3000.
        let grey = Image<UInt8>(width: 60, height: 50, samples: (0 ..< 3000).map { i in
            let dx = i % 60 - 30, dy = i / 60 - 25
            let rho2 = dx * dx + dy * dy
            return rho2 <= 64 ? 40 : rho2 <= 100 ? 104 : 200
        })
        let s = ImageAnalyzer.thresholdSensitivity(of: grey, threshold: 100, step: 5, options: AnalysisOptions())
        #expect(s.step == 5)
        #expect(s.porosityLower == 197.0 / 3000 && s.porosityRaised == 317.0 / 3000)
        #expect(s.meanRadiusLower == (197 / Double.pi).squareRoot())
        #expect(s.meanRadiusRaised == (317 / Double.pi).squareRoot())
        // Bright pores: the background is one pore touching the border, and the darker disk (and
        // ring) inside it are holes that the analysis fills: porosity 1, no interior pore.
        var bright = AnalysisOptions()
        bright.polarity = .bright
        let b = ImageAnalyzer.thresholdSensitivity(of: grey, threshold: 100, step: 5, options: bright)
        #expect(b.porosityLower == 1 && b.porosityRaised == 1)
        #expect(b.meanRadiusLower == nil && b.meanRadiusRaised == nil)
        #expect(ImageAnalyzer.sensitivityStep(fullScale: 255) == 5 && ImageAnalyzer.sensitivityStep(fullScale: 65535) == 1285)
    }

    @Test("A synthetic micrograph: every pore has shape descriptors; the options reach the measurement")
    func analysed() throws {
        var options = AnalysisOptions()
        options.radiusDefinition = .localThickness
        options.edgeHandling = .weight
        // The sensitivity check moves the threshold, so it measures thresholded pixel areas;
        // compare it with the pixel-area porosity.
        options.boundary = .pixels
        let image = ImageAnalyzerTests.smallImage()
        let m = try ImageAnalyzer(options: options)
            .analyze(SyntheticFiles.decoded(image), input: ImageInput(path: "a.tif")).measurement
        #expect(!m.pores.isEmpty && m.pores.allSatisfy { $0.shape != nil })
        #expect(m.radiusDefinition == .localThickness && m.edgeHandling == .weight)
        let quality = try #require(m.quality)
        #expect(quality.contrast > 0.1)
        let sensitivity = try #require(m.thresholdSensitivity)
        // Dark pores: a lower threshold takes fewer pixels.
        #expect(sensitivity.porosityLower <= m.porosity && m.porosity <= sensitivity.porosityRaised)
        for pore in m.pores {
            let shape = try #require(pore.shape)
            // A disk inscribed in the pore has at most the pore's area; local thickness never
            // exceeds the inscribed radius; ImageJ's hull contains the pixels.
            #expect(Double.pi * (shape.inscribedRadius - 1) * (shape.inscribedRadius - 1) <= Double(pore.area))
            #expect(shape.localThicknessRadius <= shape.inscribedRadius)
            #expect(shape.solidityImageJ <= 1 && shape.soliditySkimage <= 1)
            #expect(shape.minFeret <= shape.feret)
        }
    }
}
