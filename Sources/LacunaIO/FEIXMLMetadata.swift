import Foundation
import LacunaImage

/// The XML forms of FEI / Thermo Fisher metadata in tags 34680 and 34683
/// (../shared/reference/sem-metadata.md §1.1 "FEI variants", §1.2):
///
/// - Helios Auto Slice & View: tag 34680 holds base64 of UTF-8 XML with a BOM, a
///   `MementoItemCollection` whose `MementoItem` named `PixelSize` has a section with items
///   `Width` and `Height`, each with a `MementoItemUnit` and an `anyType` value (cgohlke/tifffile
///   PR #141). Values are used only when the unit is `MementoItemUnitMeter`.
/// - Titan (tag 34683): a `PixelSize` element with `X` and `Y` children in metres
///   (ome/bioformats `FEITiffReader`, PR #1942: "expressed in meters").
/// - Phenom: `FeiImage` with `pixelWidth`/`pixelHeight` (unverified layout); used only with a
///   `unit` attribute, because Bio-Formats assumes µm while other readers assume metres — a
///   guess either way.
///
/// None of these records the data bar. Anything else in XML form gives a warning and no size.
enum FEIXMLMetadata {
    /// The XML text held by `bytes`, directly (first non-blank character `<`) or as base64;
    /// `nil` when the bytes are neither.
    static func xmlText(_ bytes: [UInt8]) -> String? {
        let text = MetadataText.decode(bytes).trimmingWhitespace()
        if text.utf8.first == UInt8(ascii: "<") { return text }
        guard let data = base64(text) else { return nil }
        let decoded = MetadataText.decode(Array(data)).trimmingWhitespace()
        return decoded.utf8.first == UInt8(ascii: "<") ? decoded : nil
    }

    /// The bytes of `text` read as base64 with white space anywhere; `nil` at the first other
    /// character, or when fewer than 8 or not a multiple of 4 base64 characters remain.
    private static func base64(_ text: String) -> Data? {
        var compact: [UInt8] = []
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            guard scalar.isASCII else { return nil }
            let byte = UInt8(scalar.value)
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                compact.append(byte)
            default: return nil
            }
        }
        guard compact.count >= 8, compact.count % 4 == 0 else { return nil }
        return Data(base64Encoded: Data(compact))
    }

    static func parse(_ xml: String, label: String) -> SEMMetadata {
        var warnings: [String] = []
        guard let root = XMLNode.parse(xml) else {
            warnings.append("\(label): XML that cannot be read; no pixel size")
            return SEMMetadata(vendor: .fei, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        let nodes = root.subtree
        let found = memento(nodes, label: label, warnings: &warnings)
            ?? titan(nodes, label: label, warnings: &warnings)
            ?? phenom(nodes, label: label, warnings: &warnings)
        if found == nil, warnings.isEmpty {
            warnings.append("\(label): XML without a pixel size Lacuna recognises; no pixel size")
        }
        return SEMMetadata(vendor: .fei, pixelSize: found?.size, databarHeight: 0, pixelSizeDetail: found?.detail,
                           warnings: warnings)
    }

    private typealias Found = (size: PixelSize, detail: String)

    private static func memento(_ nodes: [XMLNode], label: String, warnings: inout [String]) -> Found? {
        guard let pixelSize = nodes.first(where: {
            $0.name == "MementoItem" && $0.child(named: "Name")?.trimmedText == "PixelSize"
        }) else { return nil }
        var values: [String: Double] = [:]
        for item in pixelSize.subtree where item.name == "MementoItem" {
            guard let name = item.child(named: "Name")?.trimmedText, name == "Width" || name == "Height" else { continue }
            let unit = item.child(named: "MementoItemUnit")?.trimmedText ?? ""
            let text = item.child(named: "anyType")?.trimmedText ?? ""
            guard unit == "MementoItemUnitMeter" else {
                warnings.append("\(label): PixelSize \(name) has unit \"\(unit)\", not MementoItemUnitMeter; not used")
                continue
            }
            guard let value = FEIMetadata.metres(text) else {
                warnings.append("\(label): PixelSize \(name)=\(text) is not a usable length in metres")
                continue
            }
            values[name] = value
        }
        guard let x = values["Width"] else { return nil }
        return (PixelSize(x: x, y: values["Height"] ?? x), "\(label) XML MementoItem PixelSize Width/Height (m)")
    }

    private static func titan(_ nodes: [XMLNode], label: String, warnings: inout [String]) -> Found? {
        guard let pixelSize = nodes.first(where: { $0.name == "PixelSize" && $0.child(named: "X") != nil }),
              let xNode = pixelSize.child(named: "X") else { return nil }
        let unit = xNode.attributes["unit"] ?? pixelSize.attributes["unit"] ?? "m"
        guard let power = LengthText.exponent(ofUnit: unit) else {
            warnings.append("\(label): PixelSize unit \"\(unit)\" is not a length unit; not used")
            return nil
        }
        let y = pixelSize.child(named: "Y")?.trimmedText
        guard let x = LengthText.scaled(xNode.trimmedText, byPowerOfTen: power), PixelSizeCheck.problem(x) == nil else {
            warnings.append("\(label): PixelSize X=\(xNode.trimmedText) is not a usable length")
            return nil
        }
        let height = y.flatMap { LengthText.scaled($0, byPowerOfTen: power) }.flatMap { PixelSizeCheck.problem($0) == nil ? $0 : nil }
        return (PixelSize(x: x, y: height ?? x), "\(label) XML PixelSize X/Y (\(unit))")
    }

    private static func phenom(_ nodes: [XMLNode], label: String, warnings: inout [String]) -> Found? {
        guard nodes.contains(where: { $0.name == "FeiImage" }),
              let width = nodes.first(where: { $0.name == "pixelWidth" }) else { return nil }
        guard let unit = width.attributes["unit"] else {
            warnings.append("\(label): FeiImage pixelWidth without a unit attribute (metres or µm?); not used")
            return nil
        }
        guard let power = LengthText.exponent(ofUnit: unit),
              let x = LengthText.scaled(width.trimmedText, byPowerOfTen: power), PixelSizeCheck.problem(x) == nil else {
            warnings.append("\(label): FeiImage pixelWidth=\(width.trimmedText) \(unit) is not a usable length")
            return nil
        }
        var y = x
        if let height = nodes.first(where: { $0.name == "pixelHeight" }),
           let heightPower = LengthText.exponent(ofUnit: height.attributes["unit"] ?? unit),
           let value = LengthText.scaled(height.trimmedText, byPowerOfTen: heightPower), PixelSizeCheck.problem(value) == nil {
            y = value
        }
        return (PixelSize(x: x, y: y), "\(label) XML FeiImage pixelWidth/pixelHeight (\(unit))")
    }
}
