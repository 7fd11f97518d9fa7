import LacunaImage

/// Edge-preserving noise removal before thresholding (docs/methods.md).
public enum Denoising: Sendable, Equatable {
    /// Median over a disk or square of this radius in pixels (`medianFilter`).
    case median(radius: Int, footprint: Footprint)
    /// Bilateral filter with spatial σ in pixels and range σ in grey levels of the image
    /// (`bilateralFilter`).
    case bilateral(sigmaSpatial: Double, sigmaRange: Double)

    /// The denoised image; the input is not modified.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public func apply<S: FixedWidthInteger & UnsignedInteger & Sendable>(to image: Image<S>) -> Image<S> {
        switch self {
        case let .median(radius, footprint): medianFilter(image, radius: radius, footprint: footprint)
        case let .bilateral(spatial, range): bilateralFilter(image, sigmaSpatial: spatial, sigmaRange: range)
        }
    }
}
