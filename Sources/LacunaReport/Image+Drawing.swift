import LacunaImage

/// Drawing on 8-bit RGB images (overlays): filled rectangles, optionally blended, and text in
/// ``BitmapFont``. Everything is clipped to the image; integer arithmetic only, so the pixels
/// are the same on every machine.
extension Image where Sample == UInt8 {
    /// Fills the rectangle `x ..< x + width`, `y ..< y + height` (clipped) with `colour`, mixed
    /// with what is there by `opacity` (0…255; 255 paints over): out = (o·c + (255 − o)·old + 127) / 255.
    public mutating func fillRectangle(x: Int, y: Int, width w: Int, height h: Int, colour: RGBColour,
                                       opacity: Int = 255) {
        precondition(channels == 3, "drawing needs an RGB image, got \(channels) channels")
        precondition((0 ... 255).contains(opacity), "opacity \(opacity) outside 0…255")
        let x0 = Swift.max(0, x), x1 = Swift.min(width, x + w)
        let y0 = Swift.max(0, y), y1 = Swift.min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        let paint = [Int(colour.red), Int(colour.green), Int(colour.blue)]
        let keep = 255 - opacity
        let imageWidth = width
        samples.withUnsafeMutableBufferPointer { s in
            for row in y0 ..< y1 {
                for column in x0 ..< x1 {
                    let i = (row * imageWidth + column) * 3
                    for c in 0 ..< 3 {
                        s[i + c] = UInt8((opacity * paint[c] + keep * Int(s[i + c]) + 127) / 255)
                    }
                }
            }
        }
    }

    /// Draws `text` with its top-left corner at (`x`, `y`), each font pixel a `scale` × `scale` square.
    public mutating func drawText(_ text: String, x: Int, y: Int, scale: Int, colour: RGBColour) {
        precondition(scale >= 1, "text scale must be ≥ 1, got \(scale)")
        var left = x
        for character in text {
            for (row, bits) in BitmapFont.rows(of: character).enumerated() {
                for column in 0 ..< BitmapFont.glyphWidth where bits & (0x10 >> UInt8(column)) != 0 {
                    fillRectangle(x: left + column * scale, y: y + row * scale, width: scale, height: scale,
                                  colour: colour)
                }
            }
            left += BitmapFont.advance * scale
        }
    }
}
