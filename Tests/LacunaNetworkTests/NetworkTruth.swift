import LacunaImage
import LacunaNetwork
import LacunaSegmentation
import LacunaSynth

/// Measured cells matched to synthetic Voronoi truth, pooled over images.
///
/// Each interior measured cell is matched to the truth hole nearest its centroid (within a
/// quarter of the lattice spacing); P(n) and ⟨n⟩ compare the measured side numbers of the matched
/// cells with the Voronoi side numbers of the same cells. The cell count compares all measured
/// cells with the truth holes showing at least `minimumArea` px inside the frame.
struct NetworkComparison: CustomStringConvertible {
    var pairs: [(measured: Int, truth: Int)] = []
    var interior = 0
    var cellCount = 0
    var truthCellCount = 0

    mutating func add(cells: [NetworkCell], layout: HoleLayout, width: Int, height: Int, spacing: Double,
                      minimumArea: Double = 10) {
        let holes = layout.holes
        let centres = holes.map(\.polygon.centroid)
        for cell in cells where !cell.touchesBorder {
            interior += 1
            var best = Double.infinity, sides = -1
            for (k, c) in centres.enumerated() {
                let d = (c.x - cell.centroidX) * (c.x - cell.centroidX) + (c.y - cell.centroidY) * (c.y - cell.centroidY)
                if d < best { best = d; sides = holes[k].cellSides }
            }
            if best.squareRoot() < spacing / 4 { pairs.append((cell.sides, sides)) }
        }
        cellCount += cells.count
        truthCellCount += holes.filter { hole in
            let inFrame = hole.polygon
                .clipped(normal: .init(x: -1, y: 0), offset: 0).clipped(normal: .init(x: 1, y: 0), offset: Double(width))
                .clipped(normal: .init(x: 0, y: -1), offset: 0).clipped(normal: .init(x: 0, y: 1), offset: Double(height))
            return inFrame.vertices.count >= 3 && inFrame.area >= minimumArea
        }.count
    }

    var matchedFraction: Double { Double(pairs.count) / Double(max(1, interior)) }
    var agreement: Double { fraction { $0.measured == $0.truth } }
    var measuredMeanSides: Double { mean { $0.measured } }
    var truthMeanSides: Double { mean { $0.truth } }
    func measuredP(_ n: Int) -> Double { fraction { $0.measured == n } }
    func truthP(_ n: Int) -> Double { fraction { $0.truth == n } }
    var countError: Double { Double(cellCount - truthCellCount) / Double(max(1, truthCellCount)) }

    private func fraction(_ predicate: ((measured: Int, truth: Int)) -> Bool) -> Double {
        Double(pairs.filter(predicate).count) / Double(max(1, pairs.count))
    }

    private func mean(_ value: ((measured: Int, truth: Int)) -> Int) -> Double {
        Double(pairs.reduce(0) { $0 + value($1) }) / Double(max(1, pairs.count))
    }

    var description: String {
        "cells \(pairs.count)/\(interior) agree \(agreement) ⟨n⟩ \(measuredMeanSides) vs \(truthMeanSides) "
            + "P5 \(measuredP(5)) vs \(truthP(5)) P6 \(measuredP(6)) vs \(truthP(6)) count \(cellCount) vs \(truthCellCount)"
    }
}

/// The first-release segmentation (σ 1 blur, Otsu, fill holes, 8-connected, ≥ 10 px).
func segmentPores(_ grey: Image<UInt8>) -> (labels: LabelImage, count: Int) {
    let smooth = gaussianBlur(grey, sigma: 1)
    let t = otsuThreshold(histogram: histogram(of: smooth)) ?? 128
    let mask = fillingHoles(in: poreMask(smooth, threshold: t, polarity: .dark))
    let components = removingSmallComponents(labelComponents(of: mask), minimumArea: 10)
    return (components.labels, components.count)
}

/// The σ 1 blurred frame as `Float`, as the pipeline hands it to the ridge method.
func gaussianBlurred(_ grey: Image<UInt8>) -> Image<Float> {
    gaussianBlur(grey, sigma: 1).map { Float($0) }
}
