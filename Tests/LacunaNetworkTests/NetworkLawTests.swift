import LacunaNetwork
import Testing

@Suite("Lewis, Aboav–Weaire and Desch fits on a network built by hand")
struct NetworkLawTests {
    static func cell(_ label: Int, _ neighbours: [Int], area: Int = 100, perimeter: Double = 40,
                     border: Bool = false) -> NetworkCell {
        NetworkCell(label: label, pore: label, area: area, perimeter: perimeter, centroidX: 0, centroidY: 0,
                    neighbours: neighbours, touchesBorder: border, corners: nil)
    }

    /// Cells 1–3 have only interior neighbours; 4–12 are interior hexagons next to border cells
    /// 13–18 (which have no counted sides).
    static let network: [NetworkCell] = {
        var cells = [
            cell(1, [2, 3, 4, 5, 6], area: 80, perimeter: 33),
            cell(2, [1, 3, 6, 7, 8, 9], area: 100, perimeter: 40),
            cell(3, [1, 2, 4, 9, 10, 11, 12], area: 120, perimeter: 46),
        ]
        let shallow: [Int: [Int]] = [
            4: [1, 3, 13, 14, 15, 16], 5: [1, 13, 14, 15, 16, 17], 6: [1, 2, 13, 14, 15, 16],
            7: [2, 13, 14, 15, 16, 17], 8: [2, 13, 14, 15, 16, 17], 9: [2, 3, 13, 14, 15, 16],
            10: [3, 13, 14, 15, 16, 17], 11: [3, 13, 14, 15, 16, 17], 12: [3, 13, 14, 15, 16, 18],
        ]
        for label in 4 ... 12 { cells.append(cell(label, shallow[label] ?? [], area: 110, perimeter: 41)) }
        for label in 13 ... 18 { cells.append(cell(label, [], area: 50, border: true)) }
        return cells
    }()

    @Test("Side statistics over the 12 interior cells: ⟨n⟩ = 72/12 = 6, μ₂ = 2/12, P(5) = P(7) = 1/12")
    func sides() throws {
        let s = NetworkStatistics(cells: Self.network)
        #expect(s.cellCount == 18)
        #expect(s.interiorCellCount == 12)
        #expect(try #require(s.meanSides) == 6)
        #expect(abs(try #require(s.secondMoment) - 2.0 / 12) < 1e-15)
        #expect(s.sideFractions[2] == 1.0 / 12)
        #expect(abs(s.sideFractions[3] - 10.0 / 12) < 1e-15)
        #expect(s.sideFractions[4] == 1.0 / 12)
    }

    @Test("Aboav–Weaire over cells 1–3: n·m = 31, 36, 41 at n = 5, 6, 7 → slope 5, a = 1")
    func aboavWeaire() throws {
        // m(1) = (6 + 7 + 6 + 6 + 6)/5 = 6.2; m(2) = (5 + 7 + 6·4)/6 = 6; m(3) = (5 + 6 + 6·5)/7 = 41/7.
        let fit = try #require(NetworkStatistics(cells: Self.network).aboavWeaire)
        #expect(fit.line.pointCount == 3)
        #expect(abs(fit.value - 1) < 1e-12)
        #expect(abs(fit.line.intercept - 6) < 1e-12)
    }

    @Test("Lewis: A/⟨A⟩ on n over 12 cells, n₀ and its delta-method interval by hand")
    func lewis() throws {
        // ⟨A⟩ = (80 + 100 + 120 + 9·110)/12 = 107.5. x = n, y = A/107.5.
        let xs: [Double] = [5, 6, 7] + [Double](repeating: 6, count: 9)
        let ys: [Double] = ([80, 100, 120] + [Double](repeating: 110, count: 9)).map { $0 / 107.5 }
        let n = 12.0, xbar = 6.0, ybar = 1.0
        let sxx = xs.reduce(0) { $0 + ($1 - xbar) * ($1 - xbar) }   // 2
        var sxy = 0.0
        for i in 0 ..< 12 { sxy += (xs[i] - xbar) * (ys[i] - ybar) }  // (−1)(80) + (1)(120) over 107.5 = 40/107.5
        let slope = sxy / sxx, intercept = ybar - slope * xbar
        let n0 = -intercept / slope
        #expect(abs(slope - 20 / 107.5) < 1e-12)
        var sse = 0.0
        for i in 0 ..< 12 { let r = ys[i] - intercept - slope * xs[i]; sse += r * r }
        let s2 = sse / 10
        let variance = (s2 * (1 / n + xbar * xbar / sxx) + 2 * n0 * (-xbar * s2 / sxx) + n0 * n0 * s2 / sxx) / (slope * slope)
        let t = 2.228138851986274 // Student's t, 0.975 quantile, 10 degrees of freedom
        let fit = try #require(NetworkStatistics(cells: Self.network).lewis)
        #expect(abs(fit.value - n0) < 1e-9)
        let ci = try #require(fit.ci95)
        #expect(abs(ci.upperBound - (n0 + t * variance.squareRoot())) < 1e-6)
        #expect(abs(ci.lowerBound - (n0 - t * variance.squareRoot())) < 1e-6)
    }

    @Test("Desch: perimeter slope over the interior cells (3 distinct n) by hand")
    func desch() throws {
        // Perimeters: 33, 40, 46 at n = 5, 6, 7 and nine 41 at n = 6; x̄ = 6, Sxx = 2,
        // Sxy = (−1)(33 − ȳ) + (1)(46 − ȳ) = 13 → slope 6.5.
        let fit = try #require(NetworkStatistics(cells: Self.network).desch)
        #expect(abs(fit.value - 6.5) < 1e-12)
    }

    @Test("Too few cells: no fits, no crash")
    func tooFew() {
        let s = NetworkStatistics(cells: [Self.cell(1, [2, 3, 4]), Self.cell(2, [1], border: true)])
        #expect(s.lewis == nil)
        #expect(s.desch == nil)
        #expect(s.aboavWeaire == nil)
        #expect(s.meanSides == 3)
    }
}
