import Foundation
import LacunaFit
import LacunaImage
import LacunaMeasure
@testable import LacunaPipeline
import LacunaReport
import LacunaTestSupport
import Testing

@Suite("Fit inputs from analysed images")
struct FitInputsTests {
    /// A measurement with pores of the given pixel areas (interior unless listed in `border`),
    /// at 0.5 µm per pixel.
    static func measurement(areas: [Int], border: Set<Int> = [], calibrated: Bool = true) -> ImageMeasurement {
        let pores = areas.enumerated().map { index, area in
            RegionProperties(label: index + 1, area: area, perimeter: 4, centroidX: 10, centroidY: 10, minX: 5, minY: 5,
                             maxX: 15, maxY: 15, touchesBorder: border.contains(index))
        }
        let calibration = calibrated ? Calibration(pixelSize: PixelSize(square: 0.5), source: .manual) : .none
        return ImageMeasurement(width: 100, height: 100, databarHeight: 0, calibration: calibration, threshold: 100,
                                pores: pores)
    }

    @Test("per image: equivalent radii of interior pores in µm; per condition: images grouped by current density")
    func grouping() throws {
        // Area 400 px at 0.25 µm²/px = 100 µm² → r = √(100/π) = 5.6419 µm; 100 px → 2.8209 µm.
        let records = [
            ImageRecord(image: "a", currentDensity: 2, outcome: .measured(Self.measurement(areas: [400, 100]))),
            ImageRecord(image: "b", currentDensity: 1, outcome: .measured(Self.measurement(areas: [400], border: []))),
            ImageRecord(image: "c", currentDensity: 2, outcome: .measured(Self.measurement(areas: [100, 900], border: [1]))),
            ImageRecord(image: "d", currentDensity: nil, outcome: .measured(Self.measurement(areas: [400]))),
            ImageRecord(image: "e", currentDensity: 1, outcome: .failed("broken")),
            ImageRecord(image: "f", currentDensity: 1, outcome: .measured(Self.measurement(areas: [400], calibrated: false))),
            ImageRecord(image: "g", currentDensity: 5, outcome: .measured(Self.measurement(areas: [400], border: [0]))),
        ]
        let inputs = try FitInputs(records: records)
        #expect(inputs.points.map(\.image) == ["a", "b", "c"])
        let big = (100 / Double.pi).squareRoot(), small = (25 / Double.pi).squareRoot()
        #expect(inputs.samples.map(\.currentDensity) == [1, 2])
        #expect(inputs.samples[1].images.count == 2)
        #expect(abs(inputs.samples[1].images[0][0] - big) < 1e-12 && abs(inputs.samples[1].images[1][0] - small) < 1e-12)
        #expect(inputs.samples[1].images[1].count == 1)  // the border pore is left out
        let condition = inputs.conditions[1]
        // Image means (big + small)/2 and small → condition mean and SE from the two means.
        let means = [(big + small) / 2, small]
        #expect(abs(condition.estimate.meanRadius - (means[0] + means[1]) / 2) < 1e-12)
        #expect(abs((condition.estimate.radiusStandardError ?? 0) - abs(means[0] - means[1]) / 2) < 1e-12)
        #expect(condition.estimate.poreCount == 3 && condition.estimate.imageCount == 2)
        // Porosity: (400 + 100)/10⁴ and (100 + 900)/10⁴ → mean 0.075.
        #expect(abs((condition.meanPorosity ?? 0) - 0.075) < 1e-15)
        // The point of an image is its images.csv mean radius.
        #expect(abs(inputs.points[0].radius_um - means[0]) < 1e-12)
    }

    @Test("the run's radius definition and edge weights reach the conditions; points stay at mean_radius_um")
    func upstreamDefinition() throws {
        // Frame 100 × 100; an interior pore with a 10 × 10 box has the Miles–Lantuéjoul weight
        // 10⁴/((100 − 10 − 1)²) = 1.26247…, one with a 20 × 20 box 10⁴/79² = 1.60231….
        let pores = [(400, 10), (100, 20)].enumerated().map { index, pore in
            RegionProperties(label: index + 1, area: pore.0, perimeter: 4, centroidX: 50, centroidY: 50, minX: 30,
                             minY: 30, maxX: 30 + pore.1, maxY: 30 + pore.1, touchesBorder: false)
        }
        let weighted = ImageMeasurement(width: 100, height: 100, databarHeight: 0,
                                        calibration: Calibration(pixelSize: PixelSize(square: 0.5), source: .manual),
                                        threshold: 100, pores: pores, edgeHandling: .weight)
        let records = [ImageRecord(image: "w", currentDensity: 1, outcome: .measured(weighted)),
                       ImageRecord(image: "u", currentDensity: 2, outcome: .measured(Self.measurement(areas: [400])))]
        let inputs = try FitInputs(records: records)
        let w1 = 1e4 / (89.0 * 89), w2 = 1e4 / (79.0 * 79)
        let weights = try #require(inputs.samples[0].weights)
        #expect(abs(weights[0][0] - w1) < 1e-12 && abs(weights[0][1] - w2) < 1e-12)
        #expect(inputs.samples[1].weights == nil)
        let big = (100 / Double.pi).squareRoot(), small = (25 / Double.pi).squareRoot()
        #expect(abs(inputs.conditions[0].estimate.meanRadius - (w1 * big + w2 * small) / (w1 + w2)) < 1e-12)
        // The first-release point is the unweighted mean_radius_um.
        #expect(abs(inputs.points[0].radius_um - (big + small) / 2) < 1e-12)
    }

    @Test("BatchRunner.fit: fewer than two current densities give the note, not a fit")
    func tooFew() {
        let records = [ImageRecord(image: "a", currentDensity: 2, outcome: .measured(Self.measurement(areas: [400])))]
        let (fit, note) = BatchRunner.fit(records)
        #expect(fit == nil && note?.contains("have 1") == true)
    }
}
