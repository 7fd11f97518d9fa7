import LacunaImage
import LacunaReport
import Testing

@Suite("Overlays")
struct OverlayTests {
    @Test("boundary pixels of interior pores are cyan, of border pores magenta, everything else grey")
    func colours() {
        // A 3×3 interior pore at (2…4, 2…4) and a 2×2 pore in the top-left corner of an 8×8 image.
        var labels = LabelImage(width: 8, height: 8, repeating: 0)
        for y in 2 ... 4 { for x in 2 ... 4 { labels[x, y] = 2 } }
        for y in 0 ... 1 { for x in 0 ... 1 { labels[x, y] = 1 } }
        let grey = Image<UInt8>(width: 8, height: 8, samples: (0 ..< 64).map { UInt8($0) })
        let rgb = Overlay.render(grey: grey, labels: labels, touchesBorder: [true, false])
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { (0 ..< 3).map { rgb[x, y, $0] } }
        let cyan = [Overlay.interiorColour.red, Overlay.interiorColour.green, Overlay.interiorColour.blue]
        let magenta = [Overlay.borderColour.red, Overlay.borderColour.green, Overlay.borderColour.blue]
        #expect(pixel(2, 2) == cyan && pixel(4, 3) == cyan)
        #expect(pixel(3, 3) == [27, 27, 27])  // the pore's inside keeps the image
        #expect(pixel(0, 0) == magenta && pixel(1, 1) == magenta)
        #expect(pixel(6, 6) == [54, 54, 54])
    }

    @Test("16-bit display copy stretches min…max to 0…255")
    func display() {
        let image = Image<UInt16>(width: 3, height: 1, samples: [1000, 1500, 2000])
        #expect(Overlay.displayImage(image).samples == [0, 128, 255])
    }
}
