import LacunaImage

/// Binary morphology with a disc: the structuring element is every pixel whose centre lies
/// within `radius` px of the origin (|d| ≤ r), as scikit-image's `disk(r)`. Small discs
/// (r < 16) are decomposed into one horizontal span per row (`DiskSpans`): O(width·height·r)
/// byte operations over whole rows; larger ones are computed exactly from squared Euclidean
/// distance transforms (`squaredDistanceMap`, Meijster et al. 2000), O(width·height) whatever
/// the radius. Both give the same masks. Pixels outside the frame are treated as continuing
/// the frame (neither foreground nor background), so pores cut by the frame are not eroded
/// from that side. Inputs are not modified.
public enum DiskMorphology {
    /// Dilation: pixels within `radius` of a foreground pixel.
    public static func dilating(_ mask: Mask, radius: Double) -> Mask {
        precondition(radius >= 0 && radius.isFinite, "radius must be finite and ≥ 0, got \(radius)")
        if radius == 0 { return mask }
        if radius < DiskSpans.largestRadius { return DiskSpans(radius: radius).dilating(mask) }
        // Distance of each background pixel to the nearest foreground pixel.
        let squared = squaredDistanceMap(of: mask.map { !$0 }, outsideIsBackground: false)
        let limit = radius * radius
        return Mask(width: mask.width, height: mask.height,
                    samples: zip(mask.samples, squared.samples).map { $0 || Double($1) <= limit })
    }

    /// Erosion: foreground pixels farther than `radius` from every background pixel.
    public static func eroding(_ mask: Mask, radius: Double) -> Mask {
        precondition(radius >= 0 && radius.isFinite, "radius must be finite and ≥ 0, got \(radius)")
        if radius == 0 { return mask }
        if radius < DiskSpans.largestRadius { return DiskSpans(radius: radius).eroding(mask) }
        let squared = squaredDistanceMap(of: mask, outsideIsBackground: false)
        let limit = radius * radius
        return Mask(width: mask.width, height: mask.height,
                    samples: zip(mask.samples, squared.samples).map { $0 && $1 != 0 && ($1 == .max || Double($1) > limit) })
    }

    /// Opening (erosion, then dilation): removes parts narrower than the disc, such as thin
    /// bridges between pores and specks.
    public static func opening(_ mask: Mask, radius: Double) -> Mask {
        if radius > 0 && radius < DiskSpans.largestRadius { return DiskSpans(radius: radius).opening(mask) }
        return dilating(eroding(mask, radius: radius), radius: radius)
    }

    /// Closing (dilation, then erosion): fills gaps and notches narrower than the disc.
    public static func closing(_ mask: Mask, radius: Double) -> Mask {
        if radius > 0 && radius < DiskSpans.largestRadius { return DiskSpans(radius: radius).closing(mask) }
        return eroding(dilating(mask, radius: radius), radius: radius)
    }
}
