import Foundation
import LacunaFit
import Testing

@Suite("Line models around 1/r = a + b·i (paper data, scipy references)")
struct LineModelTests {
    let i = PaperReference.currentDensity
    var inverse: [Double] { PaperReference.radius.map { 1 / $0 } }

    @Test("OLS: slope p value 0.00202, residuals, SSE")
    func olsInference() throws {
        let fit = try fitLinear(x: i, y: inverse)
        #expect(Tolerance.close(fit.slopePValue, ModelReference.slopePValue, relative: 1e-9))
        #expect(Tolerance.roundsTo(fit.slopePValue, 0.00202, decimals: 5))
        for (value, expected) in zip(fit.residuals, ModelReference.residuals) {
            #expect(Tolerance.close(value, expected, relative: 1e-9))
        }
        #expect(Tolerance.close(fit.sumOfSquaredResiduals, ModelReference.sumOfSquaredResiduals, relative: 1e-9))
        #expect(fit.degreesOfFreedom == 2)
        #expect(fit.meanX == 4.5 && fit.sumOfSquaresX == 49)  // by hand: x̄ = 18/4, Σ(x − x̄)² = 49
    }

    @Test("OLS: confidence and prediction intervals of the line at i* = 10, 3, 20")
    func olsIntervals() throws {
        let fit = try fitLinear(x: i, y: inverse)
        for reference in ModelReference.predictions {
            #expect(Tolerance.close(fit.value(at: reference.x), reference.inverse, relative: 1e-10))
            let prediction = try #require(fit.predictionInterval95(at: reference.x))
            let confidence = try #require(fit.confidenceInterval95(at: reference.x))
            #expect(Tolerance.close(prediction.lowerBound, reference.prediction.0, relative: 1e-9))
            #expect(Tolerance.close(prediction.upperBound, reference.prediction.1, relative: 1e-9))
            #expect(Tolerance.close(confidence.lowerBound, reference.confidence.0, relative: 1e-9))
            #expect(Tolerance.close(confidence.upperBound, reference.confidence.1, relative: 1e-9))
        }
        #expect(try fitLinear(x: [1, 2], y: [3, 4]).predictionInterval95(at: 1.5) == nil)
    }

    @Test("through the origin: b = 0.24333 = Σxy/Σx² (31.6328…/130), t with 3 d.o.f.")
    func throughOrigin() throws {
        let fit = try fitThroughOrigin(x: i, y: inverse)
        // By hand: Σ i/r = 1/4.1 + 2/2.4 + 5/0.9 + 10/0.4, Σ i² = 130.
        let byHand = (1 / 4.1 + 2 / 2.4 + 5 / 0.9 + 10 / 0.4) / 130
        #expect(abs(fit.slope - byHand) < 1e-15)
        #expect(Tolerance.roundsTo(fit.slope, 0.24333, decimals: 5))
        #expect(Tolerance.close(fit.slope, ModelReference.originSlope, relative: 1e-10))
        #expect(Tolerance.close(fit.slopeStandardError, ModelReference.originSlopeStandardError, relative: 1e-9))
        let ci = try #require(fit.slopeCI95)
        #expect(Tolerance.close(ci.lowerBound, ModelReference.originSlopeCI.0, relative: 1e-9))
        #expect(Tolerance.close(ci.upperBound, ModelReference.originSlopeCI.1, relative: 1e-9))
        #expect(Tolerance.close(fit.sumOfSquaredResiduals, ModelReference.originSumOfSquares, relative: 1e-9))
        #expect(fit.degreesOfFreedom == 3)
        #expect(throws: FitError.constantPredictor) { try fitThroughOrigin(x: [0, 0], y: [1, 2]) }
    }

    @Test("F test of a = 0: F = t² of the intercept, p = 0.384")
    func interceptFTest() throws {
        let full = try fitLinear(x: i, y: inverse)
        let origin = try fitThroughOrigin(x: i, y: inverse)
        let test = FTest(restrictedSumOfSquares: origin.sumOfSquaredResiduals,
                         restrictedDegreesOfFreedom: origin.degreesOfFreedom,
                         fullSumOfSquares: full.sumOfSquaredResiduals, fullDegreesOfFreedom: full.degreesOfFreedom)
        #expect(test.numeratorDegreesOfFreedom == 1 && test.denominatorDegreesOfFreedom == 2)
        #expect(Tolerance.close(test.statistic, ModelReference.interceptF, relative: 1e-9))
        let t = full.intercept / full.interceptStandardError
        #expect(Tolerance.close(test.statistic, t * t, relative: 1e-12))
        #expect(Tolerance.close(test.pValue, ModelReference.interceptFPValue, relative: 1e-9))
    }

    @Test("WLS with w = r² (constant relative error of r): a = 0.00366, b = 0.22701")
    func weightedRelative() throws {
        let r = PaperReference.radius
        let fit = try fitWeightedLinear(x: i, y: inverse, weights: r.map { $0 * $0 })
        #expect(Tolerance.roundsTo(fit.intercept, 0.00366, decimals: 5))
        #expect(Tolerance.roundsTo(fit.slope, 0.22701, decimals: 5))
        #expect(Tolerance.close(fit.intercept, ModelReference.relativeIntercept, relative: 1e-9))
        #expect(Tolerance.close(fit.slope, ModelReference.relativeSlope, relative: 1e-10))
        #expect(Tolerance.close(fit.interceptStandardError, ModelReference.relativeInterceptStandardError, relative: 1e-8))
        #expect(Tolerance.close(fit.slopeStandardError, ModelReference.relativeSlopeStandardError, relative: 1e-8))
        let ci = try #require(fit.slopeCI95)
        #expect(Tolerance.close(ci.lowerBound, ModelReference.relativeSlopeCI.0, relative: 1e-8))
        #expect(Tolerance.close(ci.upperBound, ModelReference.relativeSlopeCI.1, relative: 1e-8))
        #expect(Tolerance.close(fit.chiSquared, ModelReference.relativeChiSquared, relative: 1e-8))
        // Scaling every weight leaves the estimates and scaled SEs unchanged.
        let scaled = try fitWeightedLinear(x: i, y: inverse, weights: r.map { 7 * $0 * $0 })
        #expect(Tolerance.close(scaled.slope, fit.slope, relative: 1e-12))
        #expect(Tolerance.close(scaled.slopeStandardError, fit.slopeStandardError, relative: 1e-12))
    }

    @Test("WLS with delta-method weights r⁴/σ_r²: scaled and absolute SEs as curve_fit")
    func weightedDelta() throws {
        let r = PaperReference.radius
        let sigma = ModelReference.radiusStandardErrors
        let weights = zip(r, sigma).map { pow($0, 4) / ($1 * $1) }
        let fit = try fitWeightedLinear(x: i, y: inverse, weights: weights)
        #expect(Tolerance.close(fit.intercept, ModelReference.deltaIntercept, relative: 1e-9))
        #expect(Tolerance.close(fit.slope, ModelReference.deltaSlope, relative: 1e-10))
        #expect(Tolerance.close(fit.interceptStandardError, ModelReference.deltaInterceptStandardError, relative: 1e-8))
        #expect(Tolerance.close(fit.slopeStandardError, ModelReference.deltaSlopeStandardError, relative: 1e-8))
        #expect(Tolerance.close(fit.interceptStandardErrorAbsolute,
                                ModelReference.deltaInterceptStandardErrorAbsolute, relative: 1e-8))
        #expect(Tolerance.close(fit.slopeStandardErrorAbsolute, ModelReference.deltaSlopeStandardErrorAbsolute,
                                relative: 1e-8))
        #expect(Tolerance.close(fit.chiSquared, ModelReference.deltaChiSquared, relative: 1e-8))
        #expect(Tolerance.close(fit.reducedChiSquared, ModelReference.deltaChiSquared / 2, relative: 1e-8))
    }

    @Test("equal weights reproduce OLS; bad weights throw")
    func weightedEdgeCases() throws {
        let ols = try fitLinear(x: i, y: inverse)
        let equal = try fitWeightedLinear(x: i, y: inverse, weights: [2, 2, 2, 2])
        #expect(Tolerance.close(equal.slope, ols.slope, relative: 1e-12))
        #expect(Tolerance.close(equal.interceptStandardError, ols.interceptStandardError, relative: 1e-12))
        #expect(throws: FitError.nonPositiveStandardError(index: 2, value: 0)) {
            try fitWeightedLinear(x: i, y: inverse, weights: [1, 1, 0, 1])
        }
        #expect(throws: FitError.lengthMismatch(x: 4, y: 3)) {
            try fitWeightedLinear(x: i, y: inverse, weights: [1, 1, 1])
        }
    }

    @Test("power law: n = −1.019, A = 4.434 µm, test of n = −1 gives p = 0.77")
    func powerLawTest() throws {
        let fit = try fitPowerLaw(x: i, y: PaperReference.radius)
        #expect(Tolerance.roundsTo(fit.prefactor, 4.434, decimals: 3))
        #expect(Tolerance.roundsTo(fit.exponent, -1.019, decimals: 3))
        #expect(Tolerance.close(fit.exponentStandardError, ModelReference.exponentStandardError, relative: 1e-9))
        let test = fit.testExponent(equals: -1)
        #expect(Tolerance.close(test.statistic, ModelReference.exponentMinusOneT, relative: 1e-9))
        #expect(Tolerance.close(test.pValue, ModelReference.exponentMinusOneP, relative: 1e-9))
        #expect(test.degreesOfFreedom == 2 && test.hypothesised == -1)
        #expect(Tolerance.close(fit.value(at: 1), fit.prefactor, relative: 1e-14))
    }

    @Test("r against 1/i: slope 4.102 µm·mA/cm², intercept 0.104 µm, R² 0.9898")
    func radiusVersusInverseCurrent() throws {
        let fit = try fitLinear(x: i.map { 1 / $0 }, y: PaperReference.radius)
        #expect(Tolerance.roundsTo(fit.slope, 4.102, decimals: 3))
        #expect(Tolerance.roundsTo(fit.intercept, 0.104, decimals: 3))
        #expect(Tolerance.roundsTo(fit.rSquared, 0.9898, decimals: 4))
        #expect(Tolerance.close(fit.slope, ModelReference.inverseCurrentSlope, relative: 1e-10))
        #expect(Tolerance.close(fit.intercept, ModelReference.inverseCurrentIntercept, relative: 1e-9))
        #expect(Tolerance.close(fit.slopeStandardError, ModelReference.inverseCurrentSlopeStandardError,
                                relative: 1e-9))
    }

    @Test("t test: hand values")
    func tTest() {
        let test = TTest(estimate: 3, hypothesised: 1, standardError: 1, degreesOfFreedom: 1)
        // t = 2 with 1 d.o.f.: P(|T| > 2) = 1 − 2·atan(2)/π (Cauchy).
        #expect(test.statistic == 2)
        #expect(Tolerance.close(test.pValue, 1 - 2 * atan(2.0) / Double.pi, relative: 1e-12))
        #expect(TTest(estimate: 1, hypothesised: 1, standardError: 0, degreesOfFreedom: 3).pValue.isNaN)
    }
}
