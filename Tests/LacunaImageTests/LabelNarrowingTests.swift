#if canImport(Glibc)
import Glibc
#endif
@testable import LacunaImage
import Testing

/// `Labels(consuming:count:)` narrows a band at a time and gives back the pages it has read.
@Suite("Narrowing labels a band at a time")
struct LabelNarrowingTests {
    /// Random labels 0…`maximum` on a frame of `width` × `height`.
    static func frame(width: Int, height: Int, maximum: Int32, seed: UInt64) -> LabelImage {
        var state = seed
        return LabelImage(width: width, height: height, samples: (0 ..< width * height).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32(truncatingIfNeeded: state >> 33) % (maximum + 1)
        })
    }

    @Test("the same labels as the copying narrowing, over band edges and a ragged tail",
          arguments: [(1, 1), (3, 5), (1100, 1000), (2049, 1024)])
    func sameLabels(width: Int, height: Int) {
        let labels = Self.frame(width: width, height: height, maximum: 65_534, seed: UInt64(width * 31 + height))
        let expected = labels.samples.map { UInt16($0) }
        guard case let .narrow(narrow) = Labels(consuming: labels, count: 65_534) else {
            Issue.record("65 534 labels fit 16 bits")
            return
        }
        #expect(narrow.width == width && narrow.height == height && narrow.samples == expected)
    }

    @Test("labels that do not fit 16 bits stay as they are")
    func wide() {
        let labels = Self.frame(width: 300, height: 200, maximum: 70_000, seed: 7)
        #expect(Labels(consuming: labels, count: 70_000) == .wide(labels))
    }

    @Test("only whole pages inside the consumed bytes are released, and they read as zeros")
    func releasedPages() {
        #if canImport(Glibc)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        let page = 4096
        #endif
        let count = 64 * page
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: page)
        defer { bytes.deallocate() }
        for i in 0 ..< count { bytes[i] = 0xA5 }
        var release = PageRelease(bytes)
        release.consumed(upTo: 10 * page + 100)
        release.consumed(upTo: 5 * page)  // already behind: nothing happens
        #if os(Linux)
        #expect(bytes[0] == 0 && bytes[10 * page - 1] == 0)
        #endif
        #expect(bytes[10 * page] == 0xA5 && bytes[10 * page + 99] == 0xA5 && bytes[count - 1] == 0xA5)
        release.consumed(upTo: count)
        #if os(Linux)
        #expect(bytes[10 * page] == 0 && bytes[count - 1] == 0)
        #endif
    }
}
