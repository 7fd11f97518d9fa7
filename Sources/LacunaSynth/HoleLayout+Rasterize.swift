/// Pixel coverage of the holes, one hole at a time.
extension HoleLayout {
    /// Calls `visit(hole, x, y, fraction)` for every pixel a hole covers, with the covered
    /// fraction from `samples × samples` point samples per pixel (holes in layout order).
    public func rasterize(width: Int, height: Int, samples: Int = 4,
                          visit: (_ hole: Int, _ x: Int, _ y: Int, _ fraction: Double) -> Void) {
        let step = 1 / Double(samples)
        let weight = 1 / Double(samples * samples)
        for (k, hole) in holes.enumerated() {
            let xs = hole.polygon.vertices.map(\.x), ys = hole.polygon.vertices.map(\.y)
            let x0 = max(0, Int((xs.min() ?? 0).rounded(.down))), x1 = min(width - 1, Int((xs.max() ?? 0).rounded(.up)))
            let y0 = max(0, Int((ys.min() ?? 0).rounded(.down))), y1 = min(height - 1, Int((ys.max() ?? 0).rounded(.up)))
            if x0 > x1 || y0 > y1 { continue }
            for y in y0 ... y1 {
                for x in x0 ... x1 {
                    var inside = 0
                    for sy in 0 ..< samples {
                        for sx in 0 ..< samples {
                            let point = ConvexPolygon.Point(x: Double(x) + (Double(sx) + 0.5) * step,
                                                            y: Double(y) + (Double(sy) + 0.5) * step)
                            if hole.polygon.contains(point) { inside += 1 }
                        }
                    }
                    if inside > 0 { visit(k, x, y, Double(inside) * weight) }
                }
            }
        }
    }
}
