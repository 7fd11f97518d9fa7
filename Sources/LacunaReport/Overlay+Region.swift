import LacunaImage

extension Overlay {
    /// Tint of the pixels left out of the analysis (a region-of-interest mask or the automatic
    /// mask): each channel halved, blue raised by 96 — the structure stays visible.
    public static func shadingExcluded(_ overlay: Image<UInt8>, analysed: Mask) -> Image<UInt8> {
        precondition(overlay.channels == 3 && overlay.width == analysed.width && overlay.height == analysed.height,
                     "shading needs an RGB overlay the size of the mask")
        var out = overlay
        out.samples.withUnsafeMutableBufferPointer { rgb in
            analysed.samples.withUnsafeBufferPointer { keep in
                for i in keep.indices where !keep[i] {
                    rgb[3 * i] /= 2
                    rgb[3 * i + 1] /= 2
                    rgb[3 * i + 2] = rgb[3 * i + 2] / 2 + 96
                }
            }
        }
        return out
    }
}
