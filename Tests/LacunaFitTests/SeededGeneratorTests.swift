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
