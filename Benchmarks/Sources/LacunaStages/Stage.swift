/// One timed step of the analysis, run on its own on inputs prepared in advance
/// (``StageFixture``), so that each timing holds that step's work and nothing else.
///
/// The same cases are timed by the ordo-one suite (`swift package benchmark`, malloc counts
/// checked against `Thresholds/`) and by `lacuna-stages time`, whose JSON medians
/// `scripts/bench/compare` sets beside OpenCV and scikit-image doing the same step.
public enum Stage: String, CaseIterable, Sendable {
    /// Copy of the decoded samples (`memcpy`): the floor for point operations.
    case copy
    /// Read and decode the PNG fixture (zlib inflate, libpng).
    case decodePNG = "decode-png"
    /// Read and decode the JPEG fixture, quality 95 (libjpeg-turbo); 8-bit only.
    case decodeJPEG = "decode-jpeg"
    /// Read and decode the Deflate-compressed TIFF fixture (libtiff).
    case decodeTIFF = "decode-tiff"
    /// Gaussian blur, σ = 2 px.
    case blur
    /// Grey histogram, Otsu's level and the pore mask (`value ≤ level`).
    case threshold
    /// Opening of the pore mask by a disc of radius 1 px (the 3×3 cross).
    case opening
    /// Filling the holes of the pore mask.
    case fillHoles = "fill-holes"
    /// 8-connected labelling plus area, centroid and bounding box per pore (what OpenCV's
    /// `connectedComponentsWithStats` and the scikit-image column compute; perimeters are the
    /// `regions` stage).
    case labelStatistics = "label-stats"
    /// Area, perimeter, centroid and bounding box per pore from an existing label image.
    case regions
    /// Per-pore shape descriptors (traced and Crofton perimeters, convex hull and solidity,
    /// ellipse, Feret diameters, inscribed radius, local thickness).
    case shapes
    /// Sub-pixel outline areas of every pore: the edge response of the frame (σ = 1 px) and
    /// the rays cast from each centroid (`subpixelBoundaryAreas`), as `lacuna analyze` measures
    /// each pore's boundary area. No anchor does this; the stage is timed for Lacuna's profile.
    case subpixel
    /// Exact Euclidean distance transform of the pore mask.
    case distance
    /// Marker watershed of the blurred grey levels seeded by the pore labels.
    case watershed
    /// The cells of the framework: influence zones of the pores (SKIZ).
    case cells
    /// Overlay of the pore outlines on the grey frame, encoded as PNG at zlib level 1 (as
    /// `lacuna analyze` writes it).
    case overlay

    /// Whether the stage depends on the sample depth of the fixture. The others work on the
    /// pore mask or labels, which are the same for 8- and 16-bit frames, so they are timed on
    /// 8-bit fixtures only.
    public var dependsOnDepth: Bool {
        switch self {
        case .copy, .decodePNG, .decodeTIFF, .blur, .threshold: true
        default: false
        }
    }

    /// Whether the stage works on the pore mask, labels or measurements (prepared in advance).
    public var needsMask: Bool {
        switch self {
        case .copy, .decodePNG, .decodeJPEG, .decodeTIFF, .blur, .threshold: false
        default: true
        }
    }

    /// Whether the stage runs on a fixture of `bits` bits per sample (JPEG is 8-bit only).
    public func runs(onBits bits: Int) -> Bool {
        if self == .decodeJPEG { return bits == 8 }
        return bits == 8 || dependsOnDepth
    }
}
