import LacunaFit
import Testing

@Suite("Normal and F distributions")
struct DistributionTests {
    @Test("Φ⁻¹ matches scipy.special.ndtri to 1e-13 relative, tails included")
    func normalQuantile() {
        let cases: [(Double, Double)] = [
            (1e-12, -7.0344838253), (0.001, -3.09023230617), (0.025, -1.95996398454),
            (0.3, -0.524400512708), (0.8, 0.841621233573), (0.975, 1.95996398454),
            (0.999999, 4.75342430882),
        ]
        for (p, expected) in cases {
            // The references are printed to 12 significant digits.
            #expect(Tolerance.close(NormalDistribution.quantile(p), expected, relative: 1e-11), "p = \(p)")
        }
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(1.5).isNaN)
    }

    @Test("Φ matches scipy.special.ndtr and inverts the quantile")
    func normalCDF() {
        let cases: [(Double, Double)] = [
            (-8, 6.22096057427e-16), (-1.96, 0.0249978951482), (0, 0.5), (0.5, 0.691462461274),
            (3, 0.998650101968),
        ]
        for (z, expected) in cases {
            #expect(Tolerance.close(NormalDistribution.cdf(z), expected, relative: 1e-11), "z = \(z)")
        }
        for p in [1e-9, 0.01, 0.2, 0.6, 0.99] {
            #expect(Tolerance.close(NormalDistribution.cdf(NormalDistribution.quantile(p)), p, relative: 1e-13))
        }
    }

    @Test("F upper tail matches scipy.stats.f.sf")
    func fisherF() {
        let cases: [(f: Double, d1: Double, d2: Double, expected: Double)] = [
            (1.22237314022, 1, 2, 0.384094638381), (3.5, 2, 10, 0.0704296277724),
            (0.2, 5, 3, 0.942331114378), (40, 1, 30, 5.64877469714e-07),
        ]
        for c in cases {
            let p = FisherF.survival(c.f, numeratorDegreesOfFreedom: c.d1, denominatorDegreesOfFreedom: c.d2)
            #expect(Tolerance.close(p, c.expected, relative: 1e-10), "F = \(c.f)")
        }
        #expect(FisherF.survival(0, numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 2) == 1)
        #expect(FisherF.survival(1, numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 2).isNaN)
    }

    @Test("F(1, ν) is the square of a two-sided t: p values agree")
    func fisherFIsTSquared() {
        for (t, nu) in [(0.7, 2.0), (2.5, 7.0), (4.0, 30.0)] {
            let viaT = 2 * StudentT.cdf(-t, degreesOfFreedom: nu)
            let viaF = FisherF.survival(t * t, numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: nu)
            #expect(Tolerance.close(viaF, viaT, relative: 1e-12))
        }
    }
}
