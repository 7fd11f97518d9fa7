import LacunaImage
import LacunaMeasure
import LacunaSegmentation

/// The steps between the threshold and the measured pores that the region of interest,
/// morphology, splitting and the sub-pixel boundary add (docs/methods.md).
extension ImageAnalyzer {
    /// The pixels to analyse: the `--roi-mask` file's (already cropped to the frame) and, with
    /// `--auto-mask`, the structured part of the frame (`structuredRegion` of `grey` smoothed by
    /// `--sigma`, the contrast being the mean grey level outside `poreMask` minus that inside);
    /// `nil` when nothing limits the frame. The source names which limited it (`frame`, `file`,
    /// `auto`, `file+auto`).
    static func analysedRegion<S: FixedWidthInteger & UnsignedInteger & Sendable>(
        grey: Image<S>, poreMask: Mask, file: Mask?, options: AnalysisOptions
    ) throws(AnalysisError) -> (mask: Mask?, source: String) {
        var mask = file
        if options.autoMask {
            let smooth = gaussianBlur(grey, sigma: options.blurSigma)
            let structured = structuredRegion(of: smooth.map { Float($0) },
                                              contrast: classMeanDifference(smooth, poreMask: poreMask),
                                              windowRadius: options.autoMaskWindow)
            mask = mask.map { Mask(width: $0.width, height: $0.height, samples: zip($0.samples, structured.samples).map { $0 && $1 }) }
                ?? structured
        }
        let source = switch (file != nil, options.autoMask) {
        case (true, true): "file+auto"
        case (true, false): "file"
        case (false, true): "auto"
        case (false, false): "frame"
        }
        if let mask, !mask.samples.contains(true) { throw .nothingToAnalyse }
        return (mask, source)
    }

    /// |mean grey level outside `poreMask` − mean inside|: the pore/framework contrast.
    static func classMeanDifference<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>,
                                                                                     poreMask: Mask) -> Double {
        var inside = (n: 0.0, sum: 0.0), outside = (n: 0.0, sum: 0.0)
        for (value, pore) in zip(image.samples, poreMask.samples) {
            if pore {
                inside.n += 1
                inside.sum += Double(value)
            } else {
                outside.n += 1
                outside.sum += Double(value)
            }
        }
        guard inside.n > 0, outside.n > 0 else { return 0 }
        return abs(outside.sum / outside.n - inside.sum / inside.n)
    }

    /// The pores of a thresholded, hole-filled mask: opened and closed with discs when asked,
    /// limited to the analysed region, split at distance-map maxima (`splittingTouchingPores`)
    /// or labelled as 8-connected components. Small pores are still in (the caller drops them).
    /// With the split and `--measure full`, also the distance-map numbers of the pores it left
    /// whole, for the shape descriptors (the caller may drop or renumber pores, not reshape them). The split uses up
    /// to `threads` threads (the same result for any number). The mask is handed over, and let
    /// go once labelled.
    static func poreComponents(of poreMask: consuming Mask, analysed: Mask?, options: AnalysisOptions,
                               threads: Int = 1) -> (components: Components, distances: WholePoreDistances?) {
        var mask = consume poreMask
        if options.openingRadius > 0 { mask = DiskMorphology.opening(mask, radius: options.openingRadius) }
        if options.closingRadius > 0 { mask = DiskMorphology.closing(mask, radius: options.closingRadius) }
        if let analysed {
            mask = Mask(width: mask.width, height: mask.height, samples: zip(mask.samples, analysed.samples).map { $0 && $1 })
        }
        guard let tolerance = options.splitTolerance else { return (labelComponents(of: consume mask, connectivity: .eight), nil) }
        return splittingTouchingPores(consume mask, tolerance: tolerance, recordingDistances: options.measure == .full,
                                      threads: threads)
    }

    /// Marks the pores with a pixel next to (4-neighbourhood) a pixel outside the analysed
    /// region as border pores: the region's edge cuts them as the frame's edge would. Returns
    /// which pores (by label − 1) the region's edge cuts.
    @discardableResult
    static func markingRegionEdge(_ pores: inout [RegionProperties], labels: LabelImage, analysed: Mask) -> [Bool] {
        var cut = [Bool](repeating: false, count: pores.count)
        let w = labels.width, h = labels.height
        labels.samples.withUnsafeBufferPointer { l in
            analysed.samples.withUnsafeBufferPointer { keep in
                for y in 0 ..< h {
                    for x in 0 ..< w {
                        let label = Int(l[y * w + x])
                        guard label > 0, !cut[label - 1] else { continue }
                        let i = y * w + x
                        if (x > 0 && !keep[i - 1]) || (x + 1 < w && !keep[i + 1])
                            || (y > 0 && !keep[i - w]) || (y + 1 < h && !keep[i + w]) {
                            pores[label - 1].touchesBorder = true
                            cut[label - 1] = true
                        }
                    }
                }
            }
        }
        return cut
    }

    /// `components` without the pores flagged in `drop` (indexed by label − 1), renumbered.
    static func removing(_ components: Components, where drop: [Bool]) -> Components {
        let labels = components.labels.map { $0 > 0 && drop[Int($0) - 1] ? 0 : $0 }
        return renumberedInRasterOrder(labels)
    }

    /// Measures the pores' edges on `grey`'s edge response (`plusEdgeResponse` with
    /// σ = max(`blurSigma`, 1) px, in bands of rows: `measureEdges`): the edges' blur
    /// (`edgeBlurEstimate`), returned, and with the sub-pixel boundary method each pore's
    /// `boundaryArea` (`subpixelBoundaryAreas`), except for pores the analysed region's edge cuts
    /// (`cutByRegion`, by label − 1): their outline would run outside it. With `--measure basic`
    /// and pixel outlines nothing needs the response: `nil`, and no work.
    static func measuringEdges<S: FixedWidthInteger & UnsignedInteger & Sendable, L: FixedWidthInteger & Sendable>(
        _ pores: inout [RegionProperties], labels: Image<L>, grey: Image<S>, cutByRegion: [Bool]?,
        options: AnalysisOptions, threads: Int
    ) -> EdgeBlurEstimate? {
        if options.measure == .basic && options.boundary == .pixels { return nil }
        let sigma = max(options.blurSigma, 1)
        let edges = measureEdges(of: labels, regions: pores, grey: grey, sigma: sigma, polarity: options.polarity,
                                 subpixel: options.boundary == .subpixel, threads: threads)
        if let areas = edges.areas {
            for i in pores.indices where !(cutByRegion?[i] ?? false) { pores[i].boundaryArea = areas[i] }
        }
        return edges.blur
    }
}
