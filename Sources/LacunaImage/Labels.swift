/// A label frame (0 = background) in the narrowest type that holds its labels: 16 bits when
/// there are fewer than 65 535, half the memory of `Int32` (128 MiB instead of 256 at 8192²),
/// else `Int32`. The labels are the same either way. The pores and the cells of an analysis are
/// kept so; kernels are generic over the label type.
public enum Labels: Sendable, Equatable {
    case narrow(Image<UInt16>)
    case wide(LabelImage)

    /// Whether labels up to `count` can be stored in 16 bits (`UInt16.max` is kept free: the
    /// influence zones mark unresolved pixels with it).
    public static func fitsNarrow(count: Int) -> Bool {
        count < Int(UInt16.max)
    }

    /// `labels` (1…`count`) in 16 bits when they fit, else as they are.
    public init(_ labels: LabelImage, count: Int) {
        self = Labels.fitsNarrow(count: count) ? .narrow(labels.map { UInt16(truncatingIfNeeded: $0) }) : .wide(labels)
    }

    /// The labels as `Int32` (a copy when they are stored narrow).
    public var labelImage: LabelImage {
        switch self {
        case let .narrow(labels): labels.map { Int32($0) }
        case let .wide(labels): labels
        }
    }
}
