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

    @Test("BatchRunner.fit: fewer than two current densities give the note, not a fit")
    func tooFew() {
        let records = [ImageRecord(image: "a", currentDensity: 2, outcome: .measured(Self.measurement(areas: [400])))]
        let (fit, note) = BatchRunner.fit(records)
        #expect(fit == nil && note?.contains("have 1") == true)
    }
}
