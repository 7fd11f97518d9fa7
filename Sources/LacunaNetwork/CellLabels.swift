import LacunaImage

/// A frame of cell labels (0 outside the analysed field) in the narrowest type that holds
/// them: 16 bits when there are fewer than 65 535 cells, half the memory of `Int32` (128 MiB
/// instead of 256 at 8192²), else `Int32`. The labels are the same either way.
public enum CellLabels: Sendable, Equatable {
    case narrow(Image<UInt16>)
    case wide(LabelImage)

    /// Whether cells labelled up to `count` can be stored in 16 bits (`UInt16.max` is kept
    /// free: the influence zones mark unresolved pixels with it).
    public static func fitsNarrow(count: Int) -> Bool {
        count < Int(UInt16.max)
    }

    /// The labels as `Int32` (a copy when they are stored narrow).
    public var labelImage: LabelImage {
        switch self {
        case let .narrow(labels): labels.map { Int32($0) }
        case let .wide(labels): labels
        }
    }

    public var width: Int {
        switch self {
        case let .narrow(labels): labels.width
        case let .wide(labels): labels.width
        }
    }

    public var height: Int {
        switch self {
        case let .narrow(labels): labels.height
        case let .wide(labels): labels.height
        }
    }
}
