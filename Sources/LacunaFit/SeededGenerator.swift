import Foundation

/// A small, seeded pseudo-random generator for the bootstrap and for simulations: the same seed
/// gives the same stream on every platform and toolchain.
///
/// Method: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47, 2021), whose 256-bit state is filled from the 64-bit seed by SplitMix64
/// (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), as the
/// xoshiro authors recommend. Bounded integers use Lemire's multiply-and-reject method ("Fast
/// random integer generation in an interval", ACM TOMACS 29, 2019), so they are unbiased and do
/// not depend on the standard library's `random(in:using:)`, whose algorithm may change.
///
/// Not cryptographically secure. O(1) time and 32 bytes per value type; copying the generator
/// copies its stream position.
public struct SeededGenerator: Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is four SplitMix64 outputs of `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        state = (SeededGenerator.splitMix64(&splitMix), SeededGenerator.splitMix64(&splitMix),
                 SeededGenerator.splitMix64(&splitMix), SeededGenerator.splitMix64(&splitMix))
    }

    /// A generator with the given raw xoshiro256** state (not all zero); for reference vectors.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "the xoshiro256** state must not be all zero")
        self.state = state
    }

    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
        lhs.state == rhs.state
    }

    /// One SplitMix64 step: advances `seed` by the golden-ratio increment and returns the mixed
    /// value.
    public static func splitMix64(_ seed: inout UInt64) -> UInt64 {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// Advances the state by 2¹²⁸ steps (Blackman & Vigna's jump polynomial for xoshiro256,
    /// checked against the 2¹²⁸-th power of the state update by
    /// scripts/xoshiro_jump_reference.py): successive jumps start non-overlapping subsequences,
    /// so independent streams (one per bootstrap resample) come from one seed.
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var jumped: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0 ..< 64 {
                if word >> bit & 1 == 1 {
                    jumped.0 ^= state.0
                    jumped.1 ^= state.1
                    jumped.2 ^= state.2
                    jumped.3 ^= state.3
                }
                _ = next()
            }
        }
        state = jumped
    }

    /// A uniformly distributed integer in `0..<bound` (`bound ≥ 1`).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound >= 1, "the bound must be ≥ 1, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // Reject the values that would make some results more likely (2⁶⁴ mod range of them).
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (mean 0, variance 1).
    ///
    /// Method: Box–Muller transform (Box & Muller, Ann. Math. Statist. 29, 1958) of two uniform
    /// values; one value per call (the second of the pair is discarded, so the stream position
    /// does not depend on earlier calls).
    public mutating func nextGaussian() -> Double {
        let u = 1 - nextUnit()  // in (0, 1], so the logarithm is finite
        let v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
