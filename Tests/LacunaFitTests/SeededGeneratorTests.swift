import Foundation
import LacunaFit
import Testing

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("SplitMix64 reproduces the published outputs for seed 1234567 (Rosetta Code) and 0")
    func splitMix() {
        var seed: UInt64 = 1_234_567
        let outputs = (0..<5).map { _ in SeededGenerator.splitMix64(&seed) }
        #expect(outputs == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                            4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
        var zero: UInt64 = 0
        #expect(SeededGenerator.splitMix64(&zero) == 0xE220_A839_7B1D_CDAF)
    }

    @Test("xoshiro256** reproduces the reference outputs for the state (1, 2, 3, 4)")
    func xoshiro() {
        var generator = SeededGenerator(state: (1, 2, 3, 4))
        let outputs = (0..<10).map { _ in generator.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                            10_595_114_339_597_558_777, 2_904_607_092_377_533_576])
    }

    /// States from scripts/xoshiro_jump_reference.py, which applies the 2¹²⁸-th power of the
    /// state update as a 256×256 bit matrix (independent of the jump constants, which it also
    /// checks). The second and third start states are SplitMix64's for seeds 1 and 2024.
    @Test("jump() advances 2¹²⁸ steps: the matrix power's states, from raw and seeded states")
    func jump() {
        let cases: [((UInt64, UInt64, UInt64, UInt64), (UInt64, UInt64, UInt64, UInt64))] = [
            ((1, 2, 3, 4),
             (0x8C7A_1539_56B5_F3D1, 0x701F_1A71_3401_D85E, 0x6527_F66A_6546_9085, 0x8386_B786_C440_8050)),
            ((0x910A_2DEC_8902_5CC1, 0xBEEB_8DA1_658E_EC67, 0xF893_A2EE_FB32_555E, 0x71C1_8690_EE42_C90B),
             (0x53D6_3007_6A13_7DED, 0xED07_F666_882E_DFC6, 0x963E_C961_7B0B_DBD3, 0x84B9_6906_E4B2_569A)),
            ((0x9F6D_8FEC_F88E_ECD5, 0x18E4_30BB_1511_F2D2, 0x4C6F_7CBF_58DB_A57F, 0x1DBE_69E0_AE9B_B859),
             (0x5429_A95D_255A_BC6B, 0x4B3C_F1D8_25C3_DEFB, 0x49A0_62BF_F0AD_6E36, 0x0BE3_30E0_2F85_8F0E)),
        ]
        for (start, end) in cases {
            var generator = SeededGenerator(state: start)
            generator.jump()
            #expect(generator == SeededGenerator(state: end))
        }
        #expect(SeededGenerator(seed: 1) == SeededGenerator(state: cases[1].0))
        #expect(SeededGenerator(seed: 2024) == SeededGenerator(state: cases[2].0))
    }

    @Test("same seed, same stream; different seeds, different streams")
    func determinism() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<100).map { _ in a.next(below: 1000) }
        #expect(first == (0..<100).map { _ in b.next(below: 1000) })
        #expect(first != (0..<100).map { _ in c.next(below: 1000) })
    }

    @Test("bounded integers stay in range and are uniform (χ² over 10 bins, 100 000 draws)")
    func boundedUniform() {
        var generator = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 10)
        var inRange = true
        for _ in 0..<100_000 {
            let value = generator.next(below: 10)
            inRange = inRange && value >= 0 && value < 10
            if inRange { counts[value] += 1 }
        }
        #expect(inRange)
        let chiSquared = counts.reduce(0.0) { $0 + Double(($1 - 10_000) * ($1 - 10_000)) / 10_000 }
        // χ²₉ has P(> 27.88) = 0.001.
        #expect(chiSquared < 27.88, "χ² = \(chiSquared), counts \(counts)")
        #expect(generator.next(below: 1) == 0)
    }

    @Test("unit doubles lie in [0, 1) with mean ½; Gaussian deviates have mean 0 and variance 1")
    func moments() {
        var generator = SeededGenerator(seed: 11)
        let n = 50_000
        var sum = 0.0
        var inRange = true
        for _ in 0..<n {
            let u = generator.nextUnit()
            inRange = inRange && u >= 0 && u < 1
            sum += u
        }
        #expect(inRange)
        // SE of a uniform mean: √(1/12/n) = 0.0013; 5 SE.
        #expect(abs(sum / Double(n) - 0.5) < 0.0065)
        var gaussianSum = 0.0, gaussianSquares = 0.0
        for _ in 0..<n {
            let z = generator.nextGaussian()
            gaussianSum += z
            gaussianSquares += z * z
        }
        let mean = gaussianSum / Double(n)
        // SE of the mean 1/√n = 0.0045, of the variance √(2/n) = 0.0063; 5 SE each.
        #expect(abs(mean) < 0.023)
        #expect(abs(gaussianSquares / Double(n) - mean * mean - 1) < 0.032)
    }
}
