/// The boundary pixels of the labelled regions of `labels` (0 = background), packed: a
/// labelled pixel whose label differs from that of one of its 4-neighbours in the frame
/// (neighbours beyond the frame's edge do not count). The pore outlines the cell overlay draws
/// (`CellOverlay.codes`), kept at one bit a pixel so the pore labels can be let go first.
/// Bands of words on up to `threads` threads (the same mask for any number).
@_specialize(where L == UInt16)
@_specialize(where L == Int32)
public func labelBoundaries<L: FixedWidthInteger & Sendable>(of labels: Image<L>, threads: Int = 1) -> PackedMask {
    precondition(labels.channels == 1, "label boundaries need one channel, got \(labels.channels)")
    let w = labels.width, h = labels.height, n = w * h
    let wordCount = (n + 63) / 64
    var words = [UInt64](repeating: 0, count: wordCount)
    labels.samples.withUnsafeBufferPointer { l in
        words.withUnsafeMutableBufferPointer { words in
            nonisolated(unsafe) let l = l, words = words
            func mark(_ band: Int, of bands: Int) {
                let first = band * wordCount / bands * 64
                // The pixel's column and row, stepped along rather than divided out per pixel.
                var x = first % max(w, 1), y = first / max(w, 1)
                for word in band * wordCount / bands ..< (band + 1) * wordCount / bands {
                    var bits: UInt64 = 0
                    for i in word * 64 ..< min(word * 64 + 64, n) {
                        let own = l[i]
                        if own != 0, (x > 0 && l[i - 1] != own) || (x + 1 < w && l[i + 1] != own)
                            || (y > 0 && l[i - w] != own) || (y + 1 < h && l[i + w] != own) {
                            bits |= 1 << UInt64(i & 63)
                        }
                        x += 1
                        if x == w { x = 0; y += 1 }
                    }
                    words[word] = bits
                }
            }
            let bands = max(1, min(threads, wordCount / 4096))
            if bands == 1 { mark(0, of: 1) } else { _ = parallelMap(bands, threads: bands) { mark($0, of: bands) } }
        }
    }
    return PackedMask(width: w, height: h, words: words)
}
