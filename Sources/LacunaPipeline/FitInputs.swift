import LacunaFit
import LacunaMeasure
import LacunaReport

/// The inputs of the r–i fit from analysed images.
///
/// Per image: the equivalent radii √(A/π) in µm of its interior pores (the pores that enter
/// `mean_radius_um` in images.csv; border pores are cut, so their size is unknown). Images
/// without a current density, without a calibration or without interior pores are left out.
/// Per condition (one current density): those images, their mean porosity, and the mean of the
/// per-image mean radii with its standard error (``ConditionSample/estimate()``).
struct FitInputs {
    /// One point per image, in input order (the first-release fit.json models).
    var points: [FitReport.Point] = []
    /// One entry per current density, ascending.
    var conditions: [FitReport.Condition] = []
    /// Pore radii per image per condition, aligned with ``conditions``.
    var samples: [ConditionSample] = []

    init(records: [ImageRecord]) throws(FitError) {
        var byDensity: [Double: (images: [[Double]], porosities: [Double])] = [:]
        for record in records {
            guard let density = record.currentDensity, let measurement = record.measurement,
                  let size = measurement.calibration.pixelSize else { continue }
            let radii = measurement.interiorPores.map { (Double($0.area) * size.area / Double.pi).squareRoot() }
            guard let mean = measurement.radiusStatisticsMicrometres?.mean, !radii.isEmpty else { continue }
            points.append(FitReport.Point(image: record.image, currentDensity: density, radiusMicrometres: mean))
            byDensity[density, default: ([], [])].images.append(radii)
            byDensity[density, default: ([], [])].porosities.append(measurement.porosity)
        }
        for (index, density) in byDensity.keys.sorted().enumerated() {
            guard let group = byDensity[density] else { continue }
            let sample = ConditionSample(currentDensity: density, images: group.images)
            let estimate: ConditionEstimate
            do {
                estimate = try sample.estimate()
            } catch .emptyCondition {
                throw .emptyCondition(index: index)
            }
            let porosity = group.porosities.reduce(0, +) / Double(group.porosities.count)
            samples.append(sample)
            conditions.append(FitReport.Condition(estimate: estimate, meanPorosity: porosity))
        }
    }

    /// Number of distinct current densities.
    var conditionCount: Int { conditions.count }
}
