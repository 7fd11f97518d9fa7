import Foundation
import LacunaFit
import Testing

@Suite("Power law fit")
struct PowerLawFitTests {
    @Test("Paper data: r = A·iⁿ matches scipy log–log regression")
    func paperPowerLaw() throws {
        let fit = try fitPowerLaw(x: PaperReference.currentDensity, y: PaperReference.radius)
        let ref = PaperReference.self
        #expect(Tolerance.close(fit.exponent, ref.exponent, relative: 5e-5))
        #expect(Tolerance.close(fit.prefactor, ref.prefactor, relative: 5e-5))
        #expect(Tolerance.close(fit.rSquared, ref.logRSquared, relative: 5e-5))
        // Printed: n = 1.019 (exponent −1.0189), A = 4.434 µm, R² = 0.99369.
        #expect(Tolerance.roundsTo(fit.exponent, -1.0189, decimals: 4))
        #expect(Tolerance.roundsTo(fit.prefactor, 4.434, decimals: 3))
        #expect(Tolerance.roundsTo(fit.rSquared, 0.99369, decimals: 5))
        #expect(fit.pointCount == 4)
    }

    @Test("Paper data: intervals, prefactor interval is exp of log-intercept interval")
    func paperIntervals() throws {
        let fit = try fitPowerLaw(x: PaperReference.currentDensity, y: PaperReference.radius)
        let ref = PaperReference.self
        let exponent = try #require(fit.exponentCI95)
        let prefactor = try #require(fit.prefactorCI95)
        #expect(Tolerance.close(exponent.lowerBound, ref.exponentCI.lower, relative: 5e-5))
        #expect(Tolerance.close(exponent.upperBound, ref.exponentCI.upper, relative: 5e-5))
        #expect(Tolerance.close(prefactor.lowerBound, ref.prefactorCI.lower, relative: 5e-5))
        #expect(Tolerance.close(prefactor.upperBound, ref.prefactorCI.upper, relative: 5e-5))
        #expect(prefactor.contains(fit.prefactor))
    }

    @Test("Exact power law y = 2·x^-1.5")
    func exactPowerLaw() throws {
        let x = [0.5, 1, 2, 4, 8]
        let fit = try fitPowerLaw(x: x, y: x.map { 2 * pow($0, -1.5) })
        #expect(abs(fit.exponent + 1.5) < 1e-12)
        #expect(abs(fit.prefactor - 2) < 1e-12)
        #expect(abs(fit.rSquared - 1) < 1e-12)
    }

    @Test("Two points give no intervals")
    func twoPoints() throws {
        let fit = try fitPowerLaw(x: [1, 10], y: [3, 0.3])
        #expect(abs(fit.exponent + 1) < 1e-12)
        #expect(abs(fit.prefactor - 3) < 1e-12)
        #expect(fit.exponentCI95 == nil)
        #expect(fit.prefactorCI95 == nil)
    }

    @Test("Non-positive values cannot be log-transformed")
    func errors() {
        #expect(throws: FitError.nonPositiveValue(index: 1, value: 0)) {
            try fitPowerLaw(x: [1, 0, 3], y: [1, 2, 3])
        }
        #expect(throws: FitError.nonPositiveValue(index: 2, value: -3)) {
            try fitPowerLaw(x: [1, 2, 3], y: [1, 2, -3])
        }
        #expect(throws: FitError.constantPredictor) {
            try fitPowerLaw(x: [2, 2], y: [1, 3])
        }
        #expect(throws: FitError.tooFewPoints(count: 1, required: 2)) {
            try fitPowerLaw(x: [1], y: [1])
        }
    }
}
