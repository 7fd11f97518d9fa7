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

    /// What one analysed image gives the fit: its name, current density, mean radius and the
    /// radii of its interior pores in µm, and its porosity. `nil` for images without a current
    /// density, a calibration or interior pores. Kept in the per-input cache (`RecordRows`), so
    /// a resumed or merged run fits exactly the same numbers.
    struct Contribution: Codable, Equatable, Sendable {
        var image: String
        var currentDensity: Double
        var meanRadius: Double
        var radii: [Double]
        var porosity: Double

        init?(_ record: ImageRecord) {
            guard let density = record.currentDensity, let measurement = record.measurement,
                  let size = measurement.calibration.pixelSize else { return nil }
            let radii = measurement.interiorPores.map { (Double($0.area) * size.area / Double.pi).squareRoot() }
            guard let mean = measurement.radiusStatisticsMicrometres?.mean, !radii.isEmpty else { return nil }
            image = record.image
            currentDensity = density
            meanRadius = mean
            self.radii = radii
            porosity = measurement.porosity
        }
    }

    init(records: [ImageRecord]) throws(FitError) {
        try self.init(contributions: records.compactMap(Contribution.init))
    }

    init(contributions: [Contribution]) throws(FitError) {
        var byDensity: [Double: (images: [[Double]], porosities: [Double])] = [:]
        for c in contributions {
            points.append(FitReport.Point(image: c.image, currentDensity: c.currentDensity, radiusMicrometres: c.meanRadius))
            byDensity[c.currentDensity, default: ([], [])].images.append(c.radii)
            byDensity[c.currentDensity, default: ([], [])].porosities.append(c.porosity)
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
