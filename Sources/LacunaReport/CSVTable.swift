import CSV
import Foundation

/// A CSV table per RFC 4180 (comma, double-quote escaping, CRLF-free `\n` line ends, UTF-8,
/// header row first), written with yaslab/CSV.swift.
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

    /// The encoded table, ending with a newline.
    public func encoded() -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
        } catch {
            preconditionFailure("writing CSV to memory failed: \(error)")
        }
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }
}
