import LacunaFit

/// conditions.csv: one row per current density, ascending, as the per-condition models use it.
///
/// Columns (units in the names; `current_density` in mA/cm² as everywhere in Lacuna):
/// `current_density, n_images, n_pores, mean_radius_um, se_radius_um, se_source,
/// inverse_radius_per_um, se_inverse_radius_per_um, current_density_se, mean_porosity,
/// active_area_ratio, local_current_density_ratio, contact_class, overpotential_V,
/// driving_force_MPa`. `se_source` is `images` (image-to-image spread), `pores` (pore-level
/// spread of a single image), `given` (a table column) or `none`. Numbers have six significant
/// digits, porosity and area ratio six decimals; empty fields are unknown values.
public enum ConditionsTable {
    public static let header = [
        "current_density", "n_images", "n_pores", "mean_radius_um", "se_radius_um", "se_source",
        "inverse_radius_per_um", "se_inverse_radius_per_um", "current_density_se", "mean_porosity",
        "active_area_ratio", "local_current_density_ratio", "contact_class", "overpotential_V",
        "driving_force_MPa",
    ]

    /// The table of `report`'s conditions.
    public static func table(_ report: FitReport) -> CSVTable {
        var table = CSVTable(header: header)
        let physics = report.physics
        for condition in report.conditions {
            let e = condition.estimate
            let contact = condition.meanPorosity.map(ContactState.init(porosity:))
            table.append([
                NumberFormat.significant(e.currentDensity),
                String(e.imageCount),
                e.poreCount.map(String.init) ?? "",
                NumberFormat.significant(e.meanRadius),
                NumberFormat.significant(e.radiusStandardError),
                e.standardErrorSource.rawValue,
                NumberFormat.significant(e.inverseRadius),
                NumberFormat.significant(e.inverseRadiusStandardError),
                NumberFormat.significant(e.currentDensityStandardError),
                NumberFormat.fixed(condition.meanPorosity, decimals: 6),
                NumberFormat.fixed(contact?.activeAreaRatio, decimals: 6),
                NumberFormat.significant(contact?.localCurrentDensityRatio),
                contact?.stability.rawValue ?? "",
                NumberFormat.significant(physics.overpotentialVolts(currentDensity: e.currentDensity)),
                NumberFormat.significant(physics.drivingForceMegapascals(currentDensity: e.currentDensity)),
            ])
        }
        return table
    }
}
