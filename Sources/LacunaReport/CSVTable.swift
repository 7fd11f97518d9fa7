import Foundation

/// A CSV table per RFC 4180 (comma, double-quote escaping, CRLF-free `\n` line ends, UTF-8,
/// header row first).
public struct CSVTable: Sendable {
    public var header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    /// Appends a row; it must have one field per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) fields, header \(header.count)")
        rows.append(row)
    }

    /// The encoded table, ending with a newline. A field is quoted when it holds a double quote,
    /// comma, CR or LF, its double quotes doubled (RFC 4180 §2.6–2.7). Encoded here rather than
    /// through yaslab/CSV.swift's writer, which writes one scalar at a time to a stream and
    /// took 1.6 s for the tables of one 17-MP image (docs/performance.md).
    public func encoded() -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((rows.count + 1) * header.count * 8)
        for row in [header] + rows {
            for (k, field) in row.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                CSVTable.append(field, to: &bytes)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    private static func append(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
