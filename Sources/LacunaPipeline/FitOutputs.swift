import Foundation
import LacunaReport

/// Writes the files of an r–i fit into a folder, each atomically: `fit.json`, `conditions.csv`
/// and `plots/*.svg`; and removes those files when a new run in the same folder has no fit, so
/// that nothing left over describes an earlier run.
public enum FitOutputs {
    /// Names of the plot files, in `plots/`.
    static let plotNames = ["inverse_radius_vs_current_density.svg", "radius_vs_current_density_loglog.svg",
                            "residuals_inverse_radius.svg"]

    /// Writes fit.json, conditions.csv and the plots of `report` into `folder`.
    public static func write(_ report: FitReport, to folder: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(report.json(), to: path(folder, "fit.json"))
        try AtomicFile.write(ConditionsTable.table(report).encoded(), to: path(folder, "conditions.csv"))
        try writePlots(report, to: path(folder, "plots"))
    }

    /// Writes the SVG plots of `report` into `folder` (created if needed).
    public static func writePlots(_ report: FitReport, to folder: String) throws(AtomicFile.WriteError) {
        let plots = FitPlots.render(report)
        guard !plots.isEmpty else { return }
        try AtomicFile.makeDirectory(folder)
        for plot in plots {
            try AtomicFile.write(Data(plot.svg.utf8), to: path(folder, plot.name))
        }
    }

    /// Removes fit.json, conditions.csv and the plots a previous run may have left in `folder`.
    public static func removeStale(in folder: String) {
        let files = ["fit.json", "conditions.csv"] + plotNames.map { "plots/" + $0 }
        for file in files where FileManager.default.fileExists(atPath: path(folder, file)) {
            try? FileManager.default.removeItem(atPath: path(folder, file))
        }
    }

    private static func path(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
