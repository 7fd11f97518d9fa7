import LacunaImage

/// Removal of slow illumination changes (a charging gradient, uneven detector response)
/// before thresholding. Both methods estimate a background surface B and return
/// v − B + mean(B), clamped to the depth, so the framework keeps its grey level.
public enum BackgroundFlattening: Sendable, Equatable {
    /// B = the image smoothed with a Gaussian of this σ in pixels (much larger than a pore).
    case gaussian(sigma: Double)
    /// B = the greyscale closing of the image by a paraboloid z = d²/(2R) in grey levels, R in
    /// pixels: Sternberg's rolling ball (1983, Computer 16(1):22–34) rolled over the top of
    /// the bright framework, with ImageJ's "sliding paraboloid" instead of a sphere, which
    /// makes it separable and exact (lower envelope of parabolas, Felzenszwalb & Huttenlocher
    /// 2012). Dark pores narrower than about the ball are filled in B.
    case rollingBall(radius: Double)

    /// The flattened image (for dark pores in a bright framework; with `bright` pores the
    /// ball rolls under the dark framework instead). O(width·height) for the ball,
    /// O(width·height·σ) for the Gaussian. The input is not modified.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public func apply<S: FixedWidthInteger & UnsignedInteger & Sendable>(to image: Image<S>,
                                                                        polarity: PorePolarity = .dark) -> Image<S> {
        precondition(image.channels == 1, "background flattening needs one channel, got \(image.channels)")
        guard image.pixelCount > 0 else { return image }
        let background: [Double]
        switch self {
        case let .gaussian(sigma):
            precondition(sigma > 0 && sigma.isFinite, "background sigma must be > 0, got \(sigma)")
            background = gaussianBlur(image, sigma: sigma).samples.map(Double.init)
        case let .rollingBall(radius):
            precondition(radius > 0 && radius.isFinite, "rolling-ball radius must be > 0, got \(radius)")
            let f = image.map(Double.init)
            switch polarity {
            case .dark: background = paraboloidErosion(paraboloidDilation(f, radius: radius), radius: radius).samples
            case .bright: background = paraboloidDilation(paraboloidErosion(f, radius: radius), radius: radius).samples
            }
        }
        let offset = background.reduce(0, +) / Double(background.count)
        let top = Double(S.max)
        var out = [S](repeating: 0, count: image.pixelCount)
        image.samples.withUnsafeBufferPointer { v in
            background.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0 ..< o.count {
                        o[i] = S(min(top, max(0, (Double(v[i]) - b[i] + offset).rounded())))
                    }
                }
            }
        }
        return Image(width: image.width, height: image.height, samples: out)
    }
}

/// Greyscale erosion by the paraboloid z = −d²/(2R): min over q of f(q) + |p − q|²/(2R),
/// as the generalised distance transform of 2R·f, scaled back. O(width·height).
func paraboloidErosion(_ f: Image<Double>, radius: Double) -> Image<Double> {
    let scale = 2 * radius
    let transformed = squaredDistanceToSites(f.map { $0 * scale }, outsideIsBackground: false)
    return transformed.map { $0 / scale }
}

/// Greyscale dilation by the same paraboloid: max over q of f(q) − |p − q|²/(2R).
func paraboloidDilation(_ f: Image<Double>, radius: Double) -> Image<Double> {
    paraboloidErosion(f.map { -$0 }, radius: radius).map { -$0 }
}
