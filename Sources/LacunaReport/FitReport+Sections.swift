import LacunaFit

/// The fit.json sections added by the per-condition analysis (docs/fitting.md lists every key).
/// Each model object names its variables with units in `x` and `y` and the units of its
/// coefficients in `units`, as `inverse_radius_linear` does with `x` and `y`.
extension FitReport {
    static let currentDensityName = "current_density_mA_per_cm2"
    static let inverseRadiusName = "inverse_radius_per_um"
    static let inverseRadiusUnits: JSONValue = .object([
        "slope": .string("µm⁻¹ per mA/cm²"), "intercept": .string("µm⁻¹"),
    ])

    var conditionsJSON: JSONValue {
        .array(conditions.map { condition in
            let e = condition.estimate
            let contact = condition.meanPorosity.map(ContactState.init(porosity:))
            return .object([
                "current_density": .finite(e.currentDensity),
                "current_density_se": .finite(e.currentDensityStandardError),
                "n_images": .int(e.imageCount),
                "n_pores": JSONValue.optional(e.poreCount) { .int($0) },
                "mean_radius_um": .finite(e.meanRadius),
                "se_radius_um": .finite(e.radiusStandardError),
                "se_source": .string(e.standardErrorSource.rawValue),
                "inverse_radius_per_um": .finite(e.inverseRadius),
                "se_inverse_radius_per_um": .finite(e.inverseRadiusStandardError),
                "mean_porosity": .finite(condition.meanPorosity),
                "active_area_ratio": .finite(contact?.activeAreaRatio),
                "local_current_density_ratio": .finite(contact?.localCurrentDensityRatio),
                "contact_class": JSONValue.optional(contact) { .string($0.stability.rawValue) },
                "overpotential_V": .finite(physics.overpotentialVolts(currentDensity: e.currentDensity)),
                "driving_force_MPa": .finite(physics.drivingForceMegapascals(currentDensity: e.currentDensity)),
            ])
        })
    }

    var modelsJSON: JSONValue {
        guard let a = analysis else { return .null }
        return .object([
            "inverse_radius_linear": Self.linearJSON(a.linear),
            "through_origin": Self.throughOriginJSON(a.throughOrigin, test: a.interceptTest),
            "wls_constant_relative_error": Self.weightedJSON(a.weightedConstantRelativeError,
                                                             weighting: "w = r² (σ(1/r) ∝ 1/r: constant relative error of r)"),
            "wls_delta_method": JSONValue.optional(a.weightedDeltaMethod) {
                Self.weightedJSON($0, weighting: "w = r⁴/σ_r² (delta method σ(1/r) = σ_r/r²)")
            },
            "power_law": Self.powerLawJSON(a.powerLaw, test: a.powerLawTest),
            "radius_vs_inverse_current": Self.radiusVersusInverseCurrentJSON(a.radiusVersusInverseCurrent),
            "odr": JSONValue.optional(a.orthogonal, Self.orthogonalJSON),
        ])
    }

    var comparisonJSON: JSONValue {
        guard let comparison = analysis?.comparison else { return .null }
        return .object([
            "criterion": .string(comparison.criterion.rawValue),
            "scale": .string("radius_um"),
            "undecided": .bool(comparison.isUndecided),
            "models": .array(comparison.entries.map { entry in
                .object([
                    "model": .string(entry.model.rawValue),
                    "k_parameters": .int(entry.criterion.parameterCount),
                    "log_likelihood": .finite(entry.criterion.logLikelihood),
                    "aic": .finite(entry.criterion.aic),
                    "aicc": .finite(entry.criterion.aicc),
                    "delta": .finite(entry.delta),
                    "weight": .finite(entry.weight),
                ])
            }),
        ])
    }

    var influenceJSON: JSONValue {
        guard let analysis else { return .null }
        return .array(analysis.influence.map { point in
            .object([
                "current_density": .finite(analysis.conditions[point.index].currentDensity),
                "leverage": .finite(point.leverage),
                "cooks_distance": .finite(point.cooksDistance),
                "leave_one_out_slope": .finite(point.leaveOneOutSlope),
                "leave_one_out_intercept": .finite(point.leaveOneOutIntercept),
            ])
        })
    }

    var bootstrapJSON: JSONValue {
        guard let bootstrap else { return .null }
        func interval(_ value: BootstrapInterval, unit: String) -> JSONValue {
            .object([
                "estimate": .finite(value.estimate),
                "se": .finite(value.standardError),
                "percentile_ci": .interval(value.percentile),
                "bca_ci": .interval(value.bca),
                "bias_correction_z0": .finite(value.biasCorrection),
                "acceleration": .finite(value.acceleration),
                "unit": .string(unit),
            ])
        }
        let options = bootstrap.options
        return .object([
            "resamples": .int(options.resamples),
            "seed": .string(String(options.seed)),
            "confidence_level": .finite(options.confidenceLevel),
            "levels": .string(options.resamplesPores ? "images_and_pores" : "images"),
            "slope": interval(bootstrap.slope, unit: "µm⁻¹ per mA/cm²"),
            "intercept": interval(bootstrap.intercept, unit: "µm⁻¹"),
            "exponent": interval(bootstrap.exponent, unit: "1"),
        ])
    }

    var physicsJSON: JSONValue {
        let slope = analysis?.throughOrigin.slope
        let olsSlope = analysis?.linear.slope
        return .object([
            "series_resistance_ohm_cm2": .finite(physics.seriesResistanceOhmSquareCentimetres),
            "molar_volume_m3_per_mol": .finite(physics.molarVolumeCubicMetresPerMole),
            "faraday_C_per_mol": .finite(physics.faradayCoulombsPerMole),
            "gamma_eff_J_per_m2": .finite(slope.map(physics.effectiveSurfaceEnergyJoulesPerSquareMetre)),
            "gamma_eff_from_ols_slope_J_per_m2": .finite(olsSlope.map(physics.effectiveSurfaceEnergyJoulesPerSquareMetre)),
        ])
    }

    static func linearJSON(_ fit: LinearFit) -> JSONValue {
        .object([
            "slope": .finite(fit.slope), "slope_se": .finite(fit.slopeStandardError),
            "slope_ci95": .interval(fit.slopeCI95), "slope_p_value": .finite(fit.slopePValue),
            "intercept": .finite(fit.intercept), "intercept_se": .finite(fit.interceptStandardError),
            "intercept_ci95": .interval(fit.interceptCI95), "r_squared": .finite(fit.rSquared),
            "residuals": .numbers(fit.residuals), "n_points": .int(fit.pointCount),
            "x": .string(currentDensityName), "y": .string(inverseRadiusName), "units": inverseRadiusUnits,
        ])
    }

    static func throughOriginJSON(_ fit: ThroughOriginFit, test: FTest) -> JSONValue {
        .object([
            "slope": .finite(fit.slope), "slope_se": .finite(fit.slopeStandardError),
            "slope_ci95": .interval(fit.slopeCI95), "residuals": .numbers(fit.residuals),
            "n_points": .int(fit.pointCount), "x": .string(currentDensityName), "y": .string(inverseRadiusName),
            "units": .object(["slope": .string("µm⁻¹ per mA/cm²")]),
            "f_test_intercept_zero": .object([
                "f": .finite(test.statistic), "df_numerator": .int(test.numeratorDegreesOfFreedom),
                "df_denominator": .int(test.denominatorDegreesOfFreedom), "p_value": .finite(test.pValue),
            ]),
        ])
    }

    static func weightedJSON(_ fit: WeightedLinearFit, weighting: String) -> JSONValue {
        .object([
            "slope": .finite(fit.slope), "slope_se": .finite(fit.slopeStandardError),
            "slope_ci95": .interval(fit.slopeCI95), "slope_se_absolute": .finite(fit.slopeStandardErrorAbsolute),
            "intercept": .finite(fit.intercept), "intercept_se": .finite(fit.interceptStandardError),
            "intercept_ci95": .interval(fit.interceptCI95),
            "intercept_se_absolute": .finite(fit.interceptStandardErrorAbsolute),
            "chi_squared": .finite(fit.chiSquared), "reduced_chi_squared": .finite(fit.reducedChiSquared),
            "weights": .numbers(fit.weights), "weighting": .string(weighting),
            "residuals": .numbers(fit.residuals), "n_points": .int(fit.pointCount),
            "x": .string(currentDensityName), "y": .string(inverseRadiusName), "units": inverseRadiusUnits,
        ])
    }

    static func powerLawJSON(_ fit: PowerLawFit, test: TTest) -> JSONValue {
        .object([
            "exponent": .finite(fit.exponent), "exponent_se": .finite(fit.exponentStandardError),
            "exponent_ci95": .interval(fit.exponentCI95), "prefactor_um": .finite(fit.prefactor),
            "prefactor_ci95_um": .interval(fit.prefactorCI95), "r_squared_log": .finite(fit.rSquared),
            "residuals_log": .numbers(fit.logLine.residuals), "n_points": .int(fit.pointCount),
            "x": .string(currentDensityName), "y": .string("radius_um"),
            "test_exponent_minus_one": testJSON(test),
        ])
    }

    static func radiusVersusInverseCurrentJSON(_ fit: LinearFit) -> JSONValue {
        .object([
            "slope": .finite(fit.slope), "slope_se": .finite(fit.slopeStandardError),
            "slope_ci95": .interval(fit.slopeCI95), "intercept": .finite(fit.intercept),
            "intercept_se": .finite(fit.interceptStandardError), "intercept_ci95": .interval(fit.interceptCI95),
            "r_squared": .finite(fit.rSquared), "residuals": .numbers(fit.residuals), "n_points": .int(fit.pointCount),
            "x": .string("inverse_current_density_cm2_per_mA"), "y": .string("radius_um"),
            "units": .object(["slope": .string("µm·mA/cm²"), "intercept": .string("µm")]),
        ])
    }

    static func orthogonalJSON(_ fit: OrthogonalLinearFit) -> JSONValue {
        .object([
            "slope": .finite(fit.slope), "slope_se": .finite(fit.slopeStandardError),
            "slope_ci95": .interval(fit.slopeCI95), "slope_se_absolute": .finite(fit.slopeStandardErrorAbsolute),
            "intercept": .finite(fit.intercept), "intercept_se": .finite(fit.interceptStandardError),
            "intercept_ci95": .interval(fit.interceptCI95),
            "intercept_se_absolute": .finite(fit.interceptStandardErrorAbsolute),
            "sum_of_squares": .finite(fit.sumOfSquares), "residual_variance": .finite(fit.residualVariance),
            "current_density_adjustments": .numbers(fit.xAdjustments), "n_points": .int(fit.pointCount),
            "x": .string(currentDensityName), "y": .string(inverseRadiusName), "units": inverseRadiusUnits,
        ])
    }

    static func testJSON(_ test: TTest) -> JSONValue {
        .object([
            "hypothesised": .finite(test.hypothesised), "t": .finite(test.statistic),
            "df": .int(test.degreesOfFreedom), "p_value": .finite(test.pValue),
        ])
    }
}
