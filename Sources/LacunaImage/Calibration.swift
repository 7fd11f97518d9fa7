/// Where a pixel size came from. The raw values are the `pixel_size_source` strings of the
/// CLI contract (docs/cli.md).
public enum PixelSizeSource: String, Sendable, Codable, CaseIterable {
    /// FEI / Thermo Fisher xT metadata (TIFF tag 34682, `[Scan] PixelWidth` in metres).
    case fei
    /// Zeiss SmartSEM metadata (TIFF tag 34118).
    case zeiss
    /// Tescan metadata (TIFF tag 50431 or `.hdr` sidecar, `[MAIN] PixelSizeX` in metres).
    case tescan
    /// JEOL `.txt` sidecar.
    case jeol
    /// Hitachi `.txt` sidecar.
    case hitachi
    /// ImageJ `ImageDescription` with `unit=`.
    case imagej
    /// Plain TIFF XResolution/YResolution in a physical unit (never a screen or print DPI;
    /// `TIFFResolutionMetadata` in LacunaIO says which tags qualify).
    case tiff
    /// Given by the user (`--pixel-size`, a manifest column).
    case manual
    /// The user's scale-bar length (`--scale-bar-um`) over the bar's length measured in the image.
    case scaleBar = "scale_bar"
    /// No calibration: lengths stay in pixels.
    case none
}

/// The physical size of one pixel, in micrometres, in x (columns) and y (rows).
public struct PixelSize: Sendable, Equatable, Codable {
    /// Width of a pixel in µm.
    public var x: Double
    /// Height of a pixel in µm.
    public var y: Double

    /// A pixel size in µm; both values must be finite and positive.
    public init(x: Double, y: Double) {
        precondition(x.isFinite && x > 0 && y.isFinite && y > 0, "invalid pixel size \(x)×\(y) µm")
        self.x = x
        self.y = y
    }

    /// A square pixel of `micrometres` on each side.
    public init(square micrometres: Double) {
        self.init(x: micrometres, y: micrometres)
    }

    /// Whether the value is usable as a pixel size (finite and positive).
    public static func isValid(_ micrometres: Double) -> Bool {
        micrometres.isFinite && micrometres > 0
    }

    /// Area of one pixel in µm².
    public var area: Double { x * y }

    /// The length in µm of one pixel unit of a boundary of unknown direction. Equal to `x` for
    /// square pixels; for anisotropic pixels the geometric mean √(x·y) (an approximation that
    /// the measurement layer documents where it uses it).
    public var isotropicLength: Double { x == y ? x : (x * y).squareRoot() }
}

/// A pixel size and where it came from; `pixelSize == nil` exactly when `source == .none`.
public struct Calibration: Sendable, Equatable {
    /// The pixel size, or `nil` when the image is not calibrated.
    public let pixelSize: PixelSize?
    /// Its origin.
    public let source: PixelSizeSource

    /// An uncalibrated image: lengths are reported in pixels only.
    public static let none = Calibration(uncheckedPixelSize: nil, source: .none)

    /// A calibration from `source`.
    public init(pixelSize: PixelSize, source: PixelSizeSource) {
        precondition(source != .none, "a pixel size needs a source other than .none")
        self.init(uncheckedPixelSize: pixelSize, source: source)
    }

    private init(uncheckedPixelSize: PixelSize?, source: PixelSizeSource) {
        self.pixelSize = uncheckedPixelSize
        self.source = source
    }
}
