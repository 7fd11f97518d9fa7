/// The resolution tags of a TIFF page: XResolution (282) and YResolution (283), in pixels per
/// `unit`, and ResolutionUnit (296).
///
/// TIFF 6.0 (section 8, "ResolutionUnit"): 1 = no absolute unit, 2 = inch (the default when the
/// tag is absent), 3 = centimetre. Most SEM software writes a screen or print DPI here, not a
/// physical size (../shared/reference/sem-metadata.md §2); `SEMMetadata` decides when to trust it.
/// libtiff hands the rationals over as `float`, so values carry about seven significant digits.
public struct TIFFResolution: Sendable, Equatable {
    /// XResolution: pixels per `unit` along a row.
    public var x: Double
    /// YResolution: pixels per `unit` down a column, `nil` when the tag is absent.
    public var y: Double?
    /// The ResolutionUnit value as stored, `nil` when the tag is absent.
    public var unit: Int?

    public init(x: Double, y: Double?, unit: Int?) {
        self.x = x
        self.y = y
        self.unit = unit
    }
}
