import LacunaFit
import Testing

@Suite("The full r–i analysis")
struct RadiusCurrentAnalysisTests {
    static var paperConditions: [ConditionEstimate] {
        zip(PaperReference.currentDensity, PaperReference.radius).map {
            ConditionEstimate(currentDensity: $0, meanRadius: $1)
        }
    }

    @Test("the paper's four points: every number of the issue's Done-when list")
    func paperNumbers() throws {
        let analysis = try RadiusCurrentAnalysis(conditions: Self.paperConditions, options: .init(bootstrap: nil))
        let linear = analysis.linear
        #expect(Tolerance.roundsTo(linear.slope, 0.25327, decimals: 5))
        #expect(Tolerance.roundsTo(linear.slopeStandardError, 0.01139, decimals: 5))
        #expect(Tolerance.roundsTo(linear.intercept, -0.07179, decimals: 5))
        #expect(Tolerance.roundsTo(linear.interceptStandardError, 0.06494, decimals: 5))
        #expect(Tolerance.roundsTo(linear.rSquared, 0.99597, decimals: 5))
        #expect(Tolerance.roundsTo(linear.slopePValue, 0.00202, decimals: 5))
        #expect(Tolerance.roundsTo(analysis.throughOrigin.slope, 0.24333, decimals: 5))
        #expect(Tolerance.roundsTo(analysis.weightedConstantRelativeError.intercept, 0.00366, decimals: 5))
        #expect(Tolerance.roundsTo(analysis.weightedConstantRelativeError.slope, 0.22701, decimals: 5))
        #expect(Tolerance.roundsTo(analysis.powerLaw.prefactor, 4.434, decimals: 3))
        #expect(Tolerance.roundsTo(analysis.powerLaw.exponent, -1.019, decimals: 3))
        #expect(Tolerance.roundsTo(analysis.radiusVersusInverseCurrent.slope, 4.102, decimals: 3))
        #expect(Tolerance.roundsTo(analysis.radiusVersusInverseCurrent.intercept, 0.104, decimals: 3))
        let loo = analysis.influence.compactMap(\.leaveOneOutSlope)
        for (value, printed) in zip(loo, [0.2622, 0.2518, 0.2544, 0.2202]) {
            #expect(Tolerance.roundsTo(value, printed, decimals: 4))
        }
        #expect(loo.count == 4)
        #expect(Tolerance.roundsTo(analysis.physics.drivingForceMegapascals(currentDensity: 1), 74.2, decimals: 1))
        #expect(Tolerance.roundsTo(analysis.physics.drivingForceMegapascals(currentDensity: 10), 742, decimals: 0))
        #expect(Tolerance.close(analysis.interceptTest.pValue, ModelReference.interceptFPValue, relative: 1e-9))
        #expect(Tolerance.close(analysis.powerLawTest.pValue, ModelReference.exponentMinusOneP, relative: 1e-9))
        #expect(analysis.weightedDeltaMethod == nil && analysis.orthogonal == nil && analysis.bootstrap == nil)
    }

    @Test("the notes say what the data cannot decide")
    func notes() throws {
        let notes = try RadiusCurrentAnalysis(conditions: Self.paperConditions, options: .init(bootstrap: nil)).notes
        #expect(notes.contains { $0.contains("includes 0") && $0.contains("1/r = b·i") })
        #expect(notes.contains { $0.contains("consistent with r ∝ 1/i") })
        #expect(notes.contains { $0.contains("AICc is undefined") })
        #expect(notes.contains { $0.contains("cannot decide") })
        #expect(notes.contains { $0.contains("i = 10 mA/cm²") && $0.contains("Cook's distance 5.925") })
        #expect(notes.contains { $0.contains("delta-method") })
    }

    @Test("standard errors enable WLS (delta method) and, with σ_i, ODR; samples enable the bootstrap")
    func optionalModels() throws {
        let i = PaperReference.currentDensity
        let conditions = zip(zip(i, PaperReference.radius), ModelReference.radiusStandardErrors).map {
            ConditionEstimate(currentDensity: $0.0, currentDensityStandardError: 0.05 * $0.0, meanRadius: $0.1,
                              radiusStandardError: $1)
        }
        let samples = zip(i, ModelReference.strata).map { ConditionSample(currentDensity: $0, images: $1.map { [$0] }) }
        let analysis = try RadiusCurrentAnalysis(conditions: conditions, samples: samples,
                                                 options: .init(bootstrap: BootstrapOptions(resamples: 200)))
        let wls = try #require(analysis.weightedDeltaMethod)
        #expect(Tolerance.close(wls.slope, ModelReference.deltaSlope, relative: 1e-10))
        let odr = try #require(analysis.orthogonal)
        #expect(Tolerance.close(odr.slope, ModelReference.odrSlope, relative: 1e-8))
        let bootstrap = try #require(analysis.bootstrap)
        #expect(bootstrap.options.resamples == 200)
    }

    @Test("condition means far outside their SEs: a note says the bootstrap understates the line's uncertainty")
    func lackOfFitNote() throws {
        func notes(_ errors: [Double]) throws -> [String] {
            let conditions = zip(zip(PaperReference.currentDensity, PaperReference.radius), errors).map {
                ConditionEstimate(currentDensity: $0.0, meanRadius: $0.1, radiusStandardError: $1)
            }
            return try RadiusCurrentAnalysis(conditions: conditions, options: .init(bootstrap: nil)).notes
        }
        // scipy: χ² = 2.207 for these SEs, χ²/ν = 1.10 — no note.
        #expect(try !notes(ModelReference.radiusStandardErrors).contains { $0.contains("χ²/ν") })
        // SEs ten times smaller: χ² × 100, χ²/ν = 110.3.
        let small = try notes(ModelReference.radiusStandardErrors.map { $0 / 10 })
        #expect(small.contains { $0.contains("χ²/ν = 110.3") && $0.contains("prefer the t-intervals") })
    }

    @Test("a sample that cannot be resampled leaves a note instead of failing the analysis")
    func bootstrapNote() throws {
        let samples = zip(PaperReference.currentDensity, PaperReference.radius).map {
            ConditionSample(currentDensity: $0, images: [[$1]])
        }
        let analysis = try RadiusCurrentAnalysis(conditions: Self.paperConditions, samples: samples)
        #expect(analysis.bootstrap == nil)
        #expect(analysis.notes.contains { $0.hasPrefix("No bootstrap:") })
    }

    @Test("bad inputs: fewer than three conditions, equal current densities, a zero radius")
    func errors() {
        #expect(throws: FitError.tooFewPoints(count: 2, required: 3)) {
            try RadiusCurrentAnalysis(conditions: Array(Self.paperConditions.prefix(2)))
        }
        #expect(throws: FitError.constantPredictor) {
            try RadiusCurrentAnalysis(conditions: [1.0, 2, 3].map { ConditionEstimate(currentDensity: 5, meanRadius: $0) })
        }
        #expect(throws: FitError.nonPositiveValue(index: 1, value: 0)) {
            try RadiusCurrentAnalysis(conditions: [1.0, 0, 3].enumerated().map {
                ConditionEstimate(currentDensity: Double($0.offset + 1), meanRadius: $0.element)
            })
        }
        #expect(throws: FitError.nonPositiveValue(index: 0, value: -1)) {
            try RadiusCurrentAnalysis(conditions: [-1.0, 2, 3].map { ConditionEstimate(currentDensity: $0, meanRadius: 1) })
        }
    }
}
