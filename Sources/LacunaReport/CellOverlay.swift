import LacunaImage
import LacunaNetwork

/// The cell-network overlay: the frame in grey with each cell tinted by its number of sides,
/// cell boundaries dark and pore outlines white on top (Tissue Analyzer-style polygon colouring;
/// Okabe & Ito colour-blind-safe palette).
public enum CellOverlay {
    /// Tint per side class: ≤ 4, 5, 6, 7, ≥ 8.
    public static let sideColours: [(label: String, colour: RGBColour)] = [
        ("4", RGBColour(230, 159, 0)), ("5", RGBColour(86, 180, 233)), ("6", RGBColour(0, 158, 115)),
        ("7", RGBColour(240, 228, 66)), ("8+", RGBColour(204, 121, 167)),
    ]
    /// Tint of border cells (side number truncated, left out of the statistics).
    public static let borderColour = RGBColour(128, 128, 128)
    /// Share of the tint in each pixel (the rest is the grey image).
    static let tint = 0.45

    /// The side class (0…4 for ≤ 4, 5, 6, 7, ≥ 8) of a cell with `sides` neighbours.
    static func sideClass(_ sides: Int) -> Int { min(max(sides, 4), 8) - 4 }

    /// The legend: each side class with its number of interior cells, then the border cells.
    public static func legend(for cells: [NetworkCell]) -> [OverlayAnnotations.LegendEntry] {
        var counts = [Int](repeating: 0, count: sideColours.count)
        for cell in cells where !cell.touchesBorder { counts[sideClass(cell.sides)] += 1 }
        let label = { (k: Int) in k == 0 ? "4 or fewer sides" : "\(sideColours[k].label) sides" }
        return sideColours.indices.map { .init(colour: sideColours[$0].colour, label: "\(label($0)): \(counts[$0])") }
            + [.init(colour: borderColour, label: "border cells: \(cells.filter(\.touchesBorder).count)")]
    }

    /// The tints in palette order: the side classes, then the border tint.
    static let palette = sideColours.map(\.colour) + [borderColour]

    /// The palette entry of a cell with `sides` neighbours.
    static func paletteIndex(sides: Int, border: Bool) -> Int {
        border ? palette.count - 1 : sideClass(sides)
    }

    /// The tint of a cell with `sides` neighbours.
    public static func colour(sides: Int, border: Bool) -> RGBColour {
        palette[paletteIndex(sides: sides, border: border)]
    }

    /// An RGB image of `grey` (one channel, frame size) with the cells of `network` tinted and
    /// outlined and the outlines of `pores` (labels, 0 = framework; `nil`: none) drawn white;
    /// bands of rows drawn by up to `threads` threads (the same image for any number).
    @_specialize(where P == Int32)
    @_specialize(where P == UInt16)
    public static func render<P: FixedWidthInteger & Sendable>(grey: Image<UInt8>, network: CellNetwork,
                                                               pores: Image<P>?, threads: Int = 1) -> Image<UInt8> {
        switch network.cellLabels {
        case let .narrow(cells): render(grey: grey, cells: cells, of: network.cells, pores: pores, threads: threads)
        case let .wide(cells): render(grey: grey, cells: cells, of: network.cells, pores: pores, threads: threads)
        }
    }

    /// `render` with the cell labels stored as `L`; `list` the network's cells.
    private static func render<L: FixedWidthInteger & Sendable, P: FixedWidthInteger & Sendable>(
        grey: Image<UInt8>, cells: Image<L>, of list: [NetworkCell], pores: Image<P>?, threads: Int
    ) -> Image<UInt8> {
        precondition(grey.channels == 1 && grey.width == cells.width && grey.height == cells.height,
                     "cell overlay needs a grey image the size of the cell labels")
        let w = grey.width, h = grey.height
        let maxLabel = list.map(\.label).max() ?? 0
        // Every tinted value comes from a table per tint and grey level, filled with the
        // per-pixel formula: round(keep · grey + tint · colour), channel by channel.
        let keep = 1 - tint
        var tinted = [UInt8](repeating: 0, count: palette.count * 256 * 3)
        for (k, colour) in palette.enumerated() {
            for v in 0 ..< 256 {
                let base = (k * 256 + v) * 3
                tinted[base] = UInt8((keep * Double(v) + tint * Double(colour.red)).rounded())
                tinted[base + 1] = UInt8((keep * Double(v) + tint * Double(colour.green)).rounded())
                tinted[base + 2] = UInt8((keep * Double(v) + tint * Double(colour.blue)).rounded())
            }
        }
        // tintIndex[label]: the palette entry of the cell, −1 for no tint.
        var tintIndex = [Int](repeating: -1, count: maxLabel + 1)
        for cell in list {
            tintIndex[cell.label] = paletteIndex(sides: cell.sides, border: cell.touchesBorder)
        }
        // Whether pixel i's label differs from one of its 4-neighbours. A neighbour outside the
        // frame is given as offset 0 (the pixel itself), which never differs: no branches.
        @inline(__always)
        func differs<T: FixedWidthInteger>(_ l: UnsafeBufferPointer<T>, _ i: Int, _ left: Int, _ right: Int, _ up: Int,
                                           _ down: Int) -> Bool {
            let own = l[i]
            return ((l[i + left] ^ own) | (l[i + right] ^ own) | (l[i + up] ^ own) | (l[i + down] ^ own)) != 0
        }
        let outlines = pores?.samples ?? []
        return Image.rgbFrame(width: w, height: h) { rgb in
            cells.samples.withUnsafeBufferPointer { c in
                grey.samples.withUnsafeBufferPointer { g in
                    outlines.withUnsafeBufferPointer { p in
                        tintIndex.withUnsafeBufferPointer { tintIndex in
                            tinted.withUnsafeBufferPointer { tinted in
                                nonisolated(unsafe) let c = c, g = g, p = p, tintIndex = tintIndex, tinted = tinted
                                nonisolated(unsafe) let rgb = rgb
                                func draw(_ rows: Range<Int>) {
                                    for y in rows {
                                        let up = y > 0 ? -w : 0, down = y + 1 < h ? w : 0
                                        for x in 0 ..< w {
                                            let i = y * w + x
                                            let left = x > 0 ? -1 : 0, right = x + 1 < w ? 1 : 0
                                            var out = (g[i], g[i], g[i])
                                            let k = tintIndex[Int(c[i])]
                                            if k >= 0 {
                                                let base = (k * 256 + Int(g[i])) * 3
                                                out = (tinted[base], tinted[base + 1], tinted[base + 2])
                                            }
                                            if differs(c, i, left, right, up, down) { out = (0, 0, 0) }
                                            if !p.isEmpty, p[i] != 0, differs(p, i, left, right, up, down) {
                                                out = (255, 255, 255)
                                            }
                                            rgb[3 * i] = out.0
                                            rgb[3 * i + 1] = out.1
                                            rgb[3 * i + 2] = out.2
                                        }
                                    }
                                }
                                // One band is drawn directly: through parallelMap's closure the
                                // loop's loads and stores are not inlined.
                                let bands = max(1, min(threads, h / 64))
                                if bands == 1 {
                                    draw(0 ..< h)
                                } else {
                                    _ = parallelMap(bands, threads: bands) { b in draw(b * h / bands ..< (b + 1) * h / bands) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
