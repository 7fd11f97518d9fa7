import LacunaImage
import LacunaSegmentation

/// Shape measurements of one region in pixel units, each named by the convention it follows
/// (../shared/reference/anchors.md §4.1 defines them; docs/measurements.md discusses them).
public struct ShapeDescriptors: Sendable, Equatable {
    /// ImageJ's traced perimeter: crack-following outline with its corner correction, outer
    /// boundary only (`tracedPerimeter(of:)`).
    public var perimeterImageJ: Double
    /// Crofton perimeter, four directions (scikit-image `perimeter_crofton`).
    public var perimeterCrofton: Double
    /// ImageJ's circularity 4π·A/P² with its traced perimeter P, clamped to 1 (0 when P = 0).
    public var circularityImageJ: Double
    /// Area of the convex hull of the pixel corners (ImageJ), pixels².
    public var convexAreaImageJ: Double
    /// Pixel count of scikit-image's convex hull image (`area_convex`).
    public var convexAreaPixels: Int
    /// ImageJ's solidity: pixel count / `convexAreaImageJ`.
    public var solidityImageJ: Double
    /// scikit-image's solidity: pixel count / `convexAreaPixels`.
    public var soliditySkimage: Double
    /// ImageJ's area-preserving ellipse: major and minor axis (full lengths) and angle in
    /// degrees (0…180, counter-clockwise on screen).
    public var ellipseMajorImageJ: Double
    public var ellipseMinorImageJ: Double
    public var ellipseAngleDegrees: Double
    /// scikit-image's `axis_major_length`/`axis_minor_length` (4√λ of the inertia tensor of
    /// pixel centres), `eccentricity` and `orientation` (radians from the rows axis).
    public var majorAxisSkimage: Double
    public var minorAxisSkimage: Double
    public var eccentricity: Double
    public var orientationSkimage: Double
    /// ImageJ's Feret, MinFeret and FeretAngle over the pixel-corner hull.
    public var feret: Double
    public var minFeret: Double
    public var feretAngleDegrees: Double
    /// scikit-image's `feret_diameter_max` (contour through pixel-edge midpoints of its convex
    /// hull image), the Feret diameter of anchors.md §4.4.
    public var feretSkimage: Double
    /// Radius of the largest inscribed disk: the maximum Euclidean distance from a region
    /// pixel's centre to the nearest background pixel's centre (SciPy EDT convention; a lone
    /// pixel has 1).
    public var inscribedRadius: Double
    /// Mean local-thickness radius over the region's pixels (PoreSpy `local_thickness`,
    /// integer radii; see `localThickness(of:outsideIsBackground:)`).
    public var localThicknessRadius: Double

    /// Measures the region `region` of `labels` on its own (other regions and the image
    /// border count as background). O(bounding-box area × (1 + inscribed radius)).
    ///
    /// `known` holds the distance-map numbers of pores a split left whole (`splittingTouching
    /// Pores(_:tolerance:recordingDistances:)` on the mask `labels` came from); a region found
    /// there takes its inscribed radius and local thickness from them instead of computing its
    /// distance map again (the same values).
    public init<L: FixedWidthInteger & Sendable>(of region: RegionProperties, in labels: Image<L>,
                                                 known: WholePoreDistances? = nil) {
        precondition(labels.channels == 1, "shape descriptors need one channel, got \(labels.channels)")
        let crop = labels.samples.withUnsafeBufferPointer {
            RegionCrop(labels: $0, imageWidth: labels.width, region: region)
        }
        self.init(crop: crop, known: known.flatMap { known in
            crop.firstPixelIndex(imageWidth: labels.width).flatMap { known.entry(firstPixel: $0, area: region.area) }
        })
    }

    /// `known`: the region's entry in `WholePoreDistances`, if it has one.
    init(crop: RegionCrop, known: WholePoreDistances.Entry? = nil) {
        let moments = CentralMoments(of: crop)
        let area = Double(moments.count)
        perimeterImageJ = tracedPerimeter(of: crop)
        perimeterCrofton = croftonPerimeter(of: crop)
        circularityImageJ = perimeterImageJ == 0
            ? 0 : min(1, 4 * Double.pi * area / (perimeterImageJ * perimeterImageJ))
        let hull = cornerHull(of: crop)
        convexAreaImageJ = hull.area
        let hullRows = pixelHullRows(of: crop)
        convexAreaPixels = hullRows.reduce(0) { $0 + ($1.map { $0.last - $0.first + 1 } ?? 0) }
        feretSkimage = skimageFeretDiameter(hullRows: hullRows)
        solidityImageJ = convexAreaImageJ > 0 ? area / convexAreaImageJ : 0
        soliditySkimage = convexAreaPixels > 0 ? area / Double(convexAreaPixels) : 0
        let imagej = ImageJEllipse(moments: moments)
        ellipseMajorImageJ = imagej.major
        ellipseMinorImageJ = imagej.minor
        ellipseAngleDegrees = imagej.angleDegrees
        let skimage = ScikitEllipse(moments: moments)
        majorAxisSkimage = skimage.major
        minorAxisSkimage = skimage.minor
        eccentricity = skimage.eccentricity
        orientationSkimage = skimage.orientation
        let feretValues = FeretDiameters(hull: hull)
        feret = feretValues.maximum
        minFeret = feretValues.minimum
        feretAngleDegrees = feretValues.angleDegrees
        let (deepest, sum) = known.map { ($0.deepestSquared, $0.localThicknessSum) } ?? {
            let squared = squaredDistanceMap(of: crop.mask, outsideIsBackground: false)
            // Every painted pixel is a region pixel (a disk lies within its centre's distance).
            return (squared.samples.max() ?? 0, localThicknessSum(squaredDistances: squared))
        }()
        inscribedRadius = deepest == .max ? .infinity : Double(deepest).squareRoot()
        localThicknessRadius = area > 0 ? Double(sum) / area : 0
    }
}

/// Shape descriptors of every region, in the order of `regions`, measured by up to `threads`
/// threads (the same result for any number); `known` as in `ShapeDescriptors(of:in:known:)`.
/// Complexity Σ over regions of O(bounding-box area × (1 + inscribed radius)).
@_specialize(where L == Int32)
@_specialize(where L == UInt16)
public func measureShapes<L: FixedWidthInteger & Sendable>(of labels: Image<L>, regions: [RegionProperties],
                                                           threads: Int = 1,
                                                           known: WholePoreDistances? = nil) -> [ShapeDescriptors] {
    parallelMap(regions.count, threads: threads) { ShapeDescriptors(of: regions[$0], in: labels, known: known) }
}
