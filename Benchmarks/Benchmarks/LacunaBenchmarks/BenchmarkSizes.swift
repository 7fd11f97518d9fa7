import LacunaStages

/// The fixture sizes a benchmark run covers.
enum BenchmarkSizes {
    /// Every size of issue 8: 0.8, 3.1, 12.6 and 67 megapixels.
    static let all = [(1024, 768), (2048, 1536), (4096, 3072), (8192, 8192)]
    /// The default run: small enough to finish in a few minutes on two cores.
    static let small = [(1024, 768)]

    /// `all`, or a comma-separated list of `WxH`; empty or malformed text gives `small`.
    static func parse(_ text: String) -> [(Int, Int)] {
        if text == "all" { return all }
        let sizes = text.split(separator: ",").compactMap { FixtureFiles.size(parsing: String($0)) }
        return sizes.isEmpty ? small : sizes.map { ($0.width, $0.height) }
    }
}
