import LacunaImage
import LacunaNetwork
import LacunaReport
import LacunaSegmentation
import LacunaSynth
import Testing

@Suite("Cell overlay")
struct CellOverlayTests {
    @Test("bands of rows on 2 and 3 threads draw the one-thread image; the cells' corners are the same on 2 threads")
    func banded() {
        // 40 disks in a 300 × 200 frame: three bands of ≥ 64 rows.
        let w = 300, h = 200
        var random = SeededRandom(seed: 78)
        var pores = LabelImage(width: w, height: h, repeating: 0)
        for k in 0 ..< 40 {
            let cx = random.uniform() * Double(w), cy = random.uniform() * Double(h), r = 3 + 6 * random.uniform()
            for y in 0 ..< h {
                for x in 0 ..< w where pores[x, y] == 0
                    && (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= r * r {
                    pores[x, y] = Int32(k + 1)
                }
            }
        }
        let labelled = labelComponents(of: pores.map { $0 != 0 }, connectivity: .eight)
        let grey = Image<UInt8>(width: w, height: h, samples: (0 ..< w * h).map { _ in UInt8(random.uniform() * 255) })
        let cells = influenceZones(of: labelled.labels)
        let one = CellNetwork(cells: .wide(cells), count: labelled.count, field: nil, rule: AdjacencyRule(), pores: labelled.labels,
                              poreDistances: squaredDistanceToPores(labelled.labels))
        let two = CellNetwork(cells: .narrow(cells.map { UInt16($0) }), count: labelled.count, field: nil, rule: AdjacencyRule(), pores: labelled.labels,
                              poreDistances: squaredDistanceToPores(labelled.labels, threads: 2), threads: 2)
        #expect(one.cells == two.cells && one.cells.contains { ($0.corners ?? 0) > 2 })
        let image = CellOverlay.render(grey: grey, network: one, pores: labelled.labels)
        for threads in [2, 3] {
            #expect(CellOverlay.render(grey: grey, network: one, pores: labelled.labels, threads: threads).samples == image.samples)
        }
    }

    @Test("every pixel, frame edges included: cell boundaries black, pore outlines white, cells tinted 45 % by side class; the codes say which")
    func pixels() {
        // Four disks of radius 4 in a 23 × 17 frame, one cut by the left edge; grey levels random.
        let w = 23, h = 17
        let centres: [(Double, Double)] = [(1, 5), (11, 4), (17, 11), (7, 12)]
        var pores = LabelImage(width: w, height: h, repeating: 0)
        for (k, (cx, cy)) in centres.enumerated() {
            for y in 0 ..< h {
                for x in 0 ..< w where (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= 16 {
                    pores[x, y] = Int32(k + 1)
                }
            }
        }
        var random = SeededRandom(seed: 77)
        let grey = Image<UInt8>(width: w, height: h, samples: (0 ..< w * h).map { _ in UInt8(random.uniform() * 255) })
        let network = CellNetwork(labels: influenceZones(of: pores), count: centres.count, pores: pores)
        let rgb = CellOverlay.render(grey: grey, network: network, pores: pores)
        let codes = CellOverlay.codes(network: network, pores: pores)
        let cells = network.labels
        // A pixel is on an outline when a 4-neighbour inside the frame has another label.
        func onOutline(_ labels: LabelImage, _ x: Int, _ y: Int) -> Bool {
            [(-1, 0), (1, 0), (0, -1), (0, 1)].contains { dx, dy in
                let nx = x + dx, ny = y + dy
                return nx >= 0 && ny >= 0 && nx < w && ny < h && labels[nx, ny] != labels[x, y]
            }
        }
        var black = 0, white = 0, tinted = 0
        for y in 0 ..< h {
            for x in 0 ..< w {
                let g = Double(grey[x, y])
                var expected = [grey[x, y], grey[x, y], grey[x, y]]
                var tint = 0 // the code's palette entry + 1: side classes ≤ 4, 5, 6, 7, ≥ 8, then border cells
                if let cell = network.cells.first(where: { $0.label == Int(cells[x, y]) }) {
                    let c = CellOverlay.colour(sides: cell.sides, border: cell.touchesBorder)
                    expected = [c.red, c.green, c.blue].map { UInt8((0.55 * g + 0.45 * Double($0)).rounded()) }
                    tinted += 1
                    tint = cell.touchesBorder ? 6 : min(max(cell.sides, 4), 8) - 3
                }
                let code = codes[x, y]
                #expect(Int(code & 7) == tint && (code & 8 != 0) == onOutline(cells, x, y)
                    && (code & 16 != 0) == (pores[x, y] != 0 && onOutline(pores, x, y)) && code < 32, "code at (\(x), \(y))")
                if onOutline(cells, x, y) {
                    expected = [0, 0, 0]
                    black += 1
                }
                if pores[x, y] != 0 && onOutline(pores, x, y) {
                    expected = [255, 255, 255]
                    white += 1
                }
                #expect((0 ..< 3).map { rgb[x, y, $0] } == expected, "pixel (\(x), \(y))")
            }
        }
        #expect(black > 20 && white > 20 && tinted > 100, "the frame has every kind of pixel")
        // The same network with its labels in 16 bits draws the same overlay.
        let narrow = CellNetwork(cells: .narrow(network.labels.map { UInt16($0) }), count: centres.count, field: nil,
                                 rule: network.rule, pores: pores, poreDistances: squaredDistanceToPores(pores))
        #expect(narrow.cells == network.cells)
        #expect(CellOverlay.render(grey: grey, network: narrow, pores: pores) == rgb)
    }
}
