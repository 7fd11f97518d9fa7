/// The pore-level data of one condition (one current density): for each image, the radii of
/// its pores. The input of ``HierarchicalBootstrap`` and of ``estimate()``.
///
/// A table of per-image means is the special case of one value per image.
public struct ConditionSample: Sendable, Equatable {
    /// Stripping current density i, in mA/cm².
    public var currentDensity: Double
    /// Standard error of the current density in mA/cm², when known.
    public var currentDensityStandardError: Double?
    /// Per image, the pore radii in µm (the radius definition and weighting are chosen upstream,
    /// e.g. equivalent radius √(A/π) of interior pores).
    public var images: [[Double]]

    public init(currentDensity: Double, currentDensityStandardError: Double? = nil, images: [[Double]]) {
        self.currentDensity = currentDensity
        self.currentDensityStandardError = currentDensityStandardError
        self.images = images
    }

    /// The mean of each image's radii, in µm, in image order.
    public var imageMeans: [Double] {
        images.map { $0.isEmpty ? .nan : $0.reduce(0, +) / Double($0.count) }
    }

    /// The condition's mean radius and its standard error.
    ///
    /// The mean is the mean of the per-image means (each image counts once, whatever its pore
    /// count; images are the replicates). The standard error is SD(image means)/√m for m ≥ 2
    /// images (sample SD, m − 1); with one image it is SD(pore radii)/√n from that image's n ≥ 2
    /// pores, which ignores image-to-image variation and so understates the uncertainty.
    ///
    /// - Throws: ``FitError/emptyCondition(index:)`` (index 0) when there is no image or an
    ///   image has no radii; ``FitError/nonFiniteValue(index:)`` or
    ///   ``FitError/nonPositiveValue(index:value:)`` for a bad radius (index within its image).
    public func estimate() throws(FitError) -> ConditionEstimate {
        guard !images.isEmpty, images.allSatisfy({ !$0.isEmpty }) else { throw .emptyCondition(index: 0) }
        for image in images {
            for (index, radius) in image.enumerated() {
                guard radius.isFinite else { throw .nonFiniteValue(index: index) }
                guard radius > 0 else { throw .nonPositiveValue(index: index, value: radius) }
            }
        }
        let means = imageMeans
        let mean = means.reduce(0, +) / Double(means.count)
        let poreCount = images.reduce(0) { $0 + $1.count }
        var standardError: Double?
        var source = ConditionEstimate.StandardErrorSource.none
        if means.count >= 2 {
            standardError = Self.standardDeviation(means, mean: mean) / Double(means.count).squareRoot()
            source = .images
        } else if images[0].count >= 2 {
            standardError = Self.standardDeviation(images[0], mean: mean) / Double(images[0].count).squareRoot()
            source = .pores
        }
        return ConditionEstimate(
            currentDensity: currentDensity, currentDensityStandardError: currentDensityStandardError,
            meanRadius: mean, radiusStandardError: standardError, standardErrorSource: source,
            imageCount: images.count, poreCount: poreCount)
    }

    /// Sample standard deviation (n − 1) of `values` about `mean`.
    private static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
