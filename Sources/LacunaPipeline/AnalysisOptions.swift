import LacunaIO
import LacunaMeasure
import LacunaNetwork
import LacunaSegmentation

/// Every parameter of the per-image analysis, with the defaults documented in docs/cli.md.
public struct AnalysisOptions: Sendable, Equatable {
    /// How the instrument's information bar is found.
    public enum Databar: Sendable, Equatable {
        /// Vendor metadata when it records a bar; otherwise the pixel heuristic
        /// (`DatabarDetector`).
        case automatic
        /// No bar: analyse every row.
        case none
        /// Exactly this many rows at the bottom.
        case rows(Int)
    }

    /// Which pages of multi-page files (TIFF stacks: TOF-SIMS depth frames, FIB-SEM sections)
    /// are analysed.
    public enum Pages: Sendable, Equatable {
        /// One page, counted from 1.
        case page(Int)
        /// Every page, each as its own row.
        case all
    }

    /// A rectangle of the frame (data bar already cut off) in pixels: the part to analyse.
    public struct Region: Sendable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// Which side of the threshold the pores are on (default dark holes in a bright framework).
    public var polarity: PorePolarity = .dark
    /// Gaussian smoothing σ in pixels before thresholding (default 1.0; 0 disables).
    public var blurSigma: Double = 1.0
    /// Pores smaller than this many pixels are dropped as noise (default 10 px, i.e. an
    /// equivalent radius below 1.8 px, which no size measurement can resolve).
    public var minimumPoreArea: Int = 10
    /// Pixel size in µm for every image, overriding metadata (source `manual`).
    public var pixelSizeOverride: Double? = nil
    /// Largest image accepted, in pixels.
    public var maxPixels: Int = 500_000_000
    /// Data-bar handling (default automatic).
    public var databar: Databar = .automatic
    /// Only this part of the frame is analysed (default: all of it).
    public var region: Region? = nil
    /// Length in µm of the scale bar burned into the data bar; the pixel size becomes this over
    /// the bar's measured length (source `scale_bar`), unless a manual pixel size is given.
    public var scaleBarMicrometres: Double? = nil
    /// Pages analysed (default the first).
    public var pages: Pages = .page(1)
    /// Colour map through which RGB images (TOF-SIMS renderings) are inverted to levels 0…255
    /// instead of being converted to luma.
    public var colorMap: ColorMap? = nil
    /// Worst nearest-entry colour distance (RGB units, 0…441.7) above which the inversion is
    /// reported as a poor match.
    public static let colorMapTolerance = 20.0
    /// The radius the per-image distribution statistics use (`--radius`, default equivalent).
    public var radiusDefinition: RadiusDefinition = .equivalent
    /// How pores touching the frame edge enter those statistics (`--edge`, default exclude).
    public var edgeHandling: EdgeHandling = .exclude
    /// How pore outlines are located for areas and radii (`--boundary`, default subpixel:
    /// docs/methods.md gives the accuracy of both on fresh synthetic images).
    public var boundary: BoundaryMethod = .subpixel
    /// Which per-pore measurements are made (`--measure`, default full).
    public var measure: MeasurementSet = .full
    /// Which overlays are written (`--overlays`, default all).
    public var overlays: OverlaySet = .all
    /// Touching pores are split where the distance map has maxima of more than this dynamic, in
    /// px (`--split-tolerance`, default 1); `nil` keeps every 8-connected component whole.
    public var splitTolerance: Double? = 1.0
    /// Radius in px of a disc opening, then closing, of the pore mask (`--open`, `--close`;
    /// default 0: none).
    public var openingRadius: Double = 0
    public var closingRadius: Double = 0
    /// Drop pores touching the frame or region edge entirely (`--clear-border`, default off:
    /// they are listed and counted in porosity but left out of the radius statistics).
    public var clearBorder = false
    /// A PNG (any readable image) of the frame's size whose non-zero pixels are analysed
    /// (`--roi-mask`); porosity and densities then use its area.
    public var regionMaskPath: String? = nil
    /// Leave out large featureless regions (`--auto-mask`): see `structuredRegion`.
    public var autoMask = false
    /// Window radius in px of the automatic mask (`--auto-mask-window`, default 64); must exceed
    /// the largest pore radius.
    public var autoMaskWindow = 64
    /// Pre-processing and threshold (default: none, then Otsu in the scikit-image convention).
    public var segmentation = SegmentationOptions()
    /// The cell-network analysis (`--cells`, default auto; docs/methods.md).
    public var network = NetworkOptions()

    public init() {}

    /// The first inconsistency between fields, or `nil`: the segmentation's, or a radius
    /// definition that needs the shape descriptors `--measure basic` leaves out. Single fields
    /// are range-checked when set (`set(_:to:)`).
    public var inconsistency: String? {
        if let problem = segmentation.inconsistency { return problem }
        if measure == .basic && radiusDefinition != .equivalent {
            return "--radius \(radiusDefinition.rawValue) needs the shape descriptors: use --measure full"
        }
        return nil
    }
}
