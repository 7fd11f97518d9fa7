import LacunaMeasure
import LacunaSynth
import Testing

@Suite("Size statistics")
struct SizeStatisticsTests {
    @Test("Even count: mean, median of the two middle values, sample SD")
    func evenCount() throws {
        // [2, 4, 4, 4, 5, 5, 7, 9]: Σ = 40, mean 5; middle values 4 and 5 → median 4.5;
        // Σ(v − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, SD = √(32/7) = 2.1380899.
        let stats = SizeStatistics([9, 4, 2, 5, 4, 7, 4, 5])
        #expect(stats.count == 8)
        #expect(stats.mean == 5)
        #expect(stats.median == 4.5)
        let sd = try #require(stats.standardDeviation)
        #expect(abs(sd - 2.1380899353) <= 1e-9)
    }

    @Test("Odd count: the middle value is the median")
    func oddCount() {
        // [1, 2, 6]: mean 3, median 2, Σ(v − 3)² = 4 + 1 + 9 = 14, SD = √(14/2) = √7.
        let stats = SizeStatistics([6, 1, 2])
        #expect(stats.count == 3)
        #expect(stats.mean == 3)
        #expect(stats.median == 2)
        #expect(stats.standardDeviation == 7.0.squareRoot())
    }

    @Test("Two values: SD = |a − b| / √2")
    func twoValues() throws {
        let stats = SizeStatistics([1, 4])
        #expect(stats.mean == 2.5 && stats.median == 2.5)
        let sd = try #require(stats.standardDeviation)
        #expect(abs(sd - 3 / 2.0.squareRoot()) <= 1e-15)
    }

    @Test("Empty sample: count 0, everything else nil")
    func empty() {
        let stats = SizeStatistics([])
        #expect(stats.count == 0)
        #expect(stats.mean == nil && stats.median == nil && stats.standardDeviation == nil)
    }

    @Test("Single value: mean and median are the value, SD is nil")
    func single() {
        let stats = SizeStatistics([7.25])
        #expect(stats.count == 1)
        #expect(stats.mean == 7.25 && stats.median == 7.25)
        #expect(stats.standardDeviation == nil)
    }

    @Test("Equal values: SD 0")
    func constant() {
        let stats = SizeStatistics([3.5, 3.5, 3.5, 3.5])
        #expect(stats.standardDeviation == 0 && stats.mean == 3.5 && stats.median == 3.5)
    }

    @Test("The order of the input does not matter, bit for bit")
    func orderIndependence() {
        var generator = SeededRandom(seed: 31)
        let values = (0 ..< 501).map { _ in 0.1 + 10 * generator.uniform() }
        let reference = SizeStatistics(values)
        #expect(SizeStatistics(values.reversed()) == reference)
        for _ in 0 ..< 5 {
            #expect(SizeStatistics(values.shuffled(using: &generator)) == reference)
        }
    }

    @Test("scaled(by:) multiplies mean, median and SD and keeps the count")
    func scaled() throws {
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        let half = SizeStatistics(values).scaled(by: 0.5)
        #expect(half.count == 8)
        #expect(half.mean == 2.5 && half.median == 2.25)
        let sd = try #require(half.standardDeviation)
        #expect(abs(sd - 1.0690449676) <= 1e-9)
        // Multiplying by a power of two is exact, so it equals statistics of the scaled values.
        #expect(SizeStatistics(values).scaled(by: 4) == SizeStatistics(values.map { $0 * 4 }))
        // Any other factor agrees to rounding.
        let micrometres = SizeStatistics(values).scaled(by: 0.0732)
        let direct = SizeStatistics(values.map { $0 * 0.0732 })
        #expect(abs(try #require(micrometres.mean) - #require(direct.mean)) <= 1e-15)
        #expect(abs(try #require(micrometres.standardDeviation) - #require(direct.standardDeviation)) <= 1e-15)
        // Empty statistics stay empty.
        #expect(SizeStatistics([]).scaled(by: 3) == SizeStatistics([]))
    }
}
