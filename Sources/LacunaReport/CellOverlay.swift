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
    /// bands of rows drawn by up to `threads` threads (the same image for any number):
    /// `render(grey:codes:)` of `codes(network:pores:)`.
    @_specialize(where P == Int32)
    @_specialize(where P == UInt16)
    public static func render<P: FixedWidthInteger & Sendable>(grey: Image<UInt8>, network: CellNetwork,
                                                               pores: Image<P>?, threads: Int = 1) -> Image<UInt8> {
        render(grey: grey, codes: codes(network: network, pores: pores, threads: threads), threads: threads)
    }

    /// What the overlay draws at each pixel, one byte a pixel, so the cell labels can be let go
    /// before the RGB frame is made (at 8192², 64 MiB instead of 128 beside it): bits 0–2 the
    /// pixel's cell's palette entry + 1 (0: no tint), bit 3 a cell boundary (the cell label
    /// differs from a 4-neighbour's), bit 4 a pore outline (a pore pixel whose label differs from
    /// a 4-neighbour's). Bands of rows by up to `threads` threads.
    @_specialize(where P == Int32)
    @_specialize(where P == UInt16)
    public static func codes<P: FixedWidthInteger & Sendable>(network: CellNetwork, pores: Image<P>?,
                                                              threads: Int = 1) -> Image<UInt8> {
        codes(network: network, poreOutlines: pores.map { labelBoundaries(of: $0, threads: threads) }, threads: threads)
    }

    /// `codes(network:pores:)` with the pore outlines given as they are drawn
    /// (`labelBoundaries(of: pores)`), so the pore labels need not be held beside the cells.
    public static func codes(network: CellNetwork, poreOutlines: PackedMask?, threads: Int = 1) -> Image<UInt8> {
        switch network.cellLabels {
        case let .narrow(cells): codes(cells: cells, of: network.cells, outlines: poreOutlines, threads: threads)
        case let .wide(cells): codes(cells: cells, of: network.cells, outlines: poreOutlines, threads: threads)
        }
    }

    static let boundaryBit: UInt8 = 1 << 3
    static let outlineBit: UInt8 = 1 << 4

    /// `codes` with the cell labels stored as `L`; `list` the network's cells.
    private static func codes<L: FixedWidthInteger & Sendable>(
        cells: Image<L>, of list: [NetworkCell], outlines: PackedMask?, threads: Int
    ) -> Image<UInt8> {
        precondition(outlines.map { $0.width == cells.width && $0.height == cells.height } ?? true,
                     "pore outlines must be the size of the cell labels")
        let w = cells.width, h = cells.height
        let maxLabel = list.map(\.label).max() ?? 0
        // tintCode[label]: the palette entry + 1 of the cell, 0 for no tint.
        var tintCode = [UInt8](repeating: 0, count: maxLabel + 1)
        for cell in list {
            tintCode[cell.label] = UInt8(paletteIndex(sides: cell.sides, border: cell.touchesBorder) + 1)
        }
        // Whether pixel i's label differs from one of its 4-neighbours. A neighbour outside the
        // frame is given as offset 0 (the pixel itself), which never differs: no branches.
        @inline(__always)
        func differs<T: FixedWidthInteger>(_ l: UnsafeBufferPointer<T>, _ i: Int, _ left: Int, _ right: Int, _ up: Int,
                                           _ down: Int) -> Bool {
            let own = l[i]
            return ((l[i + left] ^ own) | (l[i + right] ^ own) | (l[i + up] ^ own) | (l[i + down] ^ own)) != 0
        }
        let none = PackedMask(width: 0, height: 0, words: [])
        let samples = [UInt8](unsafeUninitializedCapacity: w * h) { out, count in
            cells.samples.withUnsafeBufferPointer { c in
                (outlines ?? none).withWords { p in
                    tintCode.withUnsafeBufferPointer { tintCode in
                        nonisolated(unsafe) let c = c, p = p, tintCode = tintCode, out = out
                        func mark(_ rows: Range<Int>) {
                            for y in rows {
                                let up = y > 0 ? -w : 0, down = y + 1 < h ? w : 0
                                for x in 0 ..< w {
                                    let i = y * w + x
                                    let left = x > 0 ? -1 : 0, right = x + 1 < w ? 1 : 0
                                    var code = tintCode[Int(c[i])]
                                    if differs(c, i, left, right, up, down) { code |= boundaryBit }
                                    if !p.isEmpty, (p[i >> 6] >> UInt64(i & 63)) & 1 != 0 { code |= outlineBit }
                                    out[i] = code
                                }
                            }
                        }
                        inBands(height: h, threads: threads, mark)
                    }
                }
            }
            count = w * h
        }
        return Image(width: w, height: h, samples: samples)
    }

    /// The overlay of `grey` (one channel) from its `codes` (`codes(network:pores:)`, same
    /// size): each pixel the grey level, blended with its cell's tint (round(0.55 · grey +
    /// 0.45 · colour) per channel), black on a cell boundary, white on a pore outline. Bands of
    /// rows by up to `threads` threads.
    public static func render(grey: Image<UInt8>, codes: Image<UInt8>, threads: Int = 1) -> Image<UInt8> {
        precondition(grey.channels == 1 && grey.width == codes.width && grey.height == codes.height,
                     "cell overlay needs a grey image the size of the cell labels")
        let w = grey.width, h = grey.height
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
        return Image.rgbFrame(width: w, height: h) { rgb in
            codes.samples.withUnsafeBufferPointer { c in
                grey.samples.withUnsafeBufferPointer { g in
                    tinted.withUnsafeBufferPointer { tinted in
                        nonisolated(unsafe) let c = c, g = g, tinted = tinted, rgb = rgb
                        func draw(_ rows: Range<Int>) {
                            for i in rows.lowerBound * w ..< rows.upperBound * w {
                                let code = c[i]
                                var out = (g[i], g[i], g[i])
                                if code & 7 != 0 {
                                    let base = ((Int(code & 7) - 1) * 256 + Int(g[i])) * 3
                                    out = (tinted[base], tinted[base + 1], tinted[base + 2])
                                }
                                if code & boundaryBit != 0 { out = (0, 0, 0) }
                                if code & outlineBit != 0 { out = (255, 255, 255) }
                                rgb[3 * i] = out.0
                                rgb[3 * i + 1] = out.1
                                rgb[3 * i + 2] = out.2
                            }
                        }
                        inBands(height: h, threads: threads, draw)
                    }
                }
            }
        }
    }

    /// `body` over rows 0..<`height` in up to `threads` bands of at least 64 rows. One band is
    /// called directly: through `parallelMap`'s closure the loop's loads and stores are not
    /// inlined.
    @inline(__always)
    private static func inBands(height h: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let bands = max(1, min(threads, h / 64))
        if bands == 1 {
            body(0 ..< h)
        } else {
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                _ = parallelMap(bands, threads: bands) { b in body(b * h / bands ..< (b + 1) * h / bands) }
            }
        }
    }
}
