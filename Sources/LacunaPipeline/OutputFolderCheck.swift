import Foundation

/// Keeps `lacuna analyze` from writing among its inputs: the output folder may not be a folder
/// that holds an input (an image, a folder given as input, or the manifest) unless forced, and
/// it may never be one where an output would replace or remove an input — a table, run.json or
/// report.html of the same name, or an input inside the overlays, plots, masks or cache folders
/// Lacuna owns. Paths are compared after resolving symbolic links and `..`.
public enum OutputFolderCheck {
    /// The files every run writes directly into the output folder.
    public static let tableNames: Set<String> = ["images.csv", "pores.csv", "cells.csv", "fit.json",
                                                 "conditions.csv", "run.json", "report.html"]
    /// The folders inside it whose contents Lacuna writes, replaces and removes.
    public static let ownedFolders = ["overlays", "plots", "masks", ".lacuna"]

    /// Why writing into `output` is refused, or `nil` when it is allowed.
    ///
    /// - Parameters:
    ///   - output: the `--out` folder (it need not exist yet).
    ///   - inputs: input files and folders as given or expanded, and the manifest.
    ///   - force: allow an output folder that holds inputs (never one where an output replaces an input).
    public static func problem(output: String, inputs: [String], force: Bool) -> String? {
        let folder = resolved(output)
        for input in inputs {
            let path = resolved(input)
            let parent = (path as NSString).deletingLastPathComponent
            if parent == folder && tableNames.contains((path as NSString).lastPathComponent) {
                return "--out \(output) would overwrite the input \(input); choose another output folder"
            }
            for owned in ownedFolders where path.hasPrefix(folder + "/" + owned + "/") {
                return "the input \(input) lies in \(owned)/ of --out \(output), which Lacuna rewrites; choose another output folder"
            }
            if !force && (parent == folder || path == folder) {
                return "--out \(output) is the folder of the input \(input); choose another output folder or add --force"
            }
        }
        return nil
    }

    /// The absolute path with symbolic links of its existing part resolved and `.`/`..` removed.
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var existing = url
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.pathComponents.count > 1 {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for component in missing { result.appendPathComponent(component) }
        return result.standardizedFileURL.path
    }
}
