import Foundation
import LacunaTestSupport
import Testing

/// `lacuna fit` and `lacuna design` as a user runs them: exit codes, stderr, files.
@Suite("lacuna fit and design", .enabled(if: TestPaths.lacunaBinary != nil))
struct FitCommandTests {
    typealias Run = LacunaProcess.Run

    func lacuna(_ arguments: [String]) throws -> Run { try LacunaProcess.run(arguments) }

    func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("fit --json keeps the first-release keys and adds the models; --plots writes three SVGs")
    func fitWithPlots() throws {
        let folder = TestPaths.makeScratchFolder()
        let table = try write("current_density,radius_um,radius_se_um,current_density_se\n1,4.1,0.35,0.05\n"
                              + "2,2.4,0.2,0.1\n5,0.9,0.09,0.25\n10,0.4,0.05,0.5\n", "t.csv", in: folder)
        let run = try lacuna(["fit", "--json", "--plots", folder + "/plots", table])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try json(run.stdout)
        let linear = try #require(document["inverse_radius_linear"] as? [String: Any])
        for key in ["slope", "intercept", "r_squared", "slope_ci95", "intercept_ci95", "n_points"] { #expect(linear[key] != nil) }
        let power = try #require(document["power_law"] as? [String: Any])
        for key in ["exponent", "prefactor_um", "exponent_ci95"] { #expect(power[key] != nil) }
        let models = try #require(document["models"] as? [String: Any])
        let odr = try #require(models["odr"] as? [String: Any])
        #expect(abs((odr["slope"] as? Double ?? 0) - 0.221485638541) < 1e-9)  // scripts/fit_models_reference.py
        let wls = try #require(models["wls_delta_method"] as? [String: Any])
        #expect(abs((wls["slope"] as? Double ?? 0) - 0.218606057941) < 1e-10)
        let plots = try FileManager.default.contentsOfDirectory(atPath: folder + "/plots")
        #expect(plots.count == 3 && plots.allSatisfy { $0.hasSuffix(".svg") })
    }

    @Test("fit --seed/--resamples: replicate rows are bootstrapped, identically for the same seed")
    func bootstrapSeed() throws {
        let folder = TestPaths.makeScratchFolder()
        let table = try write("current_density,radius_um\n1,4.3\n1,3.9\n1,4.0\n2,2.5\n2,2.2\n2,2.45\n5,0.95\n5,0.85\n"
                              + "5,0.92\n5,0.88\n10,0.42\n10,0.37\n10,0.41\n", "rep.csv", in: folder)
        let a = try lacuna(["fit", "--json", "--seed", "7", "--resamples", "500", table])
        let b = try lacuna(["fit", "--json", "--seed", "7", "--resamples", "500", table])
        let c = try lacuna(["fit", "--json", "--seed", "8", "--resamples", "500", table])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
        let bootstrap = try #require(try json(a.stdout)["bootstrap"] as? [String: Any])
        #expect(bootstrap["resamples"] as? Int == 500 && bootstrap["seed"] as? String == "7")
    }

    @Test("bad tables exit 1 naming the row; bad options exit 2")
    func errors() throws {
        let folder = TestPaths.makeScratchFolder()
        let cases: [(String, String)] = [
            ("current_density,radius_um\n1,4.1\n2,2.4\n", "two.csv line 3: 2 data rows"),
            ("current_density,radius_um\n1,4.1\n2,-2\n5,0.9\n", "neg.csv line 3: radius_um -2 must be positive"),
            ("current_density,radius_um\n0,4.1\n2,2\n5,0.9\n", "zero.csv line 2: current_density 0 must be positive"),
            ("current_density,radius_um\n3,4.1\n3,2\n3,0.9\n", "same.csv line 4: every row (lines 2–4) has current_density 3"),
            ("current_density,radius_um\n1,x\n2,2\n5,0.9\n", "text.csv line 2: radius_um 'x' is not a finite number"),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let name = ["two.csv", "neg.csv", "zero.csv", "same.csv", "text.csv"][index]
            let run = try lacuna(["fit", try write(text, name, in: folder)])
            #expect(run.status == 1, "\(name): exit \(run.status)")
            #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
        }
        let table = try write("current_density,radius_um\n1,4.1\n2,2.4\n5,0.9\n", "ok.csv", in: folder)
        for arguments in [["fit", "--resamples", "0", table], ["fit", "--model", "linear", table],
                          ["fit", "--series-resistance", "-1", table], ["design"], ["design", "--current-density", "-3"],
                          ["design", "--current-density", "abc"]] {
            let run = try lacuna(arguments)
            #expect(run.status == 2, "\(arguments): exit \(run.status)")
            #expect(!run.stderr.isEmpty)
        }
    }

    @Test("fit --model depletion: k and the test of k = −2")
    func depletion() throws {
        let folder = TestPaths.makeScratchFolder()
        let table = try write("current_density,depletion_time_h\n1,96\n2,26.5\n5,3.8\n10,1.05\n", "dep.csv", in: folder)
        let run = try lacuna(["fit", "--model", "depletion", "--json", table])
        #expect(run.status == 0, "\(run.stderr)")
        let fit = try #require(try json(run.stdout)["depletion_time"] as? [String: Any])
        #expect(abs((fit["exponent_k"] as? Double ?? 0) + 1.98274867419) < 1e-10)
        let text = try lacuna(["fit", "--model", "depletion", table])
        #expect(text.status == 0 && text.stdout.contains("test of k = −2"))
        let bad = try lacuna(["fit", "--model", "depletion", try write("current_density,radius_um\n1,2\n2,1\n3,1\n", "r.csv", in: folder)])
        #expect(bad.status == 1 && bad.stderr.contains("missing column 'depletion_time_h'"))
    }

    @Test("design: paper data by default, a fit.json with --fit, exit 1 for an unreadable fit")
    func design() throws {
        let run = try lacuna(["design", "--current-density", "10"])
        #expect(run.status == 0 && run.stdout.contains("r_crit = 0.4064 µm"))
        let folder = TestPaths.makeScratchFolder()
        let table = try write("current_density,radius_um\n1,4.1\n2,2.4\n5,0.9\n10,0.4\n", "t.csv", in: folder)
        let fit = try lacuna(["fit", "--json", table])
        let saved = try write(fit.stdout, "fit.json", in: folder)
        let fromFit = try lacuna(["design", "--current-density", "10", "--fit", saved, "--json"])
        #expect(fromFit.status == 0, "\(fromFit.stderr)")
        let models = try #require(try json(fromFit.stdout)["models"] as? [[String: Any]])
        #expect(abs((models[0]["r_crit_um"] as? Double ?? 0) - 0.40635455733) < 1e-10)
        let broken = try lacuna(["design", "--current-density", "10", "--fit", try write("nope", "x.json", in: folder)])
        #expect(broken.status == 1 && broken.stderr.contains("x.json"))
    }
}
