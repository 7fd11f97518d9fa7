import Foundation
import LacunaImage
import LacunaIO
import LacunaNetwork
import LacunaPipeline
import Testing

/// The analysis keeps its pores (and cells) in 16 bits below 65 535 pores and in `Int32` from
/// there on (`Labels`); both paths run end to end on a frame whose answer is known by
/// construction.
@Suite("Pore labels in 16 bits and in Int32")
struct PoreLabelWidthTests {
    /// `n` × `n` dark 2 × 2 pores on a pitch of 3 px (bright walls 1 px wide): n² pores of 4 px.
    static func grid(_ n: Int) -> DecodedImage {
        let side = 3 * n
        let samples = (0 ..< side * side).map { i -> UInt8 in i % side % 3 == 2 || i / side % 3 == 2 ? 220 : 40 }
        let raster = Raster.uint8(Image(width: side, height: side, samples: samples))
        return DecodedImage(format: .png, raster: raster, bitsPerSample: 8, channels: 1, pages: 1)
    }

    @Test("16 900 pores in 16 bits, 67 600 in Int32: every pore 4 px, every pixel in a cell",
          arguments: [(130, false), (260, true)])
    func bothWidths(n: Int, wide: Bool) throws {
        var options = AnalysisOptions()
        options.blurSigma = 0
        options.minimumPoreArea = 1
        options.splitTolerance = nil
        options.databar = .none
        options.measure = .basic
        options.boundary = .pixels
        options.network.method = .pores
        let analyzed = try ImageAnalyzer(options: options).analyze(Self.grid(n), input: ImageInput(path: "grid.png"))
        let pores = analyzed.measurement.pores
        #expect(pores.count == n * n && pores.allSatisfy { $0.area == 4 })
        switch try #require(analyzed.labels) {
        case .narrow: #expect(!wide)
        case .wide: #expect(wide)
        }
        let labels = try #require(analyzed.labels).labelImage
        #expect(labels[0, 0] == 1 && labels[3 * n - 2, 3 * n - 2] == Int32(n * n) && labels[2, 2] == 0)
        let cells = try #require(analyzed.network).cells
        #expect(cells.count == n * n && cells.reduce(0) { $0 + $1.area } == 9 * n * n)
    }
}
