import LacunaImage

/// Local thickness as a **radius** (PoreSpy's convention, `filters.local_thickness`, method
/// `bf`, integer sizes, `smooth=True`): every foreground pixel gets the largest integer r such
/// that some disk {x : |x − p| < r} with p in the foreground and r ≤ EDT(p) contains it; 0 on
/// background. Fiji's Local Thickness reports the diameter of the closed disk instead
/// (../shared/reference/anchors.md §4.1, §4.4).
///
/// Method: for r = ⌊max EDT⌋ down to 1, the pixels within distance < r of the seeds
/// {EDT ≥ r} — one exact distance transform to the seeds per radius, the morphological
/// opening by a disk of radius r that PoreSpy's `dt` method uses, and the same result as its
/// brute-force disk insertion. Complexity O(R·width·height) for R = ⌊max EDT⌋, with no
/// per-seed work (brute force costs O(Σ_p r(p)²)). The distance transform follows
/// `euclideanDistanceTransform(of:outsideIsBackground:)`.
public func localThickness(of mask: Mask, outsideIsBackground: Bool = false) -> Image<Double> {
    let squared = squaredEuclideanDistanceTransform(of: mask, outsideIsBackground: outsideIsBackground)
    var largest = 0.0
    for (value, inside) in zip(squared.samples, mask.samples) where inside && value.isFinite {
        largest = max(largest, value)
    }
    var thickness = Image<Double>(width: mask.width, height: mask.height, channels: 1, repeating: 0)
    let maximumRadius = Int(largest.squareRoot().rounded(.down))
    guard maximumRadius >= 1 else { return thickness }
    var seeds = Image<Double>(width: mask.width, height: mask.height, channels: 1, repeating: .infinity)
    for r in stride(from: maximumRadius, through: 1, by: -1) {
        let r2 = Double(r * r)
        seeds.samples.withUnsafeMutableBufferPointer { s in
            squared.samples.withUnsafeBufferPointer { d in
                for i in s.indices where d[i] >= r2 { s[i] = 0 }
            }
        }
        let reach = squaredDistanceToSites(seeds, outsideIsBackground: false)
        thickness.samples.withUnsafeMutableBufferPointer { t in
            reach.samples.withUnsafeBufferPointer { q in
                mask.samples.withUnsafeBufferPointer { m in
                    for i in t.indices where m[i] && t[i] == 0 && q[i] < r2 { t[i] = Double(r) }
                }
            }
        }
    }
    return thickness
}
