import LacunaImage

/// ImageJ's perimeter of a particle: the outline traced along pixel edges (crack following)
/// with ImageJ's corner correction.
///
/// The outline is traced as ImageJ 1.54's `Wand` does for Analyze Particles (8-connected,
/// legacy threshold mode): starting at the vertex below the right end of the region's first
/// run in raster order, walking with the outside on the left and turning left whenever the
/// next pixel allows, keeping only the vertices where the direction changes. The length is
/// `PolygonRoi.getTracedPerimeter`: Σ|dx| + Σ|dy| − n_c·(2 − √2), where a vertex is a counted
/// corner when the side arriving at it is longer than 1 or the previous vertex was not counted
/// (so runs of unit steps alternate; ImageJ notes the result can depend on the start point,
/// which is why the start is reproduced exactly). Only the outer boundary counts: holes do not
/// (../shared/reference/anchors.md §4.1, §4.2: disk r = 20 gives 132.9533).
/// Complexity O(boundary length).
func tracedPerimeter(of crop: RegionCrop) -> Double {
    let (xs, ys) = tracedOutline(of: crop.mask)
    let n = xs.count
    guard n >= 4 else { return 0 }
    var sumX = 0, sumY = 0, corners = 0
    var dx1 = xs[0] - xs[n - 1], dy1 = ys[0] - ys[n - 1]
    var side1 = abs(dx1) + abs(dy1)
    var corner = false
    for i in 0 ..< n {
        let next = i + 1 == n ? 0 : i + 1
        let dx2 = xs[next] - xs[i], dy2 = ys[next] - ys[i]
        sumX += abs(dx1)
        sumY += abs(dy1)
        if side1 > 1 || !corner {
            corner = true
            corners += 1
        } else {
            corner = false
        }
        dx1 = dx2
        dy1 = dy2
        side1 = abs(dx2) + abs(dy2)
    }
    return Double(sumX + sumY) - Double(corners) * (2 - 2.0.squareRoot())
}

/// The corner vertices of the outer outline of the 8-connected region containing the mask's
/// first foreground pixel (raster order), in ImageJ's tracing order. Vertex (x, y) is the
/// corner between pixels (x − 1, y − 1) and (x, y). The mask must have a background margin.
func tracedOutline(of mask: Mask) -> (xs: [Int], ys: [Int]) {
    let w = mask.width
    guard let first = mask.samples.firstIndex(of: true) else { return ([], []) }
    return mask.samples.withUnsafeBufferPointer { s -> ([Int], [Int]) in
        func inside(_ x: Int, _ y: Int) -> Bool { s[y * w + x] }
        // Pixel in direction d of vertex (x, y): 0 → (x, y), 1 → (x, y−1), 2 → (x−1, y−1), 3 → (x−1, y).
        func inside(_ x: Int, _ y: Int, _ direction: Int) -> Bool {
            switch direction & 3 {
            case 0: inside(x, y)
            case 1: inside(x, y - 1)
            case 2: inside(x - 1, y - 1)
            default: inside(x - 1, y)
            }
        }
        let startY = first / w
        var startX = first % w
        while inside(startX, startY) { startX += 1 }
        // The pixel at (startX, startY) is outside: walk down (direction 3) from the vertex below.
        let startDirection = 3
        let originY = startY + 1
        var xs: [Int] = [], ys: [Int] = []
        var x = startX, y = originY, direction = startDirection
        repeat {
            var newDirection = direction + 1
            repeat {
                if inside(x, y, newDirection) { break }
                newDirection -= 1
            } while newDirection >= direction
            if newDirection != direction {
                xs.append(x)
                ys.append(y)
            }
            switch newDirection & 3 {
            case 0: x += 1
            case 1: y -= 1
            case 2: x -= 1
            default: y += 1
            }
            direction = newDirection
        } while x != startX || y != originY || (direction & 3) != startDirection
        if let x0 = xs.first, x0 != x {
            xs.append(x)
            ys.append(y)
        }
        return (xs, ys)
    }
}
