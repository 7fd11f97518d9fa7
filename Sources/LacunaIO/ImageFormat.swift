/// The container formats Lacuna decodes, chosen from a file's magic bytes, never its name.
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case png
    case jpeg
    case tiff
    /// Windows bitmap (`BM`), uncompressed.
    case bmp
    /// A text grid of numbers (TOF-SIMS ion-image exports); recognised by content when no
    /// binary signature matches (`TextMatrix.looksLikeMatrix`).
    case text

    /// The format whose signature starts `bytes`, or `nil`.
    ///
    /// Signatures: PNG `89 50 4E 47 0D 0A 1A 0A` (ISO/IEC 15948 §5.2); JPEG SOI `FF D8 FF`
    /// (ITU T.81 B.1.1.3); TIFF `II*\0` / `MM\0*` (TIFF 6.0 §2) and BigTIFF `II+\0` / `MM\0+`;
    /// BMP `BM` (BITMAPFILEHEADER). Text matrices have no signature and are not sniffed here.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || head.starts(with: [0x49, 0x49, 0x2B, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2B]) {
            return .tiff
        }
        if head.starts(with: [0x42, 0x4D]) && head.count >= 6 { return .bmp }
        return nil
    }
}
