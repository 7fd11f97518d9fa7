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

    /// `labels` (1…`count`) in 16 bits when they fit, else as they are, with `labels` handed
    /// over: it is narrowed a band at a time and each band's pages are given back once read
    /// (`PageRelease`), so the two frames are not held whole together (384 MiB at 8192²; now
    /// about the 32-bit frame alone). The labels are the same as `init(_:count:)`'s.
    public init(consuming labels: consuming LabelImage, count: Int) {
        guard Labels.fitsNarrow(count: count) else {
            self = .wide(labels)
            return
        }
        let width = labels.width, height = labels.height
        var source = (consume labels).samples
        let band = 1 << 20
        let narrow = source.withUnsafeMutableBufferPointer { wide in
            var release = PageRelease(UnsafeMutableRawBufferPointer(wide))
            return [UInt16](unsafeUninitializedCapacity: wide.count) { out, initialized in
                var start = 0
                while start < wide.count {
                    let end = min(start + band, wide.count)
                    for i in start ..< end { out[i] = UInt16(truncatingIfNeeded: wide[i]) }
                    release.consumed(upTo: end * MemoryLayout<Int32>.stride)
                    start = end
                }
                initialized = wide.count
            }
        }
        source = []
        self = .narrow(Image(width: width, height: height, samples: narrow))
    }

    /// The labels as `Int32` (a copy when they are stored narrow).
    public var labelImage: LabelImage {
        switch self {
        case let .narrow(labels): labels.map { Int32($0) }
        case let .wide(labels): labels
        }
    }
}
