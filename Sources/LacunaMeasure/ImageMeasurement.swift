import LacunaImage

/// Everything measured on one image, in pixels, with the calibration that converts to µm.
public struct ImageMeasurement: Sendable, Equatable {
    /// Width of the analysed frame in pixels.
    public var width: Int
    /// Height of the analysed frame in pixels (the stored height minus the data bar).
    public var height: Int
    /// Rows of data bar cut off below the frame.
    public var databarHeight: Int
    /// Pixel size and its source.
    public var calibration: Calibration
    /// The grey level separating pores from framework (pores `≤` it when dark, `>` when bright).
    public var threshold: Int
    /// All pores, border pores included, in label order.
    public var pores: [RegionProperties]
    /// How `databarHeight` was found.
    public var databarMethod: DatabarMethod
    /// Column and row of the analysed region's top-left corner in the stored image (non-zero
    /// with a region of interest); pore positions are reported relative to the stored image.
    public var originX: Int
    public var originY: Int
    /// Things the user should know about this image (calibration disagreements, …).
    public var warnings: [String]
    /// The radius the distribution statistics use (`radiusDistributionPixels`); the
    /// `*RadiusStatistics*` properties always use the equivalent radius.
    public var radiusDefinition: RadiusDefinition
    /// How edge pores enter the distribution statistics.
    public var edgeHandling: EdgeHandling
    /// Grey-level checks of the frame, when measured.
    public var quality: ImageQuality?
    /// Porosity and mean radius at the threshold ± a few grey levels, when measured.
    public var thresholdSensitivity: ThresholdSensitivity?
    /// Pixels of the frame that were analysed (a region-of-interest mask or the automatic mask);
    /// `nil` when the whole frame was. Porosity and number densities divide by it.
    public var analysedPixelCount: Int? = nil
    /// What limited the analysed pixels: `frame` (nothing), `file` (`--roi-mask`), `auto`
    /// (`--auto-mask`) or `file+auto`.
    public var analysedRegionSource: String = "frame"
    /// How pore outlines were located (areas and radii follow it).
    public var boundaryMethod: BoundaryMethod = .pixels
    /// Which per-pore measurements were made (`--measure`).
    public var measurementSet: MeasurementSet = .full
    /// The blur of the pores' edges (`edgeBlurEstimate`), when estimated.
    public var edgeBlur: EdgeBlurEstimate? = nil

    public init(width: Int, height: Int, databarHeight: Int, calibration: Calibration, threshold: Int,
                pores: [RegionProperties], databarMethod: DatabarMethod = .none, originX: Int = 0,
                originY: Int = 0, warnings: [String] = [], radiusDefinition: RadiusDefinition = .equivalent,
                edgeHandling: EdgeHandling = .exclude, quality: ImageQuality? = nil,
                thresholdSensitivity: ThresholdSensitivity? = nil) {
        self.width = width
        self.height = height
        self.databarHeight = databarHeight
        self.calibration = calibration
        self.threshold = threshold
        self.pores = pores
        self.databarMethod = databarMethod
        self.originX = originX
        self.originY = originY
        self.warnings = warnings
        self.radiusDefinition = radiusDefinition
        self.edgeHandling = edgeHandling
        self.quality = quality
        self.thresholdSensitivity = thresholdSensitivity
    }

    /// Pores that do not touch the frame's edge; only these enter size statistics, because a
    /// cut pore's size is unknown.
    public var interiorPores: [RegionProperties] { pores.filter { !$0.touchesBorder } }

    /// Analysed area in px²: the masked pixels, or the whole frame.
    public var analysedArea: Double { Double(analysedPixelCount ?? width * height) }

    /// Pore area (each pore's `measuredArea`) over the analysed area, border pores included
    /// (they are pore space in the frame).
    public var porosity: Double {
        let area = analysedArea
        return area == 0 ? 0 : pores.reduce(0) { $0 + $1.measuredArea } / area
    }

    /// Equivalent radii of interior pores, in pixels.
    public var radiusStatisticsPixels: SizeStatistics {
        SizeStatistics(interiorPores.map(\.equivalentRadius))
    }

    /// Equivalent radii of interior pores in µm, or `nil` without a calibration. The radius is
    /// √(area/π) with area = measured px² × pixel area, so anisotropic pixels are handled exactly.
    public var radiusStatisticsMicrometres: SizeStatistics? {
        guard let size = calibration.pixelSize else { return nil }
        return SizeStatistics(interiorPores.map { ($0.measuredArea * size.area / Double.pi).squareRoot() })
    }
}
