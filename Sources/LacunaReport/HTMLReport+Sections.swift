import Foundation

/// The sections of report.html, each a fragment of HTML with every data text escaped.
extension HTMLReport {
    static func summary(_ folder: ReportFolder) -> String {
        let rows = folder.images.rows
        let failed = rows.filter { folder.images.field("status", in: $0) == "error" }.count
        let pores = rows.compactMap { folder.images.field("pore_count", in: $0).flatMap { Int($0) } }.reduce(0, +)
        let flagged = rows.filter { folder.images.field("qa_flags", in: $0) != nil }.count
        let conditions = Set(folder.conditionKeys().filter { !$0.isEmpty }).count
        return """
        <p>\(rows.count) image\(rows.count == 1 ? "" : "s") (\(rows.count - failed) analysed, \
        <span class="\(failed > 0 ? "error" : "ok")">\(failed) failed</span>), \(pores) pores, \
        \(conditions) current densit\(conditions == 1 ? "y" : "ies"); \(flagged) image\(flagged == 1 ? "" : "s") with QA flags.</p>
        """
    }

    static func fitSection(_ folder: ReportFolder, plots: [ReportPlots.Plot]) -> String {
        var lines = ["<h2>Fit of radius against current density</h2>"]
        guard let fit = folder.fit else {
            lines.append("<p>No fit: it needs calibrated images at two or more current densities (a manifest with "
                + "<code>current_density</code>).</p>")
            return lines.joined(separator: "\n")
        }
        let verdict = FitVerdict(fit: fit)
        lines.append("<div class=\"verdict \(verdict.outcome.rawValue.replacingOccurrences(of: " ", with: "-"))\">"
            + "<strong>r ∝ 1/i: \(HTML.escape(verdict.outcome.rawValue))</strong>")
        lines.append("<ul>" + verdict.reasons.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul></div>")
        if let notes = fit["notes"]?.array?.compactMap(\.string), !notes.isEmpty {
            lines.append("<p>Notes:</p><ul>" + notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        }
        let fitPlots = plots.filter { ReportPlots.FitPlotNames.all.contains($0.name) }
        lines.append(fitPlots.enumerated().map { figure($1, id: "fit-\($0)") }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }

    static func conditionsSection(_ folder: ReportFolder) -> String {
        var lines = ["<h2>Conditions</h2>"]
        guard let table = folder.conditions else {
            lines.append("<p>No conditions.csv (written with the fit).</p>")
            return lines.joined(separator: "\n")
        }
        let shown = ["current_density", "n_images", "n_pores", "mean_radius_um", "se_radius_um", "se_source",
                     "inverse_radius_per_um", "mean_porosity", "contact_class"]
        let headers = ["i (mA/cm²)", "images", "pores", "mean r (µm)", "SE r (µm)", "SE from", "1/r (µm⁻¹)",
                       "porosity", "contact"]
        lines.append(HTML.table(headers, table.rows.map { row in shown.map { table.field($0, in: row) ?? "" } }))
        return lines.joined(separator: "\n")
    }

    static func plotSection(_ title: String, _ plots: [ReportPlots.Plot], empty: String) -> String {
        var lines = ["<h2>\(HTML.escape(title))</h2>"]
        if plots.isEmpty { lines.append("<p>\(HTML.escape(empty))</p>") }
        lines += plots.map { figure($0, id: String($0.name.dropLast(4))) }
        return lines.joined(separator: "\n")
    }

    static func figure(_ plot: ReportPlots.Plot, id: String) -> String {
        "<figure id=\"\(HTML.escape(id))\">\n\(HTML.inlineSVG(plot.svg, suffix: ReportPlots.safe(id)))"
            + "<figcaption>\(HTML.escape(plot.caption)) (<code>plots/\(HTML.escape(plot.name))</code>)</figcaption></figure>"
    }

    static func imagesSection(_ folder: ReportFolder, thumbnails: [String?]) -> String {
        var lines = ["<h2>Images</h2>", "<p>Overlay colours: cyan interior pores (in the statistics), magenta pores "
            + "touching the frame edge, yellow pores below the minimum area. QA flags: saturated (&gt; 1 % clipped "
            + "pixels), low_contrast, few_pores (&lt; 20 in the statistics), border_pores (&gt; 30 % at the edge).</p>",
                     "<div class=\"cards\">"]
        let t = folder.images
        for (index, row) in t.rows.enumerated() {
            let name = t.field("image", in: row) ?? ""
            var card = ["<div class=\"card\">", "<div class=\"name\">\(HTML.escape(name))"
                + (t.field("page", in: row).flatMap { $0 == "1" ? nil : " (page \($0))" }.map(HTML.escape) ?? "") + "</div>"]
            if let uri = index < thumbnails.count ? thumbnails[index] : nil {
                card.append("<img alt=\"overlay of \(HTML.escape(name))\" src=\"\(uri)\">")
            }
            if t.field("status", in: row) == "error" {
                card.append("<div class=\"error\">failed: \(HTML.escape(t.field("error", in: row) ?? ""))</div>")
            } else {
                let calibrated = t.field("pixel_size_um", in: row) != nil
                let radius = calibrated ? t.field("mean_radius_um", in: row).map { "\($0) µm" }
                    : t.field("mean_radius_px", in: row).map { "\($0) px" }
                let facts: [(String, String?)] = [
                    ("current density", t.field("current_density", in: row).map { "\($0) mA/cm²" }),
                    ("pixel size", t.field("pixel_size_um", in: row).map {
                        "\($0) µm (\(t.field("pixel_size_source", in: row) ?? ""))" } ?? "none: lengths in px"),
                    ("pores", t.field("pore_count", in: row).map { "\($0) (\(t.field("interior_pore_count", in: row) ?? "?") interior)" }),
                    ("porosity", t.field("porosity", in: row)),
                    ("mean radius", radius),
                    ("threshold", t.field("threshold", in: row)),
                ]
                card.append("<table>" + facts.compactMap { key, value in
                    value.map { "<tr><th>\(HTML.escape(key))</th><td>\(HTML.escape($0))</td></tr>" }
                }.joined() + "</table>")
                let flags = (t.field("qa_flags", in: row) ?? "").split(separator: ";").map(String.init)
                card.append(flags.isEmpty ? "<div class=\"ok\">no QA flags</div>"
                    : "<div>" + flags.map { "<span class=\"flag\">\(HTML.escape($0))</span>" }.joined(separator: " ") + "</div>")
                if let warnings = t.field("warnings", in: row) {
                    card.append("<div>warnings: \(HTML.escape(warnings))</div>")
                }
            }
            card.append("</div>")
            lines.append(card.joined(separator: "\n"))
        }
        lines.append("</div>")
        return lines.joined(separator: "\n")
    }

    static func failuresSection(_ folder: ReportFolder) -> String {
        let t = folder.images
        let failed = t.rows.filter { t.field("status", in: $0) == "error" }
        var lines = ["<h2>Failures</h2>"]
        if failed.isEmpty {
            lines.append("<p class=\"ok\">No input failed.</p>")
        } else {
            lines.append(HTML.table(["image", "page", "reason"], failed.map {
                [t.field("image", in: $0) ?? "", t.field("page", in: $0) ?? "", t.field("error", in: $0) ?? ""]
            }))
        }
        return lines.joined(separator: "\n")
    }

    static func settingsSection(_ folder: ReportFolder) -> String {
        var lines = ["<h2>Run settings</h2>"]
        guard let run = folder.run else {
            lines.append("<p>No run.json in the folder.</p>")
            return lines.joined(separator: "\n")
        }
        let tool = run["tool"]
        var facts: [[String]] = [
            ["tool", [tool?["name"]?.string, tool?["version"]?.string].compactMap { $0 }.joined(separator: " ")],
            ["git commit", tool?["git_commit"]?.string ?? (tool?["git_commit_note"]?.string ?? "unknown")],
            ["executable SHA-256", tool?["executable_sha256"]?.string ?? "unknown"],
            ["inputs", run["input_count"]?.double.map { NumberFormat.significant($0) } ?? ""],
        ]
        // A shard's folder says so; a merged folder shows what one unsharded run would.
        if let shard = run["shard"], let k = shard["index"]?.double, let n = shard["count"]?.double {
            facts.append(["shard", "\(NumberFormat.significant(k))/\(NumberFormat.significant(n))"])
        }
        lines.append(HTML.table([], facts))
        if case let .object(config)? = run["config"] {
            lines.append("<h3>Analysis parameters</h3>")
            lines.append(HTML.table(["key", "value"], config.keys.sorted().map { [$0, describe(config[$0])] }))
        }
        if let inputs = run["inputs"]?.array {
            lines.append("<details><summary>Inputs with their SHA-256 (\(inputs.count))</summary>")
            lines.append(HTML.table(["#", "path", "bytes", "SHA-256"], inputs.map { input in
                [input["index"]?.double.map { NumberFormat.significant($0) } ?? "", input["path"]?.string ?? "",
                 input["size_bytes"]?.double.map { NumberFormat.significant($0, digits: 15) } ?? "",
                 input["sha256"]?.string ?? ""]
            }))
            lines.append("</details>")
        }
        lines.append("<p>Times, <code>--jobs</code> and <code>--resume</code> are recorded in run.json only, so this page "
            + "is the same for every equivalent run.</p>")
        return lines.joined(separator: "\n")
    }

    /// A JSON value as a short text.
    static func describe(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: "null"
        case let .bool(b)?: b ? "true" : "false"
        case let .int(i)?: String(i)
        case let .number(d)?: NumberFormat.significant(d, digits: 9)
        case let .string(s)?: s
        case let .array(values)?: values.map { describe($0) }.joined(separator: ", ")
        case let .object(members)?: members.keys.sorted().map { "\($0)=\(describe(members[$0]))" }.joined(separator: ", ")
        }
    }
}
