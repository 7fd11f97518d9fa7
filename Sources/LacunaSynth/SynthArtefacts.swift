#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SEM artefacts of a synthetic image that act before the blur: hole floors of varying
/// depth, a bright rim on the walls at each hole's edge (the SEM edge effect: more secondary
/// electrons escape near an edge) and bright debris on hole floors. None moves a hole's
/// outline, so the truth (exact polygon areas) is unchanged.
enum SynthArtefacts {
    /// Adds the artefacts of `spec` to `level` (grey levels as fractions of full scale, before
    /// blur), drawing random numbers from `random` only.
    static func draw(on level: inout [Double], layout: HoleLayout, cover: [Float], spec: SynthSpec,
                     random: inout SeededRandom) {
        let w = spec.width, h = spec.height
        var floors = [Double](repeating: spec.holeLevel, count: layout.holes.count)
        if spec.floorSpread != 0 {
            for k in floors.indices { floors[k] += spec.floorSpread * (random.uniform() - 0.5) }
            for (k, hole) in layout.holes.enumerated() {
                let offset = floors[k] - spec.holeLevel
                hole.forEachCoveredPixel(width: w, height: h, samples: 4) { i, fraction in
                    level[i] += Double(fraction) * offset
                }
            }
        }
        if spec.rimAmplitude != 0 {
            addRims(to: &level, layout: layout, cover: cover, spec: spec)
        }
        if spec.debrisPerHole > 0 {
            for (k, hole) in layout.holes.enumerated() {
                var count = Int(spec.debrisPerHole)
                if random.uniform() < spec.debrisPerHole - Double(count) { count += 1 }
                for _ in 0 ..< count {
                    let radius = spec.debrisRadius * (0.5 + 0.5 * random.uniform())
                    guard let centre = hole.polygon.randomInteriorPoint(margin: radius + 1.5, random: &random) else { continue }
                    addDisc(to: &level, centre: centre, radius: radius, width: w, height: h,
                            lift: spec.wallLevel - floors[k])
                }
            }
        }
    }

    /// The rim: each wall pixel (weighted by its uncovered fraction) gains
    /// amplitude·exp(−d/width), d the distance of its centre to the nearest hole outline.
    private static func addRims(to level: inout [Double], layout: HoleLayout, cover: [Float], spec: SynthSpec) {
        let w = spec.width, h = spec.height
        var nearest = [Double](repeating: .infinity, count: w * h)
        let reach = 6 * spec.rimWidth + 1
        for hole in layout.holes {
            let xs = hole.polygon.vertices.map(\.x), ys = hole.polygon.vertices.map(\.y)
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            let x0 = max(0, Int((minX - reach).rounded(.down))), x1 = min(w - 1, Int((maxX + reach).rounded(.up)))
            let y0 = max(0, Int((minY - reach).rounded(.down))), y1 = min(h - 1, Int((maxY + reach).rounded(.up)))
            if x0 > x1 || y0 > y1 { continue }
            for y in y0 ... y1 {
                for x in x0 ... x1 {
                    let p = ConvexPolygon.Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
                    let d = hole.polygon.contains(p) ? 0 : hole.polygon.distanceToOutline(p)
                    if d < nearest[y * w + x] { nearest[y * w + x] = d }
                }
            }
        }
        for i in level.indices where nearest[i].isFinite {
            level[i] += spec.rimAmplitude * exp(-nearest[i] / spec.rimWidth) * Double(1 - min(1, cover[i]))
        }
    }

    /// Raises the pixels under a disc by `lift` × their covered fraction (4 × 4 point samples).
    private static func addDisc(to level: inout [Double], centre: ConvexPolygon.Point, radius: Double,
                                width w: Int, height h: Int, lift: Double) {
        let x0 = max(0, Int((centre.x - radius).rounded(.down))), x1 = min(w - 1, Int((centre.x + radius).rounded(.up)))
        let y0 = max(0, Int((centre.y - radius).rounded(.down))), y1 = min(h - 1, Int((centre.y + radius).rounded(.up)))
        if x0 > x1 || y0 > y1 { return }
        for y in y0 ... y1 {
            for x in x0 ... x1 {
                var inside = 0
                for sy in 0 ..< 4 {
                    for sx in 0 ..< 4 {
                        let dx = Double(x) + (Double(sx) + 0.5) / 4 - centre.x
                        let dy = Double(y) + (Double(sy) + 0.5) / 4 - centre.y
                        if dx * dx + dy * dy <= radius * radius { inside += 1 }
                    }
                }
                level[y * w + x] += lift * Double(inside) / 16
            }
        }
    }
}
