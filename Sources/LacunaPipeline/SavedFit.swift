import Foundation
import LacunaIO
import LacunaFit

/// The conditions stored in a fit.json, for `lacuna design --fit`: its `conditions` array
/// (`current_density`, `mean_radius_um`, and when present `se_radius_um`,
/// `current_density_se`, `n_images`, `n_pores`), or, in a fit.json from the first release,
/// its `points` (one per image, grouped by current density).
public enum SavedFit {
    /// Reads the conditions of the fit.json at `path`.
    ///
    /// - Throws: `TableFileError` naming the file (and the entry) when it is not a fit.json.
    public static func conditions(path: String) throws(TableFileError) -> [ConditionEstimate] {
        let data: Data
        do {
            data = try FileBytes.read(atPath: path)
        } catch {
            throw TableFileError(path: path, line: nil, reason: "cannot read: \(error.reason)")
        }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TableFileError(path: path, line: nil, reason: "not a JSON object")
        }
        if let conditions = document["conditions"] as? [[String: Any]], !conditions.isEmpty {
            return try conditions.enumerated().map { (index, entry) throws(TableFileError) in
                guard let i = entry["current_density"] as? Double, i > 0,
                      let r = entry["mean_radius_um"] as? Double, r > 0 else {
                    throw TableFileError(path: path, line: nil,
                                         reason: "conditions[\(index)] lacks a positive current_density and mean_radius_um")
                }
                let se = entry["se_radius_um"] as? Double
                return ConditionEstimate(
                    currentDensity: i, currentDensityStandardError: entry["current_density_se"] as? Double,
                    meanRadius: r, radiusStandardError: se,
                    standardErrorSource: se == nil ? ConditionEstimate.StandardErrorSource.none : .given,
                    imageCount: entry["n_images"] as? Int ?? 1, poreCount: entry["n_pores"] as? Int)
            }
        }
        guard let points = document["points"] as? [[String: Any]], !points.isEmpty else {
            throw TableFileError(path: path, line: nil, reason: "no 'conditions' or 'points' array: not a Lacuna fit.json")
        }
        var groups: [Double: [[Double]]] = [:]
        for (index, point) in points.enumerated() {
            guard let i = point["current_density"] as? Double, i > 0, let r = point["radius_um"] as? Double, r > 0 else {
                throw TableFileError(path: path, line: nil,
                                     reason: "points[\(index)] lacks a positive current_density and radius_um")
            }
            groups[i, default: []].append([r])
        }
        var estimates: [ConditionEstimate] = []
        for density in groups.keys.sorted() {
            do {
                estimates.append(try ConditionSample(currentDensity: density, images: groups[density] ?? []).estimate())
            } catch {
                throw TableFileError(path: path, line: nil, reason: error.message)
            }
        }
        return estimates
    }
}
