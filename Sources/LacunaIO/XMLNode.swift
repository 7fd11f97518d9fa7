import Foundation

/// A small, forgiving XML reader for the vendor metadata Lacuna reads (FEI Titan and Memento XML,
/// Phenom `FeiImage`): elements with attributes and text, nothing else.
///
/// Declarations, comments, processing instructions and DOCTYPE are skipped; CDATA is text;
/// the five predefined entities and numeric character references are decoded. Namespace prefixes
/// are dropped from names (`a:PixelSize` → `PixelSize`). Malformed input never traps: an end tag
/// closes the nearest open element of that name (stray ones are ignored) and elements still open
/// at the end are closed. Nesting deeper than 256 levels gives `nil`. Complexity: O(n).
struct XMLNode: Sendable, Equatable {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLNode] = []
    /// The element's own text (not its children's), entities decoded, untrimmed.
    var text = ""

    /// The first child named `name`.
    func child(named name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The element and every element below it, depth first in document order.
    var subtree: [XMLNode] {
        var out: [XMLNode] = []
        var stack = [self]
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }

    /// `text` without surrounding white space.
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    static let maximumDepth = 256

    /// The document as a root node named "" whose children are the top-level elements, or `nil`
    /// when nesting exceeds `maximumDepth` or no element is found.
    static func parse(_ text: String) -> XMLNode? {
        let s = Array(text.unicodeScalars)
        var stack = [XMLNode(name: "")]
        var i = 0
        func starts(with literal: String, at index: Int) -> Bool {
            var k = index
            for scalar in literal.unicodeScalars {
                guard k < s.count, s[k] == scalar else { return false }
                k += 1
            }
            return true
        }
        func skip(past literal: String) {
            while i < s.count, !starts(with: literal, at: i) { i += 1 }
            i = min(s.count, i + literal.unicodeScalars.count)
        }
        func closeTop() {
            guard stack.count > 1, let node = stack.popLast() else { return }
            stack[stack.count - 1].children.append(node)
        }
        while i < s.count {
            if s[i] != "<" {
                let start = i
                while i < s.count, s[i] != "<" { i += 1 }
                stack[stack.count - 1].text += decodeEntities(String(String.UnicodeScalarView(s[start ..< i])))
                continue
            }
            if starts(with: "<!--", at: i) { skip(past: "-->"); continue }
            if starts(with: "<![CDATA[", at: i) {
                i += 9
                let start = i
                skip(past: "]]>")
                let end = max(start, i - 3)
                stack[stack.count - 1].text += String(String.UnicodeScalarView(s[start ..< min(end, s.count)]))
                continue
            }
            if starts(with: "<?", at: i) { skip(past: "?>"); continue }
            if starts(with: "<!", at: i) { skip(past: ">"); continue }
            // A tag: read up to the closing '>' outside quotes.
            var j = i + 1
            var quote: Unicode.Scalar?
            while j < s.count {
                if let q = quote {
                    if s[j] == q { quote = nil }
                } else if s[j] == "\"" || s[j] == "'" {
                    quote = s[j]
                } else if s[j] == ">" {
                    break
                }
                j += 1
            }
            let body = String(String.UnicodeScalarView(s[(i + 1) ..< min(j, s.count)]))
            i = min(s.count, j + 1)
            if body.hasPrefix("/") {
                let name = localName(String(body.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines))
                if let open = stack.lastIndex(where: { $0.name == name }), open > 0 {
                    while stack.count > open { closeTop() }
                }
                continue
            }
            let selfClosing = body.hasSuffix("/")
            let (name, attributes) = parseTag(selfClosing ? String(body.dropLast()) : body)
            guard !name.isEmpty else { continue }
            if stack.count > maximumDepth { return nil }
            stack.append(XMLNode(name: name, attributes: attributes))
            if selfClosing { closeTop() }
        }
        while stack.count > 1 { closeTop() }
        return stack[0].children.isEmpty ? nil : stack[0]
    }

    private static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    /// The element name and attributes of a start tag's inside (`name a="1" b='2'`).
    private static func parseTag(_ body: String) -> (String, [String: String]) {
        let scalars = Array(body.unicodeScalars)
        var k = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        func word() -> String {
            let start = k
            while k < scalars.count, !isSpace(scalars[k]), scalars[k] != "=" { k += 1 }
            return String(String.UnicodeScalarView(scalars[start ..< k]))
        }
        while k < scalars.count, isSpace(scalars[k]) { k += 1 }
        let name = localName(word())
        var attributes: [String: String] = [:]
        while k < scalars.count {
            while k < scalars.count, isSpace(scalars[k]) { k += 1 }
            let key = word()
            while k < scalars.count, isSpace(scalars[k]) { k += 1 }
            guard !key.isEmpty, k < scalars.count, scalars[k] == "=" else {
                if key.isEmpty { k += 1 }
                continue
            }
            k += 1
            while k < scalars.count, isSpace(scalars[k]) { k += 1 }
            guard k < scalars.count else { break }
            let value: String
            if scalars[k] == "\"" || scalars[k] == "'" {
                let quote = scalars[k]
                let start = k + 1
                k = start
                while k < scalars.count, scalars[k] != quote { k += 1 }
                value = String(String.UnicodeScalarView(scalars[start ..< k]))
                k += 1
            } else {
                value = word()
            }
            attributes[localName(key)] = decodeEntities(value)
        }
        return (name, attributes)
    }

    /// Text with `&lt; &gt; &amp; &quot; &apos;` and `&#N;` / `&#xH;` decoded; unknown entities kept.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var k = 0
        while k < scalars.count {
            guard scalars[k] == "&", let semicolon = scalars[k...].prefix(12).firstIndex(of: ";") else {
                out.append(scalars[k])
                k += 1
                continue
            }
            let entity = String(String.UnicodeScalarView(scalars[(k + 1) ..< semicolon]))
            var replacement: Unicode.Scalar?
            switch entity {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let replacement {
                out.append(replacement)
                k = semicolon + 1
            } else {
                out.append(scalars[k])
                k += 1
            }
        }
        return String(out)
    }
}
