import LacunaFit

/// A law of 2-D cellular networks fitted to the interior cells of one image.
public struct NetworkLawFit: Sendable, Equatable {
    /// The law's parameter (Lewis: n₀; Aboav–Weaire: a; Desch: the slope, px per side).
    public var value: Double
    /// 95 % confidence interval of `value` (`nil` with fewer than 3 cells or no spread).
    public var ci95: ClosedRange<Double>?
    /// The underlying straight-line fit over cells.
    public var line: LinearFit
}

/// The three laws of 2-D cellular networks, each a straight line fitted by ordinary least
/// squares over individual cells (not class means), so every cell weighs the same and the
/// intervals reflect the scatter of cells (Student's t, n − 2 degrees of freedom).
public enum NetworkLaws {
    /// Lewis's law (Lewis 1928, Anat. Rec. 38:341): the mean area of n-sided cells grows
    /// linearly in n, ⟨A⟩ₙ/⟨A⟩ = (n − n₀)/(6 − n₀). Fits A/⟨A⟩ = α + β·n over `cells` and
    /// returns n₀ = −α/β with its delta-method interval
    /// Var n₀ = (Var α + 2n₀·Cov(α, β) + n₀²·Var β)/β², Cov(α, β) = −n̄·s²/Sxx.
    public static func lewis(sides: [Int], areas: [Double]) -> NetworkLawFit? {
        guard sides.count == areas.count, !areas.isEmpty else { return nil }
        let mean = areas.reduce(0, +) / Double(areas.count)
        guard mean > 0, let line = try? fitLinear(x: sides.map(Double.init), y: areas.map { $0 / mean }),
              line.slope != 0 else { return nil }
        let n0 = -line.intercept / line.slope
        var interval: ClosedRange<Double>? = nil
        if line.degreesOfFreedom >= 1, line.residualVariance.isFinite {
            let s2 = line.residualVariance, sxx = line.sumOfSquaresX, xbar = line.meanX
            let count = Double(line.pointCount)
            let varA = s2 * (1 / count + xbar * xbar / sxx), varB = s2 / sxx, cov = -xbar * s2 / sxx
            let variance = (varA + 2 * n0 * cov + n0 * n0 * varB) / (line.slope * line.slope)
            let t = StudentT.quantile(0.975, degreesOfFreedom: Double(line.degreesOfFreedom))
            let half = t * variance.squareRoot()
            if half.isFinite { interval = (n0 - half) ... (n0 + half) }
        }
        return NetworkLawFit(value: n0, ci95: interval, line: line)
    }

    /// The Aboav–Weaire law (Aboav 1970, Metallography 3:383; Weaire 1974, Metallography 7:157):
    /// the mean side number m(n) of the neighbours of an n-sided cell obeys
    /// n·m(n) = (6 − a)·n + 6a + μ₂. Fits n·m against n over `cells` and returns a = 6 − slope
    /// with the slope's interval mirrored.
    public static func aboavWeaire(sides: [Int], neighbourMeanSides: [Double]) -> NetworkLawFit? {
        guard sides.count == neighbourMeanSides.count, !sides.isEmpty else { return nil }
        let y = zip(sides, neighbourMeanSides).map { Double($0) * $1 }
        guard let line = try? fitLinear(x: sides.map(Double.init), y: y) else { return nil }
        let interval = line.slopeCI95.map { (6 - $0.upperBound) ... (6 - $0.lowerBound) }
        return NetworkLawFit(value: 6 - line.slope, ci95: interval, line: line)
    }

    /// Desch's law (Desch 1919, J. Inst. Metals 22:241; Rivier & Lissowski 1982): the mean
    /// perimeter of n-sided cells is linear in n. Fits perimeter against n; `value` is the slope
    /// in the perimeters' unit per side.
    public static func desch(sides: [Int], perimeters: [Double]) -> NetworkLawFit? {
        guard sides.count == perimeters.count, !sides.isEmpty,
              let line = try? fitLinear(x: sides.map(Double.init), y: perimeters) else { return nil }
        return NetworkLawFit(value: line.slope, ci95: line.slopeCI95, line: line)
    }
}
