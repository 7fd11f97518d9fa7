import LacunaImage

/// Per-image size distribution with the chosen radius definition and edge handling, number
/// densities and quality flags (images.csv; docs/measurements.md).
extension ImageMeasurement {
    /// The weight of `pore` in the distribution statistics: 0 when it is left out (an edge pore
    /// under `exclude` or `weight`, or a pore without the radius the definition needs), 1 under
    /// `exclude` and `include`, its Miles–Lantuéjoul weight under `weight`.
    public func statisticsWeight(of pore: RegionProperties) -> Double {
        guard radiusDefinition.radiusPixels(of: pore) != nil else { return 0 }
        switch edgeHandling {
        case .include: return 1
        case .exclude: return pore.touchesBorder ? 0 : 1
        case .weight:
            guard !pore.touchesBorder else { return 0 }
            return milesLantuejoulWeight(boxWidth: pore.maxX - pore.minX, boxHeight: pore.maxY - pore.minY,
                                         frameWidth: width, frameHeight: height) ?? 0
        }
    }

    /// The radius of `pore` under `radiusDefinition` in µm, or `nil` without a calibration or
    /// shape. The equivalent radius is exact for anisotropic pixels (√(A·x·y/π) = r_px·√(x·y));
    /// the other definitions are lengths in no fixed direction and are scaled by √(x·y), an
    /// approximation when x ≠ y.
    public func radiusMicrometres(of pore: RegionProperties) -> Double? {
        guard let size = calibration.pixelSize, let r = radiusDefinition.radiusPixels(of: pore) else { return nil }
        return r * size.isotropicLength
    }

    /// The distribution of `radiusDefinition` radii in pixels over the pores with non-zero
    /// `statisticsWeight`, area-weighted by the measured area.
    public var radiusDistributionPixels: RadiusDistribution {
        var radii: [Double] = [], areas: [Double] = [], weights: [Double] = []
        for pore in pores {
            let w = statisticsWeight(of: pore)
            guard w > 0, let r = radiusDefinition.radiusPixels(of: pore) else { continue }
            radii.append(r)
            areas.append(pore.measuredArea)
            weights.append(w)
        }
        return RadiusDistribution(radii: radii, areas: areas, weights: weights)
    }

    /// The same in µm, or `nil` without a calibration.
    public var radiusDistributionMicrometres: RadiusDistribution? {
        calibration.pixelSize.map { radiusDistributionPixels.scaled(by: $0.isotropicLength) }
    }

    /// Pores per pixel²: Σ `statisticsWeight` over the analysed area (under `weight` the
    /// Miles–Lantuéjoul estimate of the pore density; under `exclude` biased low, under
    /// `include` high).
    public var numberDensityPerPixel: Double? {
        let area = analysedArea
        return area == 0 ? nil : radiusDistributionPixels.weightSum / area
    }

    /// Pores per µm², or `nil` without a calibration.
    public var numberDensityPerSquareMicrometre: Double? {
        guard let size = calibration.pixelSize, let perPixel = numberDensityPerPixel else { return nil }
        return perPixel / size.area
    }

    /// Fraction of pores touching the frame edge, `nil` without pores.
    public var borderPoreFraction: Double? {
        pores.isEmpty ? nil : Double(pores.count(where: \.touchesBorder)) / Double(pores.count)
    }

    /// Quality flags, in this order: `saturated`, `low_contrast` (from `quality`), `few_pores`
    /// (fewer than 20 pores in the statistics), `border_pores` (more than 30 % touch the edge),
    /// `thin_walls` (`EdgeBlurEstimate.thinWalls`: walls so thin against the edges' blur that
    /// hole sizes read small, docs/methods.md).
    public var qualityFlags: [String] {
        var flags: [String] = []
        if let q = quality {
            if q.saturatedFraction > ImageQuality.saturationLimit { flags.append("saturated") }
            if q.contrast < ImageQuality.contrastLimit { flags.append("low_contrast") }
        }
        if radiusDistributionPixels.count < ImageQuality.minimumPores { flags.append("few_pores") }
        if let border = borderPoreFraction, border > ImageQuality.borderLimit { flags.append("border_pores") }
        if edgeBlur?.thinWalls == true { flags.append("thin_walls") }
        return flags
    }
}
