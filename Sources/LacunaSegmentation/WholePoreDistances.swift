/// What the split learnt from the squared distance map of each pore it left whole, so that
/// shape measurement need not compute that map a second time (`splittingTouchingPores(_:
/// tolerance:recordingDistances:)` records it; `ShapeDescriptors` reads it).
///
/// The map is `squaredDistanceMap(of:)` of the pore alone with the frame's outside as
/// background: the same values as in the pore's bounding box with any margin of background.
/// A pore is named by its first pixel in raster order (index y·width + x of the frame), which
/// no renumbering of the labels changes; its area guards the lookup. An entry is valid for a
/// labelling whose pores are whole outputs of the same split of the same frame (pores may be
/// dropped or renumbered, not reshaped): two split outputs never share a pixel, so a pore with
/// an unsplit component's first pixel is that component.
public struct WholePoreDistances: Sendable, Equatable {
    /// One whole pore's numbers.
    public struct Entry: Sendable, Equatable {
        /// Pixel count.
        public var area: Int
        /// The largest squared distance to the background, px² (`Int32.max` for none).
        public var deepestSquared: Int32
        /// `localThicknessSum(squaredDistances:)` of the pore's map, px.
        public var localThicknessSum: Int
    }

    private var byFirstPixel: [Int: Entry] = [:]

    public init() {}

    /// The number of pores recorded.
    public var count: Int { byFirstPixel.count }

    mutating func record(_ entry: Entry, firstPixel: Int) {
        byFirstPixel[firstPixel] = entry
    }

    /// The entry of the pore whose first pixel (raster index) is `firstPixel`, if the split left
    /// it whole and it has `area` pixels.
    public func entry(firstPixel: Int, area: Int) -> Entry? {
        guard let entry = byFirstPixel[firstPixel], entry.area == area else { return nil }
        return entry
    }
}
