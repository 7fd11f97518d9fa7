import LacunaImage
import LacunaMeasure
import LacunaSegmentation

/// Options of the cell-network analysis.
public struct NetworkOptions: Sendable, Equatable, Codable {
    /// How cells are found (default `auto`).
    public var method: CellMethod
    /// Shortest shared boundary of neighbours in pixel edges; `nil` takes the method's default
    /// (`AdjacencyRule.defaultEdges`).
    public var minimumContact: Int?
    /// Shortest shared boundary relative to the smaller cell's equivalent diameter (default 0).
    public var minimumContactFraction: Double
    /// Parameters of the ridge method.
    public var ridges: RidgeCellOptions

    public init(method: CellMethod = .auto, minimumContact: Int? = nil, minimumContactFraction: Double = 0,
                ridges: RidgeCellOptions = RidgeCellOptions()) {
        self.method = method
        self.minimumContact = minimumContact
        self.minimumContactFraction = minimumContactFraction
        self.ridges = ridges
    }

    /// The adjacency rule for cells found by `method`.
    public func adjacency(for method: CellMethod) -> AdjacencyRule {
        AdjacencyRule(minimumEdges: minimumContact ?? AdjacencyRule.defaultEdges(for: method),
                      minimumFraction: minimumContactFraction)
    }
}

/// The cell network of one image: the cells, their statistics and the framework between them.
public struct NetworkAnalysis: Sendable {
    /// The method used (`pores` or `ridges`; never `auto` or `none`).
    public var method: CellMethod
    /// Why: the method asked for, or the `auto` rule's reason.
    public var reason: String
    /// The cells and their label image (frame coordinates).
    public var network: CellNetwork
    public var statistics: NetworkStatistics
    public var framework: FrameworkStatistics

    /// Finds and measures the cells of one frame.
    /// - Parameters:
    ///   - pores: the segmented pores (labels 1…`poreCount`, `Int32` or 16 bits); they seed the
    ///     cells in pores mode and are the non-framework pixels of the wall measurements in
    ///     either mode.
    ///   - grey: the frame's grey levels (any scale) with walls bright, used by the ridge method.
    ///   - field: the analysed pixels (`nil`: all).
    ///   - poreRegions: `measureRegions(of: pores, count: poreCount)`, when the caller has them.
    ///   - threads: threads it may use (the distance map by bands, the cells beside the walls,
    ///     the pores' corners); the result is the same for any number.
    /// - Returns: `nil` when `options.method` is `none`.
    @_specialize(where P == Int32)
    @_specialize(where P == UInt16)
    public init?<P: FixedWidthInteger & Sendable>(pores: Image<P>, poreCount: Int, grey: () -> Image<Float>,
                                                  field: Mask? = nil, options: NetworkOptions,
                                                  poreRegions: [RegionProperties]? = nil, threads: Int = 1) {
        guard options.method != .none else { return nil }
        let (narrow, wide) = NetworkAnalysis.distances(to: pores, threads: threads)
        // The cells grown from the pores in 16 bits when there are fewer than 65 535 pores.
        func byPores<D: FixedWidthInteger & Sendable>(_ toPore: Image<D>) -> (CellNetwork, FrameworkStatistics) {
            let cells: Labels = Labels.fitsNarrow(count: poreCount)
                ? .narrow(influenceZones(of: pores, field: field, poreDistances: toPore, as: UInt16.self))
                : .wide(influenceZones(of: pores, field: field, poreDistances: toPore, as: Int32.self))
            return runBoth(parallel: threads > 1, {
                CellNetwork(cells: cells, count: poreCount, field: field, rule: options.adjacency(for: .pores),
                            pores: pores, poreDistances: toPore, poreRegions: poreRegions, threads: threads)
            }, {
                FrameworkStatistics(cells: cells, field: field, poreDistances: toPore)
            })
        }
        self.init(options: options, byPores: { narrow.map { byPores($0) } ?? byPores(wide!) }, byRidges: {
            NetworkAnalysis.byRidges(grey, options: options, field: field, narrow: narrow, wide: wide, threads: threads)
        })
    }

    /// `init(pores:…)` with the pore labels handed over: in pores mode they become the cells in
    /// place (`growInfluenceZones`), so the cells take no frame of their own (128 MiB at 8192²
    /// in 16 bits). The cells are stored as the pores were (`Labels`); the cell labels and every
    /// number are those of `init(pores:…)`. What else needs the pores must have it before:
    /// `poreRegions` are required, and the cell overlay takes the pores' outlines
    /// (`labelBoundaries`).
    public init?(consumingPores pores: consuming Labels, poreCount: Int, grey: () -> Image<Float>, field: Mask? = nil,
                 options: NetworkOptions, poreRegions: [RegionProperties], threads: Int = 1) {
        switch consume pores {
        case let .narrow(labels):
            self.init(consuming: labels, as: Labels.narrow, poreCount: poreCount, grey: grey, field: field,
                      options: options, poreRegions: poreRegions, threads: threads)
        case let .wide(labels):
            self.init(consuming: labels, as: Labels.wide, poreCount: poreCount, grey: grey, field: field,
                      options: options, poreRegions: poreRegions, threads: threads)
        }
    }

    /// `init(consumingPores:…)` on the labels as stored (`wrap`: as `Labels`).
    private init?<P: FixedWidthInteger & Sendable>(
        consuming labels: consuming Image<P>, as wrap: (Image<P>) -> Labels, poreCount: Int, grey: () -> Image<Float>,
        field: Mask?, options: NetworkOptions, poreRegions: [RegionProperties], threads: Int
    ) {
        guard options.method != .none else { return nil }
        var pores = consume labels
        let (narrow, wide) = NetworkAnalysis.distances(to: pores, threads: threads)
        func byPores<D: FixedWidthInteger & Sendable>(_ toPore: Image<D>) -> (CellNetwork, FrameworkStatistics) {
            let corners = CellNetwork.poreCorners(of: pores, regions: poreRegions, threads: threads)
            growInfluenceZones(&pores, field: field, poreDistances: toPore)
            let cells = wrap(pores)
            pores = Image(width: 0, height: 0, samples: [])  // the cells hold the frame alone
            return runBoth(parallel: threads > 1, {
                CellNetwork(cells: cells, count: poreCount, field: field, rule: options.adjacency(for: .pores),
                            poreRegions: poreRegions, corners: corners, poreDistances: toPore)
            }, {
                FrameworkStatistics(cells: cells, field: field, poreDistances: toPore)
            })
        }
        if options.method == .ridges { pores = Image(width: 0, height: 0, samples: []) }
        self.init(options: options, byPores: { narrow.map { byPores($0) } ?? byPores(wide!) }, byRidges: {
            NetworkAnalysis.byRidges(grey, options: options, field: field, narrow: narrow, wide: wide, threads: threads)
        })
    }

    /// The one distance map to the pores that serves the zones, the guard rule and the walls: in
    /// 16 bits when it fits (it does unless walls are over 255 px thick), else in 32.
    private static func distances<P: FixedWidthInteger & Sendable>(
        to pores: Image<P>, threads: Int
    ) -> (narrow: Image<UInt16>?, wide: Image<Int32>?) {
        if let narrow = narrowSquaredDistanceToPores(pores, threads: threads) { return (narrow, nil) }
        return (nil, squaredDistanceToPores(pores, threads: threads))
    }

    /// `byRidges` with the distance map `distances` made.
    private static func byRidges(_ grey: () -> Image<Float>, options: NetworkOptions, field: Mask?,
                                 narrow: Image<UInt16>?, wide: Image<Int32>?, threads: Int) -> (CellNetwork, FrameworkStatistics) {
        if let narrow { return byRidges(grey(), options: options, field: field, toPore: narrow, threads: threads) }
        return byRidges(grey(), options: options, field: field, toPore: wide!, threads: threads)
    }

    /// The cells found on the smoothed frame's ridges (`ridgeCells`), and the walls between them.
    private static func byRidges<D: FixedWidthInteger & Sendable>(
        _ grey: Image<Float>, options: NetworkOptions, field: Mask?, toPore: Image<D>, threads: Int
    ) -> (CellNetwork, FrameworkStatistics) {
        let (cells, count) = ridgeCells(grey, options: options.ridges, field: field)
        return runBoth(parallel: threads > 1, {
            CellNetwork(labels: cells, count: count, field: field, rule: options.adjacency(for: .ridges))
        }, {
            FrameworkStatistics(cells: .wide(cells), field: field, poreDistances: toPore)
        })
    }

    /// The method `options` asks for, run by `byPores` or `byRidges` (each called at most once).
    private init?(options: NetworkOptions, byPores: () -> (CellNetwork, FrameworkStatistics),
                  byRidges: () -> (CellNetwork, FrameworkStatistics)) {
        switch options.method {
        case .none:
            return nil
        case .pores:
            (network, framework) = byPores()
            method = .pores
            reason = "pores"
        case .ridges:
            (network, framework) = byRidges()
            method = .ridges
            reason = "ridges"
        case .auto:
            (network, framework) = byPores()
            let areas = network.cells.filter { !$0.touchesBorder }.map { Double($0.area) }.sorted()
            let medianArea = areas.isEmpty ? nil : areas[areas.count / 2]
            (method, reason) = CellMethodChoice.choose(medianWall: framework.medianThickness, medianCellArea: medianArea)
            if method == .ridges { (network, framework) = byRidges() }
        }
        statistics = NetworkStatistics(cells: network.cells)
    }
}

/// What the tables keep of a network analysis (the label image left out).
public struct NetworkSummary: Sendable, Equatable {
    public var method: CellMethod
    public var reason: String
    public var cells: [NetworkCell]
    public var statistics: NetworkStatistics
    public var framework: FrameworkStatistics

    public init(method: CellMethod, reason: String, cells: [NetworkCell], statistics: NetworkStatistics,
                framework: FrameworkStatistics) {
        self.method = method
        self.reason = reason
        self.cells = cells
        self.statistics = statistics
        self.framework = framework
    }

    public init(_ analysis: NetworkAnalysis) {
        method = analysis.method
        reason = analysis.reason
        cells = analysis.network.cells
        statistics = analysis.statistics
        framework = analysis.framework
    }
}
