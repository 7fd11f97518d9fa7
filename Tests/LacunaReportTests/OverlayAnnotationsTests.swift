import LacunaImage
@testable import LacunaReport
import Testing

@Suite("Overlay legend, scale bar and bitmap font")
struct OverlayAnnotationsTests {
    @Test("scale-bar lengths worked out by hand", arguments: [
        // 768 px × 0.05 µm = 38.4 µm; 20 % is 7.68 µm: 6 µm = 120 px (15.6 %), 8 µm = 160 px (20.8 %, nearest)
        (768, 0.05 as Double?, 8.0, "µm", 160),
        // 1000 px × 1 µm: 200 µm is exactly 20 %
        (1000, 1.0, 200.0, "µm", 200),
        // 1024 px × 2 nm = 2.048 µm; 0.4 µm = 200 px (19.5 %)
        (1024, 0.002, 0.4, "µm", 200),
        // 800 px × 0.1 µm = 80 µm; 16 µm wanted: 15 µm = 150 px (18.75 %) beats 20 µm = 200 px (25 %)
        (800, 0.1, 15.0, "µm", 150),
        // uncalibrated 640 px: 128 px wanted; 150 px (23.4 %) beats 100 px (15.6 %)
        (640, nil, 150.0, "px", 150),
        (50, nil, 10.0, "px", 10),
    ])
    func scaleBar(width: Int, pixel: Double?, value: Double, unit: String, pixels: Int) {
        let bar = ScaleBarLength.choose(imageWidth: width, pixelWidth: pixel)
        #expect(bar == ScaleBarLength(value: value, unit: unit, lengthPixels: pixels))
    }

    @Test("every bar covers 15–25 % of the width, over pixel sizes from 1 nm to 10 µm")
    func scaleBarWindow() {
        var size = 0.001
        while size < 10 {
            for width in [64, 500, 768, 1024, 3072] {
                let bar = ScaleBarLength.choose(imageWidth: width, pixelWidth: size)
                let fraction = Double(bar.lengthPixels) / Double(width)
                #expect(fraction >= 0.15 - 0.5 / Double(width) && fraction <= 0.25 + 0.5 / Double(width),
                        "width \(width), pixel \(size) µm: \(bar.label) = \(bar.lengthPixels) px")
            }
            size *= 1.37
        }
    }

    @Test("labels print the value with %g and the unit")
    func labels() {
        #expect(ScaleBarLength(value: 2.5, unit: "µm", lengthPixels: 1).label == "2.5 µm")
        #expect(ScaleBarLength(value: 100, unit: "px", lengthPixels: 100).label == "100 px")
    }

    @Test("text scale and legend box size")
    func sizes() {
        #expect(OverlayAnnotations.textScale(forWidth: 499) == 1)
        #expect(OverlayAnnotations.textScale(forWidth: 768) == 2)
        #expect(OverlayAnnotations.textScale(forWidth: 2048) == 5)
        // 3 + 7 + 4 + (6·2 − 1) + 3 = 28 wide, 3 + 10 high at scale 1; doubled at scale 2.
        let entry = OverlayAnnotations.LegendEntry(colour: .white, label: "ab")
        #expect(OverlayAnnotations.legendSize([entry], scale: 1) == (28, 13))
        #expect(OverlayAnnotations.legendSize([entry, entry], scale: 2) == (56, 46))
        #expect(BitmapFont.width(of: "", scale: 3) == 0)
    }

    @Test("a glyph's bits land on the pixels; unknown characters draw as ?")
    func glyphs() {
        var image = Image<UInt8>(width: 8, height: 10, channels: 3, repeating: 0)
        image.drawText("I", x: 1, y: 0, scale: 1, colour: .white)
        // "I" row 0 is 01110: columns 1…3 of the glyph, 2…4 of the image.
        #expect((0 ..< 8).map { image[$0, 0, 0] } == [0, 0, 255, 255, 255, 0, 0, 0])
        // rows 1…5 are 00100: only the middle column.
        #expect((0 ..< 8).map { image[$0, 3, 1] } == [0, 0, 0, 255, 0, 0, 0, 0])
        #expect(BitmapFont.rows(of: "€") == BitmapFont.rows(of: "?"))
        #expect(BitmapFont.covers("µ") && BitmapFont.rows(of: "p").count == 9 && BitmapFont.rows(of: "a").count == 7)
    }

    @Test("blending: (o·c + (255 − o)·old + 127) / 255, clipped to the image")
    func blending() {
        var image = Image<UInt8>(width: 4, height: 4, channels: 3, repeating: 100)
        image.fillRectangle(x: 2, y: 2, width: 10, height: 10, colour: RGBColour(255, 0, 100), opacity: 170)
        // red: (170·255 + 85·100 + 127)/255 = 203.8 → 203; green: (85·100 + 127)/255 = 33.8 → 33; blue 100.
        #expect([image[3, 3, 0], image[3, 3, 1], image[3, 3, 2]] == [203, 33, 100])
        #expect([image[1, 1, 0], image[1, 1, 1]] == [100, 100])
    }

    @Test("the scale bar of an 800 × 600 image at 0.1 µm: 150 px of white, right-aligned in its box")
    func scaleBarPixels() {
        var image = Image<UInt8>(width: 800, height: 600, channels: 3, repeating: 60)
        OverlayAnnotations.annotate(&image, legend: [], calibration: Calibration(pixelSize: PixelSize(square: 0.1), source: .manual))
        // scale 2, margin 8; box (150 + 12) × 36 from (630, 556); bar from x = 636 for 150 px, rows 582…585.
        #expect(image[636, 582, 0] == 255 && image[785, 585, 1] == 255)
        #expect(image[635, 583, 0] != 255 && image[786, 583, 0] != 255 && image[700, 586, 0] != 255)
        // the box darkens: (85·60 + 127)/255 = 20.
        #expect(image[631, 557, 0] == 20)
        #expect(image[100, 100, 0] == 60)
    }

    @Test("the legend paints each swatch in its colour")
    func legendPixels() {
        var image = Image<UInt8>(width: 200, height: 100, channels: 3, repeating: 0)
        let entries = Overlay.legend(interior: 5, border: 2, excluded: 1, minimumArea: 10)
        OverlayAnnotations.drawLegend(entries, on: &image, scale: 1, margin: 4)
        // swatch k: from (4 + 3, 4 + 3 + 10k), 7 × 7.
        for (k, entry) in entries.enumerated() {
            let y = 7 + 10 * k + 3
            #expect([image[10, y, 0], image[10, y, 1], image[10, y, 2]] == [entry.colour.red, entry.colour.green, entry.colour.blue])
        }
        #expect(entries.map(\.label) == ["interior pores: 5", "touching the edge: 2", "below 10 px: 1"])
    }

    @Test("pores below the minimum area get yellow outlines")
    func excludedOutline() {
        var labels = LabelImage(width: 6, height: 6, repeating: 0)
        labels[4, 4] = 1
        var mask = Mask(width: 6, height: 6, repeating: false)
        for y in 1 ... 3 { for x in 1 ... 3 { mask[x, y] = true } }  // a dropped 3×3 pore
        mask[4, 4] = true
        let grey = Image<UInt8>(width: 6, height: 6, repeating: 9)
        let rgb = Overlay.render(grey: grey, labels: labels, touchesBorder: [false], excluded: mask)
        let yellow = [Overlay.excludedColour.red, Overlay.excludedColour.green, Overlay.excludedColour.blue]
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { (0 ..< 3).map { rgb[x, y, $0] } }
        #expect(pixel(1, 1) == yellow && pixel(3, 2) == yellow)
        #expect(pixel(2, 2) == [9, 9, 9])
        #expect(pixel(4, 4) == [Overlay.interiorColour.red, Overlay.interiorColour.green, Overlay.interiorColour.blue])
        #expect(pixel(0, 0) == [9, 9, 9])
    }
}
