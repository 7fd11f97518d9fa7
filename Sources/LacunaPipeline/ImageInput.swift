/// One image to analyse and what the user told us about it.
public struct ImageInput: Sendable, Equatable {
    /// The path to open.
    public var path: String
    /// The name reported in tables: the path as given on the command line, or the manifest's
    /// `image` field.
    public var name: String
    /// Current density in mA/cm² (manifest `current_density`).
    public var currentDensity: Double?
    /// Manifest `condition` label.
    public var condition: String?
    /// Pixel size in µm from the manifest (`pixel_size_um`), recorded as `manual`.
    public var pixelSize: Double?

    public init(path: String, name: String? = nil, currentDensity: Double? = nil, condition: String? = nil,
                pixelSize: Double? = nil) {
        self.path = path
        self.name = name ?? path
        self.currentDensity = currentDensity
        self.condition = condition
        self.pixelSize = pixelSize
    }
}
