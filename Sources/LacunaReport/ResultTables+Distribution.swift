import LacunaImage
import LacunaMeasure

/// The columns the size-distribution statistics and shape descriptors append to images.csv and
/// pores.csv (docs/cli.md).
extension ResultTables {
    /// Appended to images.csv: the radius definition and edge handling, the distribution of
    /// that radius (px, then µm), number densities and quality checks.
    static let distributionColumns = [
        "radius_definition", "edge_handling", "statistics_pore_count", "statistics_weight_sum",
        "number_mean_radius_px", "area_mean_radius_px", "d10_radius_px", "d50_radius_px", "d90_radius_px",
        "lognormal_mu_px", "lognormal_sigma",
        "number_mean_radius_um", "area_mean_radius_um", "d10_radius_um", "d50_radius_um", "d90_radius_um",
        "lognormal_mu_um", "pore_density_per_um2", "pore_density_per_px2",
        "saturated_fraction", "contrast", "border_pore_fraction",
        "psf_sigma_px", "psf_sigma_um", "edge_sigma_px", "edge_wall_width_px", "edge_profile_pores", "qa_flags",
        "threshold_step", "porosity_threshold_lower", "porosity_threshold_raised",
        "mean_radius_px_threshold_lower", "mean_radius_px_threshold_raised",
    ]

    /// Appended to pores.csv: shape descriptors in pixel units, the radius under the image's
    /// definition and the pore's weight in the statistics.
    static let shapeColumns = [
        "perimeter_imagej_px", "perimeter_crofton_px", "circularity_imagej", "solidity_imagej", "solidity_skimage",
        "ellipse_major_imagej_px", "ellipse_minor_imagej_px", "ellipse_angle_deg",
        "major_axis_skimage_px", "minor_axis_skimage_px", "eccentricity", "orientation_skimage_rad",
        "feret_px", "min_feret_px", "feret_angle_deg", "inscribed_radius_px", "local_thickness_radius_px",
        "radius_px", "radius_um", "statistics_weight", "feret_skimage_px", "boundary_area_px",
    ]

    static func distributionFields(_ m: ImageMeasurement) -> [String] {
        let px = m.radiusDistributionPixels
        let um = m.radiusDistributionMicrometres
        let f = { (x: Double?) in NumberFormat.significant(x) }
        return [
            m.radiusDefinition.rawValue, m.edgeHandling.rawValue, String(px.count), f(px.weightSum),
            f(px.numberMean), f(px.areaMean), f(px.d10), f(px.d50), f(px.d90), f(px.logMean), f(px.logSD),
            f(um?.numberMean), f(um?.areaMean), f(um?.d10), f(um?.d50), f(um?.d90), f(um?.logMean),
            f(m.numberDensityPerSquareMicrometre), f(m.numberDensityPerPixel),
            f(m.quality?.saturatedFraction), f(m.quality?.contrast), f(m.borderPoreFraction),
            f(m.edgeBlur?.psfSigma), f(m.edgeBlur.flatMap { b in m.calibration.pixelSize.map { b.psfSigma * $0.isotropicLength } }),
            f(m.edgeBlur?.totalSigma), f(m.edgeBlur?.wallWidth), m.edgeBlur.map { String($0.pores) } ?? "",
            m.qualityFlags.joined(separator: ";"),
            m.thresholdSensitivity.map { String($0.step) } ?? "",
            m.thresholdSensitivity.map { NumberFormat.fixed($0.porosityLower, decimals: 6) } ?? "",
            m.thresholdSensitivity.map { NumberFormat.fixed($0.porosityRaised, decimals: 6) } ?? "",
            f(m.thresholdSensitivity?.meanRadiusLower), f(m.thresholdSensitivity?.meanRadiusRaised),
        ]
    }

    static func shapeFields(_ pore: RegionProperties, in m: ImageMeasurement) -> [String] {
        let f = { (x: Double?) in NumberFormat.significant(x) }
        let s = pore.shape
        return [
            f(s?.perimeterImageJ), f(s?.perimeterCrofton), f(s?.circularityImageJ), f(s?.solidityImageJ),
            f(s?.soliditySkimage), f(s?.ellipseMajorImageJ), f(s?.ellipseMinorImageJ), f(s?.ellipseAngleDegrees),
            f(s?.majorAxisSkimage), f(s?.minorAxisSkimage), f(s?.eccentricity), f(s?.orientationSkimage),
            f(s?.feret), f(s?.minFeret), f(s?.feretAngleDegrees), f(s?.inscribedRadius), f(s?.localThicknessRadius),
            f(m.radiusDefinition.radiusPixels(of: pore)), f(m.radiusMicrometres(of: pore)),
            f(m.statisticsWeight(of: pore)), f(s?.feretSkimage), f(pore.boundaryArea),
        ]
    }
}
