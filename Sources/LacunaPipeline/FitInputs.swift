import LacunaFit
import LacunaMeasure
import LacunaReport

/// The inputs of the r–i fit from analysed images.
///
/// Per image: the radii in µm, under the radius definition and edge handling chosen for the
/// run (`--radius`, `--edge`; `ImageMeasurement.radiusMicrometres(of:)` and
/// `statisticsWeight(of:)`), of the pores that enter its distribution statistics, with their
/// weights — so the per-image mean is images.csv's `number_mean_radius_um` (with the defaults,
/// the equivalent radius √(A/π) of interior pores, i.e. `mean_radius_um`). Images without a
/// current density, a calibration, interior pores or such radii are left out. Per condition
/// (one current density): those images, their mean porosity, and the mean of the per-image
/// means with its standard error (``ConditionSample/estimate()``). The first-release points stay
/// one per image at `mean_radius_um`, as the CLI contract defines them.
struct FitInputs {
    /// One point per image, in input order (the first-release fit.json models).
    var points: [FitReport.Point] = []
    /// One entry per current density, ascending.
    var conditions: [FitReport.Condition] = []
    /// Pore radii per image per condition, aligned with ``conditions``.
    var samples: [ConditionSample] = []

    /// What one analysed image gives the fit: its name, current density, `mean_radius_um`, the
    /// radii in µm and weights of the pores in its distribution statistics, and its porosity.
    /// `nil` for images without a current density, a calibration, interior pores or such radii.
    /// Kept in the per-input cache (`RecordRows`), so a resumed or merged run fits exactly the
    /// same numbers.
    struct Contribution: Codable, Equatable, Sendable {
        var image: String
        var currentDensity: Double
        var meanRadius: Double
        var radii: [Double]
        /// Statistical weights of ``radii`` (Miles–Lantuéjoul under `--edge weight`); nil when all 1.
        var weights: [Double]?
        var porosity: Double

        init?(_ record: ImageRecord) {
            guard let density = record.currentDensity, let measurement = record.measurement,
                  measurement.calibration.pixelSize != nil,
                  let mean = measurement.radiusStatisticsMicrometres?.mean else { return nil }
            var radii: [Double] = []
            var weights: [Double] = []
            for pore in measurement.pores {
                let weight = measurement.statisticsWeight(of: pore)
                guard weight > 0, let radius = measurement.radiusMicrometres(of: pore), radius > 0 else { continue }
                radii.append(radius)
                weights.append(weight)
            }
            guard !radii.isEmpty else { return nil }
            image = record.image
            currentDensity = density
            meanRadius = mean
            self.radii = radii
            self.weights = weights.allSatisfy { $0 == 1 } ? nil : weights
            porosity = measurement.porosity
        }
    }

    init(records: [ImageRecord]) throws(FitError) {
        try self.init(contributions: records.compactMap(Contribution.init))
    }

    init(contributions: [Contribution]) throws(FitError) {
        var byDensity: [Double: (images: [[Double]], weights: [[Double]?], porosities: [Double])] = [:]
        for c in contributions {
            points.append(FitReport.Point(image: c.image, currentDensity: c.currentDensity, radiusMicrometres: c.meanRadius))
            byDensity[c.currentDensity, default: ([], [], [])].images.append(c.radii)
            byDensity[c.currentDensity, default: ([], [], [])].weights.append(c.weights)
            byDensity[c.currentDensity, default: ([], [], [])].porosities.append(c.porosity)
        }
        for (index, density) in byDensity.keys.sorted().enumerated() {
            guard let group = byDensity[density] else { continue }
            let weighted = group.weights.contains { $0 != nil }
            let weights = zip(group.images, group.weights).map { radii, w in
                w ?? [Double](repeating: 1, count: radii.count)
            }
            let sample = ConditionSample(currentDensity: density, images: group.images,
                                         weights: weighted ? weights : nil)
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
