import Foundation
import LacunaFit
import Testing

@Suite("Design rule: r_crit(i*) with a prediction interval")
struct CriticalRadiusTests {
    func analysis() throws -> RadiusCurrentAnalysis {
        try RadiusCurrentAnalysis(
            conditions: zip(PaperReference.currentDensity, PaperReference.radius).map {
                ConditionEstimate(currentDensity: $0, meanRadius: $1)
            }, options: .init(bootstrap: nil))
    }

    @Test("linear model at i* = 10 and 3: r = 1/ŷ, interval = reciprocal of the 1/r interval (scipy)")
    func linear() throws {
        let analysis = try analysis()
        for reference in ModelReference.predictions where reference.x <= 10 {
            let prediction = try #require(analysis.criticalRadius(at: reference.x).first)
            #expect(prediction.model == .inverseRadiusLinear)
            #expect(Tolerance.close(try #require(prediction.radius), reference.radius, relative: 1e-10))
            let interval = try #require(prediction.predictionInterval95)
            #expect(Tolerance.close(interval.lower, 1 / reference.prediction.1, relative: 1e-9))
            #expect(Tolerance.close(try #require(interval.upper), 1 / reference.prediction.0, relative: 1e-9))
            let confidence = try #require(prediction.confidenceInterval95)
            #expect(Tolerance.close(confidence.lower, 1 / reference.confidence.1, relative: 1e-9))
            #expect(prediction.conservativeRadius == interval.lower)
            #expect(!prediction.isExtrapolation)
        }
    }

    @Test("beyond the data the prediction is flagged as an extrapolation")
    func extrapolation() throws {
        let prediction = try #require(try analysis().criticalRadius(at: 20).first)
        #expect(prediction.isExtrapolation)
        #expect(Tolerance.close(try #require(prediction.radius), ModelReference.predictions[2].radius, relative: 1e-10))
    }

    @Test("near i = 0 the 1/r interval reaches below 0: the upper radius bound is unbounded")
    func unbounded() throws {
        let prediction = try #require(try analysis().criticalRadius(at: 0.5).first)
        // 1/r at 0.5: −0.0718 + 0.1266 > 0, but the prediction interval's lower end is < 0.
        #expect(prediction.radius != nil)
        #expect(prediction.predictionInterval95?.upper == nil)
        #expect(prediction.predictionInterval95 != nil)
    }

    @Test("power law: r = A·i*ⁿ with the interval exponentiated from log space")
    func powerLaw() throws {
        let analysis = try analysis()
        let prediction = try #require(analysis.criticalRadius(at: 10).last)
        #expect(prediction.model == .powerLaw)
        let expected = analysis.powerLaw.prefactor * pow(10, analysis.powerLaw.exponent)
        #expect(Tolerance.close(try #require(prediction.radius), expected, relative: 1e-12))
        let interval = try #require(prediction.predictionInterval95)
        let logInterval = try #require(analysis.powerLaw.logLine.predictionInterval95(at: log(10)))
        #expect(Tolerance.close(interval.lower, exp(logInterval.lowerBound), relative: 1e-12))
        #expect(interval.lower < expected && expected < (interval.upper ?? 0))
    }
}
