import LacunaFit
import Testing

@Suite("Student's t distribution")
struct StudentTTests {
    /// (ν, scipy.stats.t.ppf(0.975, ν), value as printed to 6 decimals).
    static let quantiles975: [(Double, Double, Double)] = [
        (1, 12.7062047362, 12.706205),
        (2, 4.3026527297, 4.302653),
        (10, 2.2281388520, 2.228139),
        (30, 2.0422724563, 2.042272),
    ]

    @Test("0.975 quantiles match tables and scipy")
    func quantiles() {
        for (nu, scipy, printed) in Self.quantiles975 {
            let t = StudentT.quantile(0.975, degreesOfFreedom: nu)
            #expect(Tolerance.close(t, scipy, relative: 1e-10), "ν = \(nu)")
            #expect(Tolerance.roundsTo(t, printed, decimals: 6), "ν = \(nu)")
        }
    }

    @Test("Quantiles at fractional, large ν and in the far tail (scipy)")
    func quantilesExtended() {
        let cases: [(p: Double, nu: Double, expected: Double)] = [
            (0.975, 0.5, 164.557673480488),
            (0.975, 1e4, 1.96020123989063),
            (0.975, 1e6, 1.95996635681411),
            (0.975, 1e8, 1.95996400826277),
            (1e-10, 3, -2225.76928468309),
        ]
        for c in cases {
            let t = StudentT.quantile(c.p, degreesOfFreedom: c.nu)
            #expect(Tolerance.close(t, c.expected, relative: 1e-11), "p = \(c.p), ν = \(c.nu)")
        }
        // 0.125 and 0.875 are exact binary fractions, so the tails are equal.
        #expect(StudentT.quantile(0.125, degreesOfFreedom: 2) == -StudentT.quantile(
            0.875, degreesOfFreedom: 2))
    }

    @Test("CDF special values")
    func cdfSpecialValues() {
        #expect(StudentT.cdf(0, degreesOfFreedom: 1) == 0.5)
        #expect(StudentT.cdf(0, degreesOfFreedom: 7) == 0.5)
        #expect(abs(StudentT.cdf(1, degreesOfFreedom: 1) - 0.75) < 1e-14)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
    }

    @Test("CDF against scipy")
    func cdfReference() {
        let cases: [(t: Double, nu: Double, expected: Double)] = [
            (-2, 5, 0.0509697394149292),
            (2.5, 3.5, 0.962152678095255),
            (-3, 1e6, 0.0013499312707109),
            (-1.96, 1e10, 0.0249978951620849),
            (-40, 3, 1.71903403945793e-05),
        ]
        for c in cases {
            let p = StudentT.cdf(c.t, degreesOfFreedom: c.nu)
            #expect(Tolerance.close(p, c.expected, relative: 1e-12), "t = \(c.t), ν = \(c.nu)")
        }
    }

    @Test("Quantile inverts the CDF")
    func roundTrip() {
        for nu in [0.7, 1, 2, 3.5, 10, 100] {
            for p in [0.001, 0.1, 0.4, 0.6, 0.9, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: nu) - p) < 1e-13, "p = \(p), ν = \(nu)")
            }
        }
    }

    @Test("Invalid arguments give NaN or infinities")
    func invalidArguments() {
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 2).isNaN)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.quantile(0, degreesOfFreedom: 2) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 2) == .infinity)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 2).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: -1).isNaN)
    }
}
