import LacunaImage

/// Contrast-limited adaptive histogram equalisation (Zuiderveld 1994, "Contrast limited
/// adaptive histogram equalization", Graphics Gems IV, pp. 474–485).
///
/// The image is cut into `tiles × tiles` rectangles; each gets a 256-bin histogram (bin =
/// ⌊256·v/(max + 1)⌋ of the depth's maximum), clipped at `clipLimit` × the tile's pixel count
/// (at least 1, scikit-image's normalisation; default 0.01), the clipped excess spread evenly
/// over all bins once, and its cumulative histogram scaled to the full depth becomes the
/// tile's grey-level map. Each pixel's value is the bilinear interpolation of the maps of the
/// four nearest tile centres (edge and corner pixels use the nearest two or one). O(width·height
/// + tiles²·256); the input is not modified.
public struct CLAHE: Sendable, Equatable {
    /// Tiles along each side, 1…64 (default 8, as scikit-image's ⅛ of the image).
    public var tiles: Int
    /// Clip limit as a fraction of a tile's pixels per bin, in (0, 1] (default 0.01).
    public var clipLimit: Double

    public init(tiles: Int = 8, clipLimit: Double = 0.01) {
        self.tiles = tiles
        self.clipLimit = clipLimit
    }

    /// The equalised image.
    @_specialize(exported: true, where S == UInt8)
    @_specialize(exported: true, where S == UInt16)
    public func apply<S: FixedWidthInteger & UnsignedInteger & Sendable>(to image: Image<S>) -> Image<S> {
        precondition(image.channels == 1, "CLAHE needs one channel, got \(image.channels)")
        precondition(tiles >= 1 && tiles <= 64 && clipLimit > 0 && clipLimit <= 1,
                     "CLAHE tiles \(tiles) must be 1…64 and clip limit \(clipLimit) in (0, 1]")
        let w = image.width, h = image.height
        guard w > 0, h > 0 else { return image }
        let nx = min(tiles, w), ny = min(tiles, h)
        let top = Double(S.max)
        let levels = Int(S.max) + 1
        @inline(__always) func bin(_ v: S) -> Int { Int(v) * 256 / levels }
        // maps[(ty * nx + tx) * 256 + b]: the tile's output level for bin b.
        var maps = [Double](repeating: 0, count: nx * ny * 256)
        var counts = [Int](repeating: 0, count: 256)
        image.samples.withUnsafeBufferPointer { src in
            for ty in 0 ..< ny {
                for tx in 0 ..< nx {
                    let x0 = tx * w / nx, x1 = (tx + 1) * w / nx, y0 = ty * h / ny, y1 = (ty + 1) * h / ny
                    for b in 0 ..< 256 { counts[b] = 0 }
                    for y in y0 ..< y1 {
                        for x in x0 ..< x1 { counts[bin(src[y * w + x])] += 1 }
                    }
                    let pixels = (x1 - x0) * (y1 - y0)
                    let clip = max(1, Int(clipLimit * Double(pixels)))
                    var excess = 0
                    for b in 0 ..< 256 where counts[b] > clip {
                        excess += counts[b] - clip
                        counts[b] = clip
                    }
                    let share = excess / 256, extra = excess % 256
                    var cumulative = 0
                    for b in 0 ..< 256 {
                        cumulative += counts[b] + share + (b < extra ? 1 : 0)
                        maps[(ty * nx + tx) * 256 + b] = top * Double(cumulative) / Double(pixels)
                    }
                }
            }
        }
        // Tile centres along each axis, and the interpolation position of coordinate c.
        func centre(_ i: Int, _ n: Int, _ size: Int) -> Double { (Double(i * size / n) + Double((i + 1) * size / n)) / 2 - 0.5 }
        func position(_ c: Int, _ n: Int, _ size: Int) -> (Int, Int, Double) {
            let p = Double(c)
            if p <= centre(0, n, size) { return (0, 0, 0) }
            if p >= centre(n - 1, n, size) { return (n - 1, n - 1, 0) }
            var i = 0
            while centre(i + 1, n, size) < p { i += 1 }
            let a = centre(i, n, size), b = centre(i + 1, n, size)
            return (i, i + 1, (p - a) / (b - a))
        }
        let columns = (0 ..< w).map { position($0, nx, w) }
        var out = [S](repeating: 0, count: w * h)
        image.samples.withUnsafeBufferPointer { src in
            maps.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0 ..< h {
                        let (t0, t1, fy) = position(y, ny, h)
                        for x in 0 ..< w {
                            let (s0, s1, fx) = columns[x]
                            let b = bin(src[y * w + x])
                            let top0 = m[(t0 * nx + s0) * 256 + b] * (1 - fx) + m[(t0 * nx + s1) * 256 + b] * fx
                            let bottom = m[(t1 * nx + s0) * 256 + b] * (1 - fx) + m[(t1 * nx + s1) * 256 + b] * fx
                            dst[y * w + x] = S(min(top, max(0, (top0 * (1 - fy) + bottom * fy).rounded())))
                        }
                    }
                }
            }
        }
        return Image(width: w, height: h, samples: out)
    }
}
