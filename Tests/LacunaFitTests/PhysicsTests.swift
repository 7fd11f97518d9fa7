import LacunaFit
import Testing

@Suite("Physics helpers and the depletion-time model")
struct PhysicsTests {
    let physics = StrippingPhysics()

    @Test("ΔG_v = F·i·R_s/V_m: 74.2 MPa at 1 mA/cm², 742 MPa at 10")
    func drivingForce() {
        #expect(physics.overpotentialVolts(currentDensity: 1) == 0.01)  // 1e-3 A/cm² × 10 Ω·cm²
        #expect(Tolerance.roundsTo(physics.drivingForceMegapascals(currentDensity: 1), 74.2, decimals: 1))
        #expect(Tolerance.roundsTo(physics.drivingForceMegapascals(currentDensity: 10), 742, decimals: 0))
        #expect(Tolerance.close(physics.drivingForceMegapascals(currentDensity: 1), ModelReference.drivingForceAt1,
                                relative: 1e-11))
        #expect(Tolerance.close(physics.drivingForceMegapascals(currentDensity: 10), ModelReference.drivingForceAt10,
                                relative: 1e-11))
        #expect(physics.offsettingStackPressureMegapascals(currentDensity: 3)
                == physics.drivingForceMegapascals(currentDensity: 3))
    }

    @Test("5 MPa of stack pressure suppresses up to 0.067 mA/cm²; the inverse of ΔG_v")
    func suppressedCurrent() {
        let i = physics.largestSuppressedCurrentDensity(stackPressureMegapascals: 5)
        #expect(Tolerance.roundsTo(i, 0.067, decimals: 3))
        #expect(Tolerance.close(i, ModelReference.suppressedBy5MPa, relative: 1e-11))
        #expect(Tolerance.close(physics.drivingForceMegapascals(currentDensity: i), 5, relative: 1e-12))
    }

    @Test("γ_eff = F·R_s/(2·V_m·b), overridable constants")
    func surfaceEnergy() {
        #expect(Tolerance.close(physics.effectiveSurfaceEnergyJoulesPerSquareMetre(slope: 0.25327000719),
                                ModelReference.gammaForOLSSlope, relative: 1e-10))
        var other = physics
        other.seriesResistanceOhmSquareCentimetres = 20
        // γ ∝ R_s.
        #expect(Tolerance.close(other.effectiveSurfaceEnergyJoulesPerSquareMetre(slope: 0.25),
                                2 * physics.effectiveSurfaceEnergyJoulesPerSquareMetre(slope: 0.25), relative: 1e-14))
    }

    @Test("1 mAh/cm² strips 4.85 µm of Li")
    func thickness() {
        #expect(Tolerance.roundsTo(physics.strippedThicknessMicrometres(arealCapacity: 1), 4.85, decimals: 2))
        #expect(Tolerance.close(physics.strippedThicknessMicrometres(arealCapacity: 1),
                                ModelReference.thicknessPerMilliampHour, relative: 1e-11))
    }

    @Test("contact: active area 1 − porosity, local ratio 1/(1 − porosity), the paper's classes")
    func contact() {
        let half = ContactState(porosity: 0.5)
        #expect(half.activeAreaRatio == 0.5 && half.localCurrentDensityRatio == 2 && half.stability == .stable)
        #expect(ContactState(porosity: 0.75).localCurrentDensityRatio == 4)
        #expect(ContactState(porosity: 0.75).stability == .transition)
        #expect(ContactState(porosity: 0.95).stability == .failure)  // ratio 20
        #expect(ContactState(porosity: 0.65).stability == .unclassified)  // ratio 2.857: between 2.75 and 3
        #expect(ContactState(porosity: 0.92).stability == .unclassified)  // ratio 12.5: between 12 and 15
        #expect(ContactState(porosity: 1).localCurrentDensityRatio == .infinity)
    }

    @Test("depletion time t = C·iᵏ: k = −1.983, test of k = −2 (scipy)")
    func depletion() throws {
        let fit = try DepletionTimeFit(currentDensity: PaperReference.currentDensity,
                                       depletionTimeHours: ModelReference.depletionHours)
        #expect(Tolerance.close(fit.powerLaw.exponent, ModelReference.depletionExponent, relative: 1e-10))
        #expect(Tolerance.close(fit.powerLaw.exponentStandardError, ModelReference.depletionExponentStandardError,
                                relative: 1e-9))
        #expect(Tolerance.close(fit.powerLaw.prefactor, ModelReference.depletionPrefactor, relative: 1e-10))
        let ci = try #require(fit.powerLaw.exponentCI95)
        #expect(Tolerance.close(ci.lowerBound, ModelReference.depletionExponentCI.0, relative: 1e-9))
        #expect(Tolerance.close(ci.upperBound, ModelReference.depletionExponentCI.1, relative: 1e-9))
        #expect(Tolerance.close(fit.claimTest.statistic, ModelReference.depletionT, relative: 1e-8))
        #expect(Tolerance.close(fit.claimTest.pValue, ModelReference.depletionP, relative: 1e-8))
        #expect(fit.claimTest.hypothesised == -2)
        #expect(throws: FitError.tooFewPoints(count: 2, required: 3)) {
            try DepletionTimeFit(currentDensity: [1, 2], depletionTimeHours: [4, 1])
        }
        #expect(throws: FitError.nonPositiveValue(index: 1, value: 0)) {
            try DepletionTimeFit(currentDensity: [1, 2, 3], depletionTimeHours: [4, 0, 1])
        }
    }

    @Test("an exact i⁻² law gives k = −2 and an undefined test (zero SE)")
    func exactDepletion() throws {
        let i = [1.0, 2, 4, 8]
        let fit = try DepletionTimeFit(currentDensity: i, depletionTimeHours: i.map { 50 / ($0 * $0) })
        #expect(abs(fit.powerLaw.exponent + 2) < 1e-12)
        #expect(abs(fit.powerLaw.prefactor - 50) < 1e-10)
    }
}
