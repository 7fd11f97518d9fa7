/// The pore-level data of one condition (one current density): for each image, the radii of
/// its pores and, optionally, their statistical weights (e.g. Miles–Lantuéjoul edge-correction
/// weights). The input of ``HierarchicalBootstrap`` and of ``estimate()``.
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
    /// Per image, a positive weight per pore (same shape as ``images``); nil weighs every pore 1.
    public var weights: [[Double]]?

    public init(currentDensity: Double, currentDensityStandardError: Double? = nil, images: [[Double]],
                weights: [[Double]]? = nil) {
        self.currentDensity = currentDensity
        self.currentDensityStandardError = currentDensityStandardError
        self.images = images
        self.weights = weights
    }

    /// The weights of image `index`'s pores (all 1 without ``weights``).
    public func poreWeights(ofImage index: Int) -> [Double] {
        weights?[index] ?? [Double](repeating: 1, count: images[index].count)
    }

    /// The weighted mean Σwᵢrᵢ/Σwᵢ of each image's radii, in µm, in image order.
    public var imageMeans: [Double] {
        images.indices.map { index in
            let radii = images[index], w = poreWeights(ofImage: index)
            guard !radii.isEmpty else { return .nan }
            return zip(radii, w).reduce(0) { $0 + $1.0 * $1.1 } / w.reduce(0, +)
        }
    }

    /// The condition's mean radius and its standard error.
    ///
    /// The mean is the mean of the per-image (weighted) means: each image counts once, whatever
    /// its pore count; images are the replicates. The standard error is SD(image means)/√m for
    /// m ≥ 2 images (sample SD, m − 1); with one image it is the pore-level SE of its mean,
    /// √(n/(n − 1) · Σwᵢ²(rᵢ − r̄)²)/Σwᵢ (the linearised SE of a ratio estimator, Cochran,
    /// *Sampling Techniques*, 3rd ed., §6.4; SD/√n with unit weights), from n ≥ 2 pores, which
    /// ignores image-to-image variation and so understates the uncertainty.
    ///
    /// - Throws: ``FitError/emptyCondition(index:)`` (index 0) when there is no image, an image
    ///   has no radii, or the weights do not match the radii; ``FitError/nonFiniteValue(index:)``
    ///   or ``FitError/nonPositiveValue(index:value:)`` for a bad radius (index within its image);
    ///   ``FitError/nonPositiveStandardError(index:value:)`` for a weight that is not positive.
    public func estimate() throws(FitError) -> ConditionEstimate {
        guard !images.isEmpty, images.allSatisfy({ !$0.isEmpty }) else { throw .emptyCondition(index: 0) }
        if let weights {
            guard weights.count == images.count,
                  zip(weights, images).allSatisfy({ $0.count == $1.count }) else { throw .emptyCondition(index: 0) }
            for image in weights {
                for (index, weight) in image.enumerated() where !(weight.isFinite && weight > 0) {
                    throw .nonPositiveStandardError(index: index, value: weight)
                }
            }
        }
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
            let w = poreWeights(ofImage: 0)
            let n = Double(images[0].count)
            let squares = zip(images[0], w).reduce(0) { $0 + $1.1 * $1.1 * ($1.0 - mean) * ($1.0 - mean) }
            standardError = (n / (n - 1) * squares).squareRoot() / w.reduce(0, +)
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
