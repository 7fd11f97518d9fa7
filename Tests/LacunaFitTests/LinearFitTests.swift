import LacunaFit
import Testing

@Suite("Ordinary least squares")
struct LinearFitTests {
    @Test("Paper data: 1/r on i matches scipy.stats.linregress")
    func paperInverseRadius() throws {
        let fit = try fitLinear(
            x: PaperReference.currentDensity, y: PaperReference.radius.map { 1 / $0 })
        let ref = PaperReference.self
        #expect(Tolerance.close(fit.slope, ref.slope, relative: 5e-5))
        #expect(Tolerance.close(fit.slopeStandardError, ref.slopeStandardError, relative: 5e-5))
        #expect(Tolerance.close(fit.intercept, ref.intercept, relative: 5e-5))
        #expect(Tolerance.close(
            fit.interceptStandardError, ref.interceptStandardError, relative: 5e-5))
        #expect(Tolerance.close(fit.rSquared, ref.rSquared, relative: 5e-5))
        #expect(fit.pointCount == 4)
        #expect(fit.residuals.count == 4)
    }

    @Test("Paper data: values round to the printed digits")
    func paperPrintedDigits() throws {
        let fit = try fitLinear(
            x: PaperReference.currentDensity, y: PaperReference.radius.map { 1 / $0 })
        #expect(Tolerance.roundsTo(fit.slope, 0.25327, decimals: 5))
        #expect(Tolerance.roundsTo(fit.slopeStandardError, 0.01139, decimals: 5))
        #expect(Tolerance.roundsTo(fit.intercept, -0.07179, decimals: 5))
        #expect(Tolerance.roundsTo(fit.interceptStandardError, 0.06494, decimals: 5))
        #expect(Tolerance.roundsTo(fit.rSquared, 0.99597, decimals: 5))
    }

    @Test("Paper data: 95 % intervals use t(0.975, 2) = 4.302653")
    func paperConfidenceIntervals() throws {
        let fit = try fitLinear(
            x: PaperReference.currentDensity, y: PaperReference.radius.map { 1 / $0 })
        let intercept = try #require(fit.interceptCI95)
        let slope = try #require(fit.slopeCI95)
        // From the printed digits: −0.07179 ± 4.302653 · 0.06494. The printed
        // inputs carry rounding of up to ~3e-5, hence the absolute tolerance.
        let halfWidth = PaperReference.t975TwoDegrees * 0.06494
        #expect(abs(intercept.lowerBound - (-0.07179 - halfWidth)) < 5e-5)
        #expect(abs(intercept.upperBound - (-0.07179 + halfWidth)) < 5e-5)
        // Against scipy at full precision.
        let ref = PaperReference.self
        #expect(Tolerance.close(intercept.lowerBound, ref.interceptCI.lower, relative: 5e-5))
        #expect(Tolerance.close(intercept.upperBound, ref.interceptCI.upper, relative: 5e-5))
        #expect(Tolerance.close(slope.lowerBound, ref.slopeCI.lower, relative: 5e-5))
        #expect(Tolerance.close(slope.upperBound, ref.slopeCI.upper, relative: 5e-5))
    }

    @Test("Exact line y = 3 + 2x")
    func exactLine() throws {
        let x = [1.0, 2, 3, 4, 5]
        let fit = try fitLinear(x: x, y: x.map { 3 + 2 * $0 })
        #expect(abs(fit.slope - 2) < 1e-12)
        #expect(abs(fit.intercept - 3) < 1e-12)
        #expect(abs(fit.rSquared - 1) < 1e-12)
        #expect(fit.slopeStandardError == 0)
        #expect(fit.interceptStandardError == 0)
        let slopeCI = try #require(fit.slopeCI95)
        let interceptCI = try #require(fit.interceptCI95)
        #expect(slopeCI.upperBound - slopeCI.lowerBound == 0)
        #expect(interceptCI.upperBound - interceptCI.lowerBound == 0)
        #expect(fit.residuals.allSatisfy { abs($0) < 1e-12 })
    }

    @Test("Two points: exact line, NaN standard errors, no intervals")
    func twoPoints() throws {
        let fit = try fitLinear(x: [1, 3], y: [2, 6])
        #expect(abs(fit.slope - 2) < 1e-12)
        #expect(abs(fit.intercept) < 1e-12)
        #expect(fit.slopeStandardError.isNaN)
        #expect(fit.interceptStandardError.isNaN)
        #expect(fit.slopeCI95 == nil)
        #expect(fit.interceptCI95 == nil)
        #expect(fit.pointCount == 2)
    }

    @Test("Constant y has zero slope and undefined R²")
    func constantResponse() throws {
        let fit = try fitLinear(x: [1, 2, 3], y: [5, 5, 5])
        #expect(fit.slope == 0)
        #expect(fit.intercept == 5)
        #expect(fit.rSquared.isNaN)
    }

    @Test("Invalid inputs throw typed errors")
    func errors() {
        #expect(throws: FitError.tooFewPoints(count: 1, required: 2)) {
            try fitLinear(x: [1], y: [2])
        }
        #expect(throws: FitError.tooFewPoints(count: 0, required: 2)) {
            try fitLinear(x: [], y: [])
        }
        #expect(throws: FitError.constantPredictor) {
            try fitLinear(x: [0.1, 0.1, 0.1], y: [1, 2, 3])
        }
        #expect(throws: FitError.nonFiniteValue(index: 1)) {
            try fitLinear(x: [1, .nan, 3], y: [1, 2, 3])
        }
        #expect(throws: FitError.nonFiniteValue(index: 2)) {
            try fitLinear(x: [1, 2, 3], y: [1, 2, .infinity])
        }
        #expect(throws: FitError.lengthMismatch(x: 3, y: 2)) {
            try fitLinear(x: [1, 2, 3], y: [1, 2])
        }
    }
}
