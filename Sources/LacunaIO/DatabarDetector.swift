import LacunaImage

/// Finds an information bar drawn over (or appended to) the bottom of a micrograph from its
/// pixels, for instruments whose metadata does not record its height (Zeiss SmartSEM data zone,
/// Hitachi TM, exports without metadata).
///
/// Method: rows are scanned upwards from the bottom. An instrument's bar is a flat background
/// with text, so in a bar row one grey value dominates: the fraction of the row's most common
/// value is ≥ 0.9 in most real bar rows and 0.54–0.87 in rows crossing text and scale bars,
/// while specimen rows stay below 0.2 (measured on the FEI, Zeiss and Hitachi files of
/// ../shared/realdata; the "near 0.9+ vs under 0.1"). A row is a bar row when that
/// fraction is at least `dominance` (default 0.5, between the two populations). The bar's top is
/// the highest bar row reached before `ordinaryRun` consecutive ordinary rows (default 4, so a
/// single specimen row under a Zeiss frame line does not end the scan). A bar must be at least
/// `minimumHeight` rows (default 8) and at most `maximumFraction` of the height (default 0.3),
/// and it must stand out from the specimen: the median dominance of the rows above it must be
/// below `specimenDominance` (default 0.2). Images whose specimen rows are themselves dominated
/// by one value — sparse TOF-SIMS count maps, where most pixels hold 0 counts (median 0.36 in
/// the m/z 39 map of ../shared/realdata) — cannot be judged this way and get no bar.
/// Complexity O(rows scanned × width log width).
public struct DatabarDetector: Sendable {
    public var dominance = 0.5
    public var ordinaryRun = 4
    public var minimumHeight = 8
    public var maximumFraction = 0.3
    public var specimenDominance = 0.2

    public init() {}

    /// The height in rows of the bar at the bottom of `raster` (0 when none is found).
    /// Multi-channel rasters are judged on their luminance.
    public func barHeight(of raster: Raster) -> Int {
        switch raster.luminance() {
        case let .uint8(image): barHeight(image)
        case let .uint16(image): barHeight(image)
        case let .float32(image): barHeight(image)
        }
    }

    /// Fraction of the row's samples equal to its most common value.
    static func dominantFraction<S: Comparable & Sendable>(_ row: ArraySlice<S>) -> Double {
        guard let mode = mostCommonValue(row) else { return 0 }
        return Double(mode.count) / Double(row.count)
    }

    private func barHeight<S: Comparable & Sendable>(_ image: Image<S>) -> Int {
        let h = image.height, w = image.width
        guard h > 0, w > 0 else { return 0 }
        let limit = max(0, h - Int(Double(h) * maximumFraction) - 1)
        var top = h
        var ordinary = 0
        var y = h - 1
        while y >= limit && ordinary < ordinaryRun {
            if DatabarDetector.dominantFraction(image.samples[y * w ..< (y + 1) * w]) >= dominance {
                top = y
                ordinary = 0
            } else {
                ordinary += 1
            }
            y -= 1
        }
        let height = h - top
        guard height >= minimumHeight && Double(height) <= Double(h) * maximumFraction else { return 0 }
        // The specimen above, sampled at up to 200 rows.
        let step = max(1, top / 200)
        let specimen = stride(from: 0, to: top, by: step).map {
            DatabarDetector.dominantFraction(image.samples[$0 * w ..< ($0 + 1) * w])
        }.sorted()
        guard !specimen.isEmpty, specimen[specimen.count / 2] < specimenDominance else { return 0 }
        return height
    }
}
