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
    var trimmedText: String { text.trimmingWhitespace() }

    static let maximumDepth = 256

    /// The document as a root node named "" whose children are the top-level elements, or `nil`
    /// when nesting exceeds `maximumDepth` or no element is found.
    ///
    /// Scans UTF-8 code units: every delimiter is ASCII, so each slice between delimiters is
    /// whole UTF-8 and becomes a `String` in one copy.
    static func parse(_ text: String) -> XMLNode? {
        let s = Array(text.utf8)
        var stack = [XMLNode(name: "")]
        var i = 0
        func starts(with literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= s.count else { return false }
            let pointer = literal.utf8Start
            for k in 0 ..< count where s[index + k] != pointer[k] { return false }
            return true
        }
        func skip(past literal: StaticString) {
            while i < s.count, !starts(with: literal, at: i) { i += 1 }
            i = min(s.count, i + literal.utf8CodeUnitCount)
        }
        func closeTop() {
            guard stack.count > 1, let node = stack.popLast() else { return }
            stack[stack.count - 1].children.append(node)
        }
        let open = UInt8(ascii: "<"), close = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        while i < s.count {
            if s[i] != open {
                let start = i
                while i < s.count, s[i] != open { i += 1 }
                stack[stack.count - 1].text += decodeEntities(String(decoding: s[start ..< i], as: UTF8.self))
                continue
            }
            if starts(with: "<!--", at: i) { skip(past: "-->"); continue }
            if starts(with: "<![CDATA[", at: i) {
                i += 9
                let start = i
                skip(past: "]]>")
                let end = max(start, i - 3)
                stack[stack.count - 1].text += String(decoding: s[start ..< min(end, s.count)], as: UTF8.self)
                continue
            }
            if starts(with: "<?", at: i) { skip(past: "?>"); continue }
            if starts(with: "<!", at: i) { skip(past: ">"); continue }
            // A tag: read up to the closing '>' outside quotes.
            var j = i + 1
            var quote: UInt8?
            while j < s.count {
                if let q = quote {
                    if s[j] == q { quote = nil }
                } else if s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
                    quote = s[j]
                } else if s[j] == close {
                    break
                }
                j += 1
            }
            let body = s[(i + 1) ..< min(j, s.count)]
            i = min(s.count, j + 1)
            if body.first == slash {
                let name = localName(trimmingBlanks(body.dropFirst()))
                if let open = stack.lastIndex(where: { $0.name == name }), open > 0 {
                    while stack.count > open { closeTop() }
                }
                continue
            }
            let selfClosing = body.last == slash
            let (name, attributes) = parseTag(selfClosing ? body.dropLast() : body)
            guard !name.isEmpty else { continue }
            if stack.count > maximumDepth { return nil }
            stack.append(XMLNode(name: name, attributes: attributes))
            if selfClosing { closeTop() }
        }
        while stack.count > 1 { closeTop() }
        return stack[0].children.isEmpty ? nil : stack[0]
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func trimmingBlanks(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return bytes[bytes.endIndex...] }
        return bytes[first ... last]
    }

    /// The name after the last namespace prefix (`a:PixelSize` → `PixelSize`); empty parts
    /// between colons do not count, and a name of colons only stays as it is.
    private static func localName(_ qualified: ArraySlice<UInt8>) -> String {
        let colon = UInt8(ascii: ":")
        guard let last = qualified.lastIndex(where: { $0 != colon }) else {
            return String(decoding: qualified, as: UTF8.self)
        }
        let start = qualified[..<last].lastIndex(of: colon).map { $0 + 1 } ?? qualified.startIndex
        return String(decoding: qualified[start ... last], as: UTF8.self)
    }

    /// The element name and attributes of a start tag's inside (`name a="1" b='2'`).
    private static func parseTag(_ scalars: ArraySlice<UInt8>) -> (String, [String: String]) {
        var k = scalars.startIndex
        let end = scalars.endIndex
        let equals = UInt8(ascii: "=")
        func word() -> ArraySlice<UInt8> {
            let start = k
            while k < end, !isBlank(scalars[k]), scalars[k] != equals { k += 1 }
            return scalars[start ..< k]
        }
        while k < end, isBlank(scalars[k]) { k += 1 }
        let name = localName(word())
        var attributes: [String: String] = [:]
        while k < end {
            while k < end, isBlank(scalars[k]) { k += 1 }
            let key = word()
            while k < end, isBlank(scalars[k]) { k += 1 }
            guard !key.isEmpty, k < end, scalars[k] == equals else {
                if key.isEmpty { k += 1 }
                continue
            }
            k += 1
            while k < end, isBlank(scalars[k]) { k += 1 }
            guard k < end else { break }
            let value: ArraySlice<UInt8>
            if scalars[k] == UInt8(ascii: "\"") || scalars[k] == UInt8(ascii: "'") {
                let quote = scalars[k]
                let start = k + 1
                k = start
                while k < end, scalars[k] != quote { k += 1 }
                value = scalars[start ..< k]
                k += 1
            } else {
                value = word()
            }
            attributes[localName(key)] = decodeEntities(String(decoding: value, as: UTF8.self))
        }
        return (name, attributes)
    }

    /// Text with `&lt; &gt; &amp; &quot; &apos;` and `&#N;` / `&#xH;` decoded; unknown entities kept.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
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
