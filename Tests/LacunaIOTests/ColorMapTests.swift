import LacunaImage
import LacunaIO
import Testing

@Suite("Colour-map inversion (TOF-SIMS maps)")
struct ColorMapTests {
    /// A 64×48 count image (a ramp plus a dark disk, like a void in a Li map) scaled to table
    /// levels 0…255 and rendered through `map`.
    static func rendered(_ map: ColorMap) -> (levels: [UInt8], rgb: Image<UInt8>) {
        var counts: [Int] = []
        for y in 0 ..< 48 {
            for x in 0 ..< 64 {
                let inVoid = (x - 40) * (x - 40) + (y - 20) * (y - 20) < 100
                counts.append(inVoid ? 3 : 40 + 7 * x + 2 * y)
            }
        }
        let top = counts.max() ?? 1
        let levels = counts.map { UInt8((Double($0) / Double(top) * 255).rounded()) }
        var rgb: [UInt8] = []
        for level in levels {
            let c = map.colour(at: Int(level))
            rgb += [c.0, c.1, c.2]
        }
        return (levels, Image(width: 64, height: 48, channels: 3, samples: rgb))
    }

    @Test("an image rendered from known counts inverts back within one table step", arguments: ColorMap.allCases)
    func roundTrip(map: ColorMap) {
        let (levels, rgb) = Self.rendered(map)
        let inverted = map.invert(rgb)
        #expect(inverted.worstDistance == 0)
        for (level, back) in zip(levels, inverted.levels.samples) {
            // Where the 8-bit table repeats a colour (matplotlib 3.11: jet has 252 distinct
            // entries, pure blue five times; viridis 254), the level
            // is ambiguous within that run; anywhere else it must come back within one step.
            let colour = map.colour(at: Int(level))
            let run = (0 ..< 256).filter { map.colour(at: $0) == colour }
            let allowed = run.count > 1 ? (run.count + 1) / 2 : 1
            #expect(abs(Int(level) - Int(back)) <= allowed, "\(map): level \(level) came back as \(back)")
        }
    }

    @Test("jet and viridis tables are what matplotlib defines at their ends and middle")
    func anchors() {
        // viridis(0) = #440154, viridis(1) = #FDE725; jet(0) = (0, 0, 0.5) → #000080, jet(1) = #800000.
        #expect(ColorMap.viridis.colour(at: 0) == (0x44, 0x01, 0x54))
        #expect(ColorMap.viridis.colour(at: 255) == (0xFD, 0xE7, 0x25))
        #expect(ColorMap.jet.colour(at: 0) == (0x00, 0x00, 0x80))
        #expect(ColorMap.jet.colour(at: 255) == (0x80, 0x00, 0x00))
        #expect(ColorMap.gray.colour(at: 128) == (128, 128, 128))
    }

    @Test("inverting with the wrong map is caught by a large colour distance")
    func wrongMap() {
        let (_, rgb) = Self.rendered(.jet)
        #expect(ColorMap.viridis.invert(rgb).worstDistance > 50)
    }

    @Test("RGBA input: alpha is ignored")
    func alpha() {
        let (levels, rgb) = Self.rendered(.magma)
        var rgba: [UInt8] = []
        for i in 0 ..< rgb.pixelCount { rgba += [rgb.samples[3 * i], rgb.samples[3 * i + 1], rgb.samples[3 * i + 2], 7] }
        let inverted = ColorMap.magma.invert(Image(width: 64, height: 48, channels: 4, samples: rgba))
        #expect(zip(levels, inverted.levels.samples).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
    }
}
