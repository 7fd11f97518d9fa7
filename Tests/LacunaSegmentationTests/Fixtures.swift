import Foundation
import Testing

/// Files in `Fixtures/`, produced by the scripts named in each file's loader.
enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) is not in the test bundle" }
    }

    /// The bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: name)
        guard let found = Bundle.module.url(forResource: url.deletingPathExtension().lastPathComponent,
                                            withExtension: url.pathExtension, subdirectory: "Fixtures")
        else { throw Missing(name: name) }
        return try Data(contentsOf: found)
    }

    /// `Fixtures/<name>` decoded as JSON.
    static func json<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: data(name))
    }
}

/// `Fixtures/otsu_reference.json`, written by scripts/make_threshold_fixture.py: for each image,
/// skimage's `threshold_otsu` and the Otsu level in exact rational arithmetic, each with the
/// pixels strictly above it.
struct OtsuReference: Decodable {
    struct Entry: Decodable {
        var skimageThreshold: Int
        var skimagePixelsAbove: Int
        var skimageFractionAbove: Double
        var exactThreshold: Int
        var exactPixelsAbove: Int
        var exactFractionAbove: Double
        var min: Int
        var max: Int

        enum CodingKeys: String, CodingKey {
            case min, max
            case skimageThreshold = "skimage_threshold"
            case skimagePixelsAbove = "skimage_pixels_above"
            case skimageFractionAbove = "skimage_fraction_above"
            case exactThreshold = "exact_threshold"
            case exactPixelsAbove = "exact_pixels_above"
            case exactFractionAbove = "exact_fraction_above"
        }
    }

    var width: Int
    var height: Int
    var otsu16: Entry
    var otsu8: Entry

    enum CodingKeys: String, CodingKey {
        case width, height
        case otsu16 = "otsu_16bit"
        case otsu8 = "otsu_8bit"
    }
}

/// `Fixtures/gaussian_blur.json`, written by scripts/make_blur_fixture.py.
struct BlurReference: Decodable {
    struct Case: Decodable, Sendable {
        var width: Int
        var height: Int
        var sigma: Double
        var input: [UInt8]
        /// scipy.ndimage.gaussian_filter on the float64 input, to 4 decimals.
        var expected: [Double]
        /// The same, rounded with numpy.rint.
        var expectedRounded: [Int]

        enum CodingKeys: String, CodingKey {
            case width, height, sigma, input, expected
            case expectedRounded = "expected_rounded"
        }
    }

    var mode: String
    var truncate: Double
    var cases: [Case]
}

/// `Fixtures/global_thresholds.json`, written by scripts/make_global_threshold_fixture.py:
/// every scikit-image global threshold on the §4.3 image at 16 and 8 bits.
struct GlobalThresholdReference: Decodable {
    struct Result: Decodable {
        var value: Double?
        var level: Int?
        var pixelsAbove: Int?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case value, level, error
            case pixelsAbove = "pixels_above"
        }
    }

    struct Depth: Decodable {
        var min: Int
        var max: Int
        var methods: [String: Result]
    }

    var width: Int
    var height: Int
    var bits16: Depth
    var bits8: Depth
}

/// `Fixtures/local_thresholds.json`, written by scripts/make_local_threshold_fixture.py:
/// scikit-image's Niblack and Sauvola surfaces on a seeded 40 × 30 image (and its ×257 copy).
struct LocalThresholdReference: Decodable {
    struct Case: Decodable, Sendable {
        var bits: Int
        var method: String
        var window: Int
        var k: Double
        var surface: [Double]
    }

    var width: Int
    var height: Int
    var image: [Int]
    var cases: [Case]
}

/// `Fixtures/median_filter.json`, written by scripts/make_filter_fixture.py: SciPy's
/// `median_filter` on the local-threshold fixture image.
struct MedianReference: Decodable {
    struct Case: Decodable, Sendable {
        var footprint: String
        var radius: Int
        var result: [Int]
    }

    var width: Int
    var height: Int
    var cases: [Case]
}
