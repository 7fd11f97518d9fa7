import LacunaImage
import LacunaSegmentation
import LacunaTestSupport
import Testing

@Suite("Removing small components")
struct RemoveSmallComponentsTests {
    // Components (4-connected, row-major): 1 = area 3, 2 = area 1, 3 = area 4, 4 = area 2;
    // 10 foreground and 14 background pixels.
    let mask = TestMasks.parse([
        "###..#",
        "......",
        "####..",
        "....##",
    ])

    @Test("Keeps areas ≥ the minimum and renumbers 1…n in the previous order")
    func handCase() {
        let components = labelComponents(of: mask, connectivity: .four)
        #expect(components.areas == [14, 3, 1, 4, 2])
        let kept = removingSmallComponents(components, minimumArea: 2)
        #expect(kept.count == 3)
        #expect(kept.areas == [15, 3, 4, 2])
        #expect(kept.labels.samples == [
            1, 1, 1, 0, 0, 0,
            0, 0, 0, 0, 0, 0,
            2, 2, 2, 2, 0, 0,
            0, 0, 0, 0, 3, 3,
        ])
        let large = removingSmallComponents(components, minimumArea: 4)
        #expect(large.count == 1)
        #expect(large.areas == [20, 4])
        #expect(large.labels.samples.filter { $0 == 1 }.count == 4)
        #expect(large.labels.samples.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test("A minimum of 0 or 1 keeps everything; one above the largest keeps nothing")
    func bounds() {
        let components = labelComponents(of: mask, connectivity: .four)
        #expect(removingSmallComponents(components, minimumArea: 0) == components)
        #expect(removingSmallComponents(components, minimumArea: 1) == components)
        let none = removingSmallComponents(components, minimumArea: 5)
        #expect(none.count == 0)
        #expect(none.areas == [24])
        #expect(none.labels.samples.allSatisfy { $0 == 0 })
    }

    @Test("Equals labelling the kept pixels afresh (random masks)", arguments: [Connectivity.four, .eight])
    func matchesRelabelling(connectivity: Connectivity) {
        // Removing whole components neither joins nor splits the others and keeps the order
        // of their first pixels, so labelling the surviving pixels again must give the same.
        for seed in UInt64(1) ... 6 {
            let random = TestMasks.random(width: 45, height: 33, density: 0.4, seed: seed)
            let components = labelComponents(of: random, connectivity: connectivity)
            for minimum in [2, 3, 5, 10] {
                let kept = removingSmallComponents(components, minimumArea: minimum)
                #expect(kept.areas.dropFirst().allSatisfy { $0 >= minimum })
                #expect(kept.count == components.areas.dropFirst().filter { $0 >= minimum }.count)
                let survivors = kept.labels.map { $0 != 0 }
                #expect(labelComponents(of: survivors, connectivity: connectivity) == kept,
                        "seed \(seed), minimum \(minimum)")
            }
        }
    }
}
