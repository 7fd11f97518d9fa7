import Foundation
import LacunaFit
import Testing

@Suite("Model comparison and influence (paper data)")
struct ModelComparisonTests {
    let i = PaperReference.currentDensity
    let r = PaperReference.radius

    func analysis() throws -> RadiusCurrentAnalysis {
        try RadiusCurrentAnalysis(
            conditions: zip(i, r).map { ConditionEstimate(currentDensity: $0, meanRadius: $1) },
            options: .init(bootstrap: nil))
    }

    @Test("log-likelihoods on the radius scale, AIC and AICc match scipy.stats.norm.logpdf + Jacobian")
    func criteria() throws {
        let comparison = try analysis().comparison
        #expect(comparison.entries.map(\.model) == [.inverseRadiusLinear, .throughOrigin, .powerLaw,
                                                    .radiusVersusInverseCurrent])
        for (entry, reference) in zip(comparison.entries, ModelReference.criteria) {
            #expect(Tolerance.close(entry.criterion.logLikelihood, reference.logLikelihood, relative: 1e-9))
            #expect(Tolerance.close(entry.criterion.aic, reference.aic, relative: 1e-9))
            if let aicc = reference.aicc {
                #expect(Tolerance.close(try #require(entry.criterion.aicc), aicc, relative: 1e-9))
            } else {
                #expect(entry.criterion.aicc == nil, "\(entry.model): AICc must be undefined for n − k − 1 = 0")
            }
        }
    }

    @Test("with four conditions AICc is undefined for 3-parameter models: ranked by AIC, undecided")
    func ranking() throws {
        let comparison = try analysis().comparison
        #expect(comparison.criterion == .aic)
        // By hand from the AIC values: the power law is best (−1.2615); Δ = AIC − (−1.2615).
        let deltas = ModelReference.criteria.map { $0.aic - ModelReference.criteria[2].aic }
        for (entry, delta) in zip(comparison.entries, deltas) {
            #expect(abs(entry.delta - delta) < 1e-9)
        }
        let weights = deltas.map { exp(-$0 / 2) }
        let total = weights.reduce(0, +)
        for (entry, weight) in zip(comparison.entries, weights) {
            #expect(abs(entry.weight - weight / total) < 1e-9)
        }
        #expect(comparison.isUndecided)
    }

    @Test("AICc ranks when defined: five points, all models have n − k − 1 ≥ 1")
    func aiccWithFivePoints() throws {
        let conditions = zip([1.0, 2, 5, 10, 20], [4.1, 2.4, 0.9, 0.4, 0.21]).map {
            ConditionEstimate(currentDensity: $0, meanRadius: $1)
        }
        let comparison = try RadiusCurrentAnalysis(conditions: conditions, options: .init(bootstrap: nil)).comparison
        #expect(comparison.criterion == .aicc)
        for entry in comparison.entries {
            let k = Double(entry.criterion.parameterCount)
            let expected = entry.criterion.aic + 2 * k * (k + 1) / (5 - k - 1)
            #expect(abs(try #require(entry.criterion.aicc) - expected) < 1e-12)
        }
        #expect(abs(comparison.entries.map(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    @Test("an exact line wins decisively against a curve it does not follow")
    func decisive() throws {
        // 1/r exactly linear with a visible intercept, plus a tiny perturbation to keep SSE > 0.
        let x = [1.0, 2, 3, 4, 6, 8, 10]
        let noise = [1e-4, -2e-4, 1e-4, 0, 2e-4, -1e-4, -1e-4]
        let radii = x.indices.map { 1 / (0.5 + 0.2 * x[$0] + noise[$0]) }
        let comparison = try RadiusCurrentAnalysis(
            conditions: zip(x, radii).map { ConditionEstimate(currentDensity: $0, meanRadius: $1) },
            options: .init(bootstrap: nil)).comparison
        let best = try #require(comparison.entries.min { $0.delta < $1.delta })
        #expect(best.model == .inverseRadiusLinear)
        #expect(!comparison.isUndecided)
        #expect(best.weight > 0.99)
    }

    @Test("leave-one-out slopes 0.2622, 0.2518, 0.2544, 0.2202; Cook's distance flags i = 10")
    func influence() throws {
        let influence = try pointInfluence(x: i, y: r.map { 1 / $0 })
        let printed = [0.2622, 0.2518, 0.2544, 0.2202]
        for (point, value) in zip(influence, printed) {
            #expect(Tolerance.roundsTo(try #require(point.leaveOneOutSlope), value, decimals: 4))
        }
        for k in 0..<4 {
            #expect(Tolerance.close(influence[k].leverage, ModelReference.leverage[k], relative: 1e-10))
            #expect(Tolerance.close(try #require(influence[k].cooksDistance), ModelReference.cooksDistance[k],
                                    relative: 1e-9))
            #expect(Tolerance.close(try #require(influence[k].leaveOneOutSlope), ModelReference.leaveOneOutSlopes[k],
                                    relative: 1e-10))
            #expect(Tolerance.close(try #require(influence[k].leaveOneOutIntercept),
                                    ModelReference.leaveOneOutIntercepts[k], relative: 1e-9))
        }
        // Leverages of a straight line sum to p = 2.
        #expect(abs(influence.map(\.leverage).reduce(0, +) - 2) < 1e-12)
    }

    @Test("leave-one-out with three points where two share x: the refit without the odd one is undefined")
    func influenceDegenerate() throws {
        let influence = try pointInfluence(x: [1, 1, 3], y: [1, 2, 5])
        #expect(influence[2].leaveOneOutSlope == nil)
        #expect(influence[2].cooksDistance == nil)  // h = 1 for the only point at x = 3
        #expect(influence[0].leaveOneOutSlope != nil)
    }
}
