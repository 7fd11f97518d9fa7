#!/usr/bin/env python3
"""Reference vectors for SeededGenerator.jump() (Tests/LacunaFitTests/SeededGeneratorJumpTests.swift).

xoshiro256** advances its 256-bit state by a linear map T over GF(2) (Blackman & Vigna,
"Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021). The published jump
polynomial is meant to equal T^(2^128). This script checks that independently: it builds T as a
256×256 bit matrix from the state update, squares it 128 times, applies T^(2^128) to a few states
and compares with the jump computed from the published constants; then prints the states for
the Swift test. Standard library only; runs in a few seconds.
"""
MASK = (1 << 64) - 1
JUMP = (0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def step(s):
    """The state update of xoshiro256** (the output scrambler does not touch the state)."""
    s0, s1, s2, s3 = s
    t = (s1 << 17) & MASK
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return (s0, s1, s2, s3)


def pack(s):
    return s[0] | (s[1] << 64) | (s[2] << 128) | (s[3] << 192)


def unpack(v):
    return tuple((v >> (64 * i)) & MASK for i in range(4))


def apply(columns, v):
    out = 0
    j = 0
    while v:
        if v & 1:
            out ^= columns[j]
        v >>= 1
        j += 1
    return out


def jump_by_matrix(states):
    columns = [pack(step(unpack(1 << j))) for j in range(256)]  # T, column by column
    for _ in range(128):
        columns = [apply(columns, c) for c in columns]  # T ← T·T
    return [unpack(apply(columns, pack(s))) for s in states]


def jump_by_constants(s):
    acc = [0, 0, 0, 0]
    for word in JUMP:
        for b in range(64):
            if word >> b & 1:
                acc = [a ^ x for a, x in zip(acc, s)]
            s = step(s)
    return tuple(acc)


def splitmix_state(seed):
    out = []
    for _ in range(4):
        seed = (seed + 0x9E3779B97F4A7C15) & MASK
        z = seed
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append(z ^ (z >> 31))
    return tuple(out)


if __name__ == "__main__":
    states = [(1, 2, 3, 4), splitmix_state(1), splitmix_state(2024)]
    by_matrix = jump_by_matrix(states)
    for s, m in zip(states, by_matrix):
        assert jump_by_constants(s) == m, "the jump constants do not give T^(2^128)"
        print("(" + ", ".join(f"0x{x:016X}" for x in s) + ") -> (" + ", ".join(f"0x{x:016X}" for x in m) + ")")
