import LacunaImage

/// Binary morphology with a disc: the structuring element is every pixel whose centre lies
/// within `radius` px of the origin (|d| ≤ r), as scikit-image's `disk(r)`. Computed exactly
/// from squared Euclidean distance transforms (Felzenszwalb & Huttenlocher 2012), so the cost
/// is O(width·height) whatever the radius. Pixels outside the frame are treated as continuing
/// the frame (neither foreground nor background), so pores cut by the frame are not eroded
/// from that side. Inputs are not modified.
public enum DiskMorphology {
    /// Dilation: pixels within `radius` of a foreground pixel.
    public static func dilating(_ mask: Mask, radius: Double) -> Mask {
        precondition(radius >= 0 && radius.isFinite, "radius must be finite and ≥ 0, got \(radius)")
        if radius == 0 { return mask }
        // Distance of each background pixel to the nearest foreground pixel.
        let inverted = mask.map { !$0 }
        let squared = squaredEuclideanDistanceTransform(of: inverted)
        let limit = radius * radius
        return Mask(width: mask.width, height: mask.height,
                    samples: zip(mask.samples, squared.samples).map { $0 || $1 <= limit })
    }

    /// Erosion: foreground pixels farther than `radius` from every background pixel.
    public static func eroding(_ mask: Mask, radius: Double) -> Mask {
        precondition(radius >= 0 && radius.isFinite, "radius must be finite and ≥ 0, got \(radius)")
        if radius == 0 { return mask }
        let squared = squaredEuclideanDistanceTransform(of: mask)
        let limit = radius * radius
        return Mask(width: mask.width, height: mask.height,
                    samples: zip(mask.samples, squared.samples).map { $0 && $1 > limit })
    }

    /// Opening (erosion, then dilation): removes parts narrower than the disc, such as thin
    /// bridges between pores and specks.
    public static func opening(_ mask: Mask, radius: Double) -> Mask {
        dilating(eroding(mask, radius: radius), radius: radius)
    }

    /// Closing (dilation, then erosion): fills gaps and notches narrower than the disc.
    public static func closing(_ mask: Mask, radius: Double) -> Mask {
        eroding(dilating(mask, radius: radius), radius: radius)
    }
}
