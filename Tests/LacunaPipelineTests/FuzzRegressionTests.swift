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
}
