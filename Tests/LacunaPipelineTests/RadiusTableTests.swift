import Foundation
import LacunaFit
import LacunaPipeline
import LacunaTestSupport
import Testing

@Suite("lacuna fit tables")
struct RadiusTableTests {
    func write(_ text: String) throws -> String {
        let path = TestPaths.makeScratchFolder() + "/table.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func reason(_ text: String) throws -> TableFileError? {
        let path = try write(text)
        do {
            _ = try RadiusTable.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("the paper's table with optional columns")
    func optionalColumns() throws {
        let path = try write("""
            current_density,radius_um,radius_se_um,n,current_density_se
            1,4.1,0.35,120,0.05
            2,2.4,0.2,130,0.1
            5,0.9,0.09,140,0.25
            10,0.4,0.05,150,0.5
            """)
        let table = try RadiusTable.read(path: path)
        #expect(table.rows.count == 4 && table.rows[0].line == 2)
        #expect(table.rows[3].radiusStandardError == 0.05 && table.rows[3].count == 150)
        let (conditions, samples) = try table.conditions()
        #expect(conditions.map(\.estimate.currentDensity) == [1, 2, 5, 10])
        #expect(conditions[0].estimate.radiusStandardError == 0.35 && conditions[0].estimate.standardErrorSource == .given)
        #expect(conditions[0].estimate.poreCount == 120 && conditions[0].estimate.currentDensityStandardError == 0.05)
        #expect(samples.count == 4)
    }

    @Test("rows sharing a current density are one condition; SE from their spread")
    func replicates() throws {
        let path = try write("current_density,radius_um,n\n2,2.5,10\n1,4.3,10\n2,2.2,20\n1,3.9,10\n")
        let (conditions, samples) = try RadiusTable.read(path: path).conditions()
        #expect(conditions.count == 2)
        // i = 1: rows 4.3 and 3.9 → mean 4.1, SD 0.2828, SE 0.2; n = 20.
        #expect(abs(conditions[0].estimate.meanRadius - 4.1) < 1e-12)
        #expect(abs((conditions[0].estimate.radiusStandardError ?? 0) - 0.2) < 1e-12)
        #expect(conditions[0].estimate.imageCount == 2 && conditions[0].estimate.poreCount == 20)
        #expect(samples[1].images == [[2.5], [2.2]])
    }

    @Test("bad tables name the file and line: too few rows, one current density, non-numbers, zero, negative")
    func badTables() throws {
        let cases: [(String, String)] = [
            ("current_density,radius_um\n1,4.1\n2,2.4\n", "line 3: 2 data rows (lines 2–3); the fit needs at least 3"),
            ("current_density,radius_um\n", "no data rows; the fit needs at least 3"),
            ("current_density,radius_um\n5,1\n5,2\n5,3\n",
             "line 4: every row (lines 2–4) has current_density 5; the fit needs at least two different current densities"),
            ("current_density,radius_um\n1,4.1\n2,abc\n5,0.9\n", "line 3: radius_um 'abc' is not a finite number"),
            ("current_density,radius_um\n1,4.1\n2,0\n5,0.9\n", "line 3: radius_um 0 must be positive"),
            ("current_density,radius_um\n1,4.1\n-2,2.4\n5,0.9\n", "line 3: current_density -2 must be positive"),
            ("current_density,radius_um\n1,4.1\n2,\n5,0.9\n", "line 3: radius_um is empty"),
            ("current_density,radius_um,radius_se_um\n1,4.1,0\n2,2.4,0.1\n5,0.9,0.1\n", "line 2: radius_se_um 0 must be positive"),
            ("current_density,radius_um,n\n1,4.1,2.5\n2,2.4,3\n5,0.9,3\n", "line 2: n 2.5 must be a whole number of pores"),
            ("current_density,radius_um,current_density_se\n1,4.1,-1\n2,2.4,0\n5,0.9,0\n",
             "line 2: current_density_se -1 must not be negative"),
            ("current_density,radius_um\n1,4.1\nnan,2.4\n5,0.9\n", "line 3: current_density 'nan' is not a finite number"),
            ("density,radius_um\n1,4.1\n", "line 1: missing column 'current_density' (have: density, radius_um)"),
        ]
        for (text, expected) in cases {
            let error = try #require(try reason(text), "accepted: \(text)")
            #expect(error.message.hasSuffix(expected), "\(error.message)")
            #expect(error.message.contains("table.csv"))
        }
    }

    @Test("depletion tables: columns, rows, errors")
    func depletion() throws {
        let table = try DepletionTable.read(path: try write("current_density,depletion_time_h\n1,96\n2,26.5\n5,3.8\n10,1.05\n"))
        #expect(table.rows.map(\.hours) == [96, 26.5, 3.8, 1.05])
        #expect(throws: TableFileError.self) {
            try DepletionTable.read(path: try write("current_density,depletion_time_h\n1,96\n2,0\n5,3.8\n"))
        }
        let short = try write("current_density,depletion_time_h\n1,96\n1,90\n")
        do {
            _ = try DepletionTable.read(path: short)
            Issue.record("accepted two rows")
        } catch {
            #expect(error.message.hasSuffix("line 3: 2 data rows (lines 2–3); the fit needs at least 3"))
        }
    }
}
