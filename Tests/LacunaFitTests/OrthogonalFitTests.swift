import LacunaFit
import Testing

@Suite("ODR: errors in both variables")
struct OrthogonalFitTests {
    let i = PaperReference.currentDensity
    var inverse: [Double] { PaperReference.radius.map { 1 / $0 } }
    var sigmaX: [Double] { i.map { 0.05 * $0 } }
    var sigmaY: [Double] { zip(PaperReference.radius, ModelReference.radiusStandardErrors).map { $1 / ($0 * $0) } }

    @Test("matches the 40-digit optimum: estimates, sd_beta, unscaled cov_beta, sum_square, delta")
    func scipyODR() throws {
        let fit = try fitOrthogonalLinear(x: i, y: inverse, xStandardErrors: sigmaX, yStandardErrors: sigmaY)
        #expect(Tolerance.close(fit.slope, ModelReference.odrSlope, relative: 1e-10))
        #expect(Tolerance.close(fit.intercept, ModelReference.odrIntercept, relative: 1e-9))
        #expect(Tolerance.close(fit.slopeStandardError, ModelReference.odrStandardErrors.slope, relative: 1e-9))
        #expect(Tolerance.close(fit.interceptStandardError, ModelReference.odrStandardErrors.intercept, relative: 1e-9))
        #expect(Tolerance.close(fit.slopeStandardErrorAbsolute, ModelReference.odrStandardErrorsAbsolute.slope,
                                relative: 1e-9))
        #expect(Tolerance.close(fit.interceptStandardErrorAbsolute,
                                ModelReference.odrStandardErrorsAbsolute.intercept, relative: 1e-9))
        #expect(Tolerance.close(fit.sumOfSquares, ModelReference.odrSumOfSquares, relative: 1e-8))
        for (delta, expected) in zip(fit.xAdjustments, ModelReference.odrDeltas) {
            #expect(Tolerance.close(delta, expected, relative: 1e-9))
        }
        #expect(fit.slopeCI95?.contains(fit.slope) == true)
    }

    @Test("without x errors ODR is weighted least squares")
    func reducesToWLS() throws {
        let fit = try fitOrthogonalLinear(x: i, y: inverse, xStandardErrors: [0, 0, 0, 0], yStandardErrors: sigmaY)
        let wls = try fitWeightedLinear(x: i, y: inverse, weights: sigmaY.map { 1 / ($0 * $0) })
        #expect(Tolerance.close(fit.slope, wls.slope, relative: 1e-12))
        #expect(Tolerance.close(fit.intercept, wls.intercept, relative: 1e-10))
        #expect(Tolerance.close(fit.slopeStandardErrorAbsolute, wls.slopeStandardErrorAbsolute, relative: 1e-12))
        #expect(Tolerance.close(fit.slopeStandardError, wls.slopeStandardError, relative: 1e-12))
    }

    @Test("swapping the axes inverts the slope (ODR treats x and y symmetrically)")
    func symmetric() throws {
        let x = [1.0, 2, 3, 4, 5], y = [2.1, 3.9, 6.2, 7.8, 10.1]
        let sx = [0.1, 0.1, 0.1, 0.1, 0.1], sy = [0.2, 0.2, 0.2, 0.2, 0.2]
        let forward = try fitOrthogonalLinear(x: x, y: y, xStandardErrors: sx, yStandardErrors: sy)
        let backward = try fitOrthogonalLinear(x: y, y: x, xStandardErrors: sy, yStandardErrors: sx)
        #expect(Tolerance.close(forward.slope, 1 / backward.slope, relative: 1e-10))
    }

    @Test("bad standard errors throw")
    func errors() {
        #expect(throws: FitError.nonPositiveStandardError(index: 1, value: 0)) {
            try fitOrthogonalLinear(x: [1, 2, 3], y: [1, 2, 3], xStandardErrors: [0.1, 0.1, 0.1],
                                    yStandardErrors: [0.1, 0, 0.1])
        }
        #expect(throws: FitError.nonPositiveStandardError(index: 0, value: -1)) {
            try fitOrthogonalLinear(x: [1, 2, 3], y: [1, 2, 3], xStandardErrors: [-1, 0.1, 0.1],
                                    yStandardErrors: [0.1, 0.1, 0.1])
        }
    }
}
