/// Reference values for the issue-6 models, printed by `scripts/fit_models_reference.py`
/// (numpy 2.4, scipy 1.17.1) on the paper's data (`PaperReference`) unless stated otherwise.
enum ModelReference {
    // OLS 1/r = a + b·i (scipy.stats.linregress).
    static let slopePValue = 0.00201659279121
    static let residuals = [0.0624274099884, -0.0180783695592, -0.0834439466844, 0.0390949062552]
    static let sumOfSquaredResiduals = 0.0127153128971
    /// (i*, 1/r fitted, r_crit, 95 % prediction interval of 1/r, 95 % confidence interval of 1/r).
    static let predictions: [(x: Double, inverse: Double, radius: Double, prediction: (Double, Double),
                              confidence: (Double, Double))] = [
        (10, 2.46090509374, 0.40635455733, (1.99209459347, 2.92971559402), (2.14139745306, 2.78041273443)),
        (3, 0.688015043416, 1.45345659164, (0.297467737823, 1.07856234901), (0.501389629308, 0.874640457524)),
        (20, 4.99360516564, 0.200256120944, (4.14260343846, 5.84460689282), (4.21482035137, 5.77238997992)),
    ]

    // Through the origin (numpy.linalg.lstsq), t with n − 1 = 3 d.o.f.
    static let originSlope = 0.243329164061
    static let originSlopeStandardError = 0.00724776559284
    static let originSlopeCI = (0.220263539228, 0.266394788893)
    static let originSumOfSquares = 0.0204867413746

    // F test of a = 0 (scipy.stats.f.sf(F, 1, 2)).
    static let interceptF = 1.22237314022
    static let interceptFPValue = 0.384094638381

    // WLS, w = r² (numpy.linalg.lstsq on √w-scaled rows; curve_fit agrees to ~1e-7).
    static let relativeIntercept = 0.00365604528973
    static let relativeSlope = 0.22701402866
    static let relativeInterceptStandardError = 0.0357924425265
    static let relativeSlopeStandardError = 0.0199068359336
    static let relativeSlopeCI = (0.14136182669, 0.312666230631)
    static let relativeChiSquared = 0.0214387480495

    // WLS, delta method with σ_r = [0.35, 0.2, 0.09, 0.05] µm (numpy, w = r⁴/σ_r²).
    static let radiusStandardErrors = [0.35, 0.2, 0.09, 0.05]
    static let deltaIntercept = 0.0142498600998
    static let deltaSlope = 0.218606057941
    static let deltaInterceptStandardError = 0.0346179203272
    static let deltaSlopeStandardError = 0.0211169737869
    static let deltaInterceptStandardErrorAbsolute = 0.0329576532077
    static let deltaSlopeStandardErrorAbsolute = 0.0201042088111
    static let deltaChiSquared = 2.20657851154

    // Power law: test of n = −1.
    static let exponentStandardError = 0.057428815932
    static let exponentMinusOneT = -0.328872821894
    static let exponentMinusOneP = 0.773495687513

    // r = c + d/i.
    static let inverseCurrentSlope = 4.10204081633
    static let inverseCurrentIntercept = 0.104081632653
    static let inverseCurrentRSquared = 0.989808168165
    static let inverseCurrentSlopeStandardError = 0.294330716364

    // Log-likelihood on the radius scale, AIC, AICc (NaN = undefined).
    static let criteria: [(logLikelihood: Double, aic: Double, aicc: Double?)] = [
        (3.29712220617, -0.594244412337, nil),  // 1/r = a + b·i, k = 3
        (2.34318039094, -0.686360781886, 11.3136392181),  // 1/r = b·i, k = 2
        (3.630732723, -1.261465446, nil),  // r = A·iⁿ, k = 3
        (2.0294450371, 1.94110992581, nil),  // r = c + d/i, k = 3
    ]

    // Influence (hat matrix with numpy).
    static let leverage = [0.5, 0.377551020408, 0.255102040816, 0.867346938776]
    static let cooksDistance = [0.612990266049, 0.025047223904, 0.251757829812, 5.92477138568]
    static let leaveOneOutSlopes = [0.262188208617, 0.251788173619, 0.254413074953, 0.220189701897]
    static let leaveOneOutIntercepts = [-0.143140589569, -0.0578657425919, -0.0489336228979, 0.00338753387534]

    // ODR with σ_i = 5 % of i and σ(1/r) = σ_r/r²: the optimum and Gauss–Newton covariance at 40
    // digits (mpmath); scipy.odr agrees to ~1e-5.
    static let odrIntercept = 0.0112251853873
    static let odrSlope = 0.221485638541
    static let odrStandardErrors = (intercept: 0.0344186157299, slope: 0.020964058654)
    static let odrStandardErrorsAbsolute = (intercept: 0.0368806825345, slope: 0.0224636806407)
    static let odrSumOfSquares = 1.74188265793
    static let odrDeltas = [0.0111425712648, -0.0490057302665, -0.00677450756243, 0.137984160434]

    // Depletion time t = C·iᵏ for t = [96, 26.5, 3.8, 1.05] h.
    static let depletionHours = [96.0, 26.5, 3.8, 1.05]
    static let depletionExponent = -1.98274867419
    static let depletionExponentStandardError = 0.0385005424284
    static let depletionPrefactor = 98.4003940881
    static let depletionExponentCI = (-2.14840313816, -1.81709421021)
    static let depletionT = 0.448080071686
    static let depletionP = 0.69795772476

    // Stratified bootstrap data: per condition (i = 1, 2, 5, 10), one mean radius per image.
    static let strata: [[Double]] = [[4.3, 3.9, 4.0], [2.5, 2.2, 2.45], [0.95, 0.85, 0.92, 0.88], [0.42, 0.37, 0.41]]
    static let strataSlope = 0.252978546304
    static let strataExponent = -1.01478645948
    /// scipy's BCa and percentile intervals for the fixed distribution
    /// θ̂ + 0.01·(k − 14.5)/7 + 0.002·sin k, k = 0…39, and scipy's jackknife acceleration.
    static let fixedBCa = (0.233104013706, 0.281798249951)
    static let fixedPercentile = (0.235297986153, 0.287211797659)
    static let fixedAcceleration = 0.0552937981057
    /// scipy.stats.bootstrap with 9999 resamples (its own generator): intervals and SEs.
    static let scipySlopeBCa = (0.240735387932, 0.276191941637)
    static let scipySlopePercentile = (0.23979475274, 0.275137335736)
    static let scipySlopeStandardError = 0.00879656439227
    static let scipyExponentBCa = (-1.05023626395, -0.987542373788)
    static let scipyExponentPercentile = (-1.04663831649, -0.985441787041)
    static let scipyExponentStandardError = 0.0157208257364

    // Physics (paper constants F = 96485 C/mol, V_m = 1.3e-5 m³/mol, R_s = 10 Ω·cm²).
    static let drivingForceAt1 = 74.2192307692
    static let drivingForceAt10 = 742.192307692
    static let suppressedBy5MPa = 0.0673679846608
    static let gammaForOLSSlope = 146.521950216
    static let thicknessPerMilliampHour = 4.84909746115
}
