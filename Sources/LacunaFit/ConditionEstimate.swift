/// One experimental condition (one current density) as the r–i models see it: the mean pore
/// radius with its standard error.
///
/// Produced from pore-level data by ``ConditionSample/estimate()``, or given directly (a row of
/// a `lacuna fit` table).
public struct ConditionEstimate: Sendable, Equatable {
    /// Where ``radiusStandardError`` came from.
    public enum StandardErrorSource: String, Sendable, Equatable {
        /// Image-to-image spread: SD of the per-image means / √(number of images).
        case images
        /// Pore-to-pore spread within the only image: SD of its pore radii / √(number of pores).
        case pores
        /// Given by the user (a table's `radius_se_um`).
        case given
        /// Not available (one image with one pore, or a table row without `radius_se_um`).
        case none
    }

    /// Stripping current density i, in mA/cm².
    public var currentDensity: Double
    /// Standard error of the current density, in mA/cm², when known (enables ODR).
    public var currentDensityStandardError: Double?
    /// Mean pore radius r over the condition, in µm.
    public var meanRadius: Double
    /// Standard error of ``meanRadius``, in µm, when known.
    public var radiusStandardError: Double?
    /// How ``radiusStandardError`` was obtained.
    public var standardErrorSource: StandardErrorSource
    /// Number of images (or table rows) behind the mean.
    public var imageCount: Int
    /// Number of pores behind the mean, when known.
    public var poreCount: Int?

    public init(currentDensity: Double, currentDensityStandardError: Double? = nil, meanRadius: Double,
                radiusStandardError: Double? = nil, standardErrorSource: StandardErrorSource? = nil,
                imageCount: Int = 1, poreCount: Int? = nil) {
        self.currentDensity = currentDensity
        self.currentDensityStandardError = currentDensityStandardError
        self.meanRadius = meanRadius
        self.radiusStandardError = radiusStandardError
        self.standardErrorSource = standardErrorSource ?? (radiusStandardError == nil ? .none : .given)
        self.imageCount = imageCount
        self.poreCount = poreCount
    }

    /// 1/r in µm⁻¹.
    public var inverseRadius: Double { 1 / meanRadius }

    /// Standard error of 1/r in µm⁻¹ by the delta method, σ(1/r) = σ_r/r² (first-order Taylor
    /// expansion of 1/r; accurate while σ_r ≪ r).
    public var inverseRadiusStandardError: Double? {
        radiusStandardError.map { $0 / (meanRadius * meanRadius) }
    }
}
