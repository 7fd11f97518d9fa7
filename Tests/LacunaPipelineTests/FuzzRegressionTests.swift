import Foundation
import LacunaPipeline
import LacunaTestSupport
import Testing

/// Inputs the table and config fuzz targets crashed on (Tests/Regressions, docs/reliability.md),
/// replayed with the outcome the fix gives.
@Suite("Fuzz regressions: tables")
struct TableFuzzRegressionTests {
    static func regression(_ target: String, _ name: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("Tests/Regressions/\(target)/\(name)").path
    }

    @Test("A radius table with n = 2⁶³ − 1: refused naming the line (was a trap converting n to Int)")
    func poreCountOverflow() {
        let path = Self.regression("fittable", "n-overflows-int.csv")
        #expect(throws: TableFileError(path: path, line: 4, reason: "n 9.22337e+18 is more than 1e+12 pores")) {
            try RadiusTable.read(path: path)
        }
    }

    @Test("A config with a 20-digit YAML 1.1 base-60 integer: read as text, refused by the option (was a trap inside Yams)")
    func baseSixtyIntegerOverflow() throws {
        let pairs = try ConfigFile.read(path: Self.regression("config", "base60-int-overflow.yaml"))
        #expect(pairs.map(\.key) == ["po", "max_pixels", "max_pixels66"])
        #expect(pairs[1].value == .string("66666646666666666666:00"))
        let short = try ConfigFile.parse("max_pixels: 1:30", path: "short.yaml")
        #expect(short.first?.value == .string("1:30"))
        #expect(throws: ConfigError.self) { try ConfigFile.apply(short, to: AnalysisOptions()) }
    }
}
