import LacunaImage
@testable import LacunaSegmentation
import Testing

/// Bands of the PLUS edge response against the whole frame's response, and the whole frame's
/// against its definition written the slow way.
@Suite("Edge response: bands of rows")
struct EdgeResponseRowsTests {
    /// A `width` × `height` image of pseudo-random levels (a fixed linear congruential sequence)
    /// with a few steps, so the response has edges in every direction.
    static func image<S: FixedWidthInteger & UnsignedInteger & Sendable>(_: S.Type, width: Int, height: Int,
                                                                        seed: UInt64) -> Image<S> {
        var state = seed
        var samples = [S](repeating: 0, count: width * height)
        for y in 0 ..< height {
            for x in 0 ..< width {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let noise = Double(state >> 40) / Double(1 << 24)
                let step = (x * 3 + y * 5) % 17 < 8 ? 0.7 : 0.2
                samples[y * width + x] = S(((step + 0.25 * noise) * Double(S.max) / 1.0).rounded(.down).clamped(to: 0 ... Double(S.max)))
            }
        }
        return Image(width: width, height: height, samples: samples)
    }

    /// The response by its definition: Gaussian rows then columns as the blur's definition
    /// (`GaussianBlurStreamingTests.naiveSmoothed`, unrounded), then central differences with
    /// the border rows and columns copying their neighbours.
    static func definition<S: FixedWidthInteger & UnsignedInteger & Sendable>(_ image: Image<S>, sigma: Double) -> [Float] {
        let w = image.width, h = image.height
        let s = sigma > 0 ? GaussianBlurStreamingTests.naiveSmoothed(image, sigma: sigma) : image.samples.map(Float.init)
        var out = [Float](repeating: 0, count: w * h)
        for y in 1 ..< h - 1 {
            for x in 1 ..< w - 1 {
                let v = { (dx: Int, dy: Int) in s[(y + dy) * w + x + dx] }
                let ix = (v(1, 0) - v(-1, 0)) / 2, iy = (v(0, 1) - v(0, -1)) / 2
                let ixx = v(1, 0) - 2 * v(0, 0) + v(-1, 0), iyy = v(0, 1) - 2 * v(0, 0) + v(0, -1)
                let ixy = (v(1, 1) - v(-1, 1) - v(1, -1) + v(-1, -1)) / 4
                let g2 = ix * ix + iy * iy
                out[y * w + x] = ixx + iyy + (g2 > 1e-12 ? (ix * ix * ixx + 2 * ix * iy * ixy + iy * iy * iyy) / g2 : 0)
            }
        }
        for x in 0 ..< w {
            out[x] = out[w + x]
            out[(h - 1) * w + x] = out[(h - 2) * w + x]
        }
        for y in 0 ..< h {
            out[y * w] = out[y * w + 1]
            out[y * w + w - 1] = out[y * w + w - 2]
        }
        return out
    }

    @Test("the whole frame's response is its definition, bit for bit",
          arguments: [(3, 3, 1.0), (5, 4, 0.0), (17, 23, 1.0), (40, 31, 2.5), (64, 9, 1.7)])
    func wholeFrame(width: Int, height: Int, sigma: Double) {
        let grey = Self.image(UInt8.self, width: width, height: height, seed: UInt64(width * 1000 + height))
        let got = plusEdgeResponse(grey, sigma: sigma).samples
        let want = Self.definition(grey, sigma: sigma)
        #expect(got.map(\.bitPattern) == want.map(\.bitPattern))
        let deep = Self.image(UInt16.self, width: width, height: height, seed: 7)
        #expect(plusEdgeResponse(deep, sigma: sigma).samples.map(\.bitPattern)
            == Self.definition(deep, sigma: sigma).map(\.bitPattern))
    }

    @Test("every band's rows are the whole frame's, bit for bit; at most one row more on each side, NaN",
          arguments: [(3, 3, 1.0), (6, 4, 0.0), (9, 11, 1.0), (13, 26, 2.0), (8, 40, 3.0)])
    func bands(width: Int, height: Int, sigma: Double) {
        let grey = Self.image(UInt16.self, width: width, height: height, seed: UInt64(height))
        let whole = plusEdgeResponse(grey, sigma: sigma).samples
        for low in 0 ..< height {
            for high in low + 1 ... height {
                let band = plusEdgeResponse(grey, sigma: sigma, rows: low ..< high)
                #expect(band.valid.lowerBound <= low && band.valid.upperBound >= high)
                #expect(band.firstRow >= low - 1 || band.firstRow >= height - 3)
                #expect(band.firstRow + band.image.height <= max(high + 1, 3))
                #expect(band.image.width == width)
                for row in 0 ..< band.image.height {
                    let y = band.firstRow + row
                    let got = Array(band.image.samples[row * width ..< (row + 1) * width])
                    if band.valid.contains(y) {
                        #expect(got.map(\.bitPattern) == whole[y * width ..< (y + 1) * width].map(\.bitPattern),
                                "row \(y) of band \(low)..<\(high)")
                    } else {
                        let allNaN = got.allSatisfy { $0.isNaN }
                        #expect(allNaN, "row \(y) outside \(band.valid) is NaN")
                    }
                }
            }
        }
    }

    @Test("frames under 3 × 3 give zeros, as a whole and in bands")
    func tiny() {
        let grey = Self.image(UInt8.self, width: 2, height: 5, seed: 3)
        #expect(plusEdgeResponse(grey, sigma: 1).samples == [Float](repeating: 0, count: 10))
        let band = plusEdgeResponse(grey, sigma: 1, rows: 2 ..< 3)
        #expect(band.valid.contains(2) && band.image.samples.allSatisfy { $0 == 0 })
    }
}

private extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
