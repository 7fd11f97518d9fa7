/// Building blocks of report.html: escaping and small element helpers. Every piece of data that
/// goes into the page passes through ``escape(_:)``.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element
    /// content and in quoted attribute values (HTML Living Standard §13.1.2.6).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A table with a header row (none when `header` is empty); every cell is escaped.
    static func table(_ header: [String], _ rows: [[String]], className: String? = nil) -> String {
        var lines = ["<table\(className.map { " class=\"\(escape($0))\"" } ?? "")>"]
        if !header.isEmpty { lines.append("<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>") }
        lines.append("<tbody>")
        for row in rows { lines.append("<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>") }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

    /// An SVG document made fit for inlining: the XML declaration dropped and ids (the charts'
    /// `plot-area` clip path) made unique with `suffix`, since one page holds many charts.
    static func inlineSVG(_ svg: String, suffix: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.firstIndex(of: "\n") { text = String(text[text.index(after: end)...]) }
        return text.replacingOccurrences(of: "id=\"plot-area\"", with: "id=\"plot-area-\(suffix)\"")
            .replacingOccurrences(of: "url(#plot-area)", with: "url(#plot-area-\(suffix))")
    }
}
