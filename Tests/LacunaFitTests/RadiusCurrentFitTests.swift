import LacunaFit
import Testing

@Suite("Radius–current density analysis")
struct RadiusCurrentFitTests {
    @Test("Paper data: both models")
    func paperData() throws {
        let fit = try RadiusCurrentFit(
            currentDensity: PaperReference.currentDensity,
            radiusMicrometres: PaperReference.radius)
        let ref = PaperReference.self
        #expect(Tolerance.close(fit.inverseRadiusLinear.slope, ref.slope, relative: 5e-5))
        #expect(Tolerance.close(fit.inverseRadiusLinear.intercept, ref.intercept, relative: 5e-5))
        #expect(Tolerance.close(fit.inverseRadiusLinear.rSquared, ref.rSquared, relative: 5e-5))
        #expect(Tolerance.close(fit.powerLaw.exponent, ref.exponent, relative: 5e-5))
        #expect(Tolerance.close(fit.powerLaw.prefactor, ref.prefactor, relative: 5e-5))
        #expect(Tolerance.close(fit.powerLaw.rSquared, ref.logRSquared, relative: 5e-5))
    }

    @Test("Invalid measurements throw typed errors")
    func errors() {
        #expect(throws: FitError.nonPositiveValue(index: 2, value: 0)) {
            try RadiusCurrentFit(currentDensity: [1, 2, 5], radiusMicrometres: [4.1, 2.4, 0])
        }
        #expect(throws: FitError.lengthMismatch(x: 4, y: 3)) {
            try RadiusCurrentFit(currentDensity: [1, 2, 5, 10], radiusMicrometres: [4.1, 2.4, 0.9])
        }
        #expect(throws: FitError.nonFiniteValue(index: 0)) {
            try RadiusCurrentFit(currentDensity: [.nan, 2], radiusMicrometres: [4.1, 2.4])
        }
        #expect(throws: FitError.tooFewPoints(count: 1, required: 2)) {
            try RadiusCurrentFit(currentDensity: [1], radiusMicrometres: [4.1])
        }
        #expect(throws: FitError.constantPredictor) {
            try RadiusCurrentFit(currentDensity: [2, 2, 2], radiusMicrometres: [1, 2, 3])
        }
    }
}
