import Foundation
import LacunaImage

/// What an instrument's metadata says about an image: the pixel size, the height of the
/// information bar appended below the scanned frame, where both were read, and what was doubtful.
public struct SEMMetadata: Sendable, Equatable {
    /// The source whose pixel size this is (`.tiff` for plain resolution tags; `.none` when
    /// only warnings were found).
    public var vendor: PixelSizeSource
    /// The pixel size in µm (x and y separately), or `nil` when the metadata holds none that is
    /// usable.
    public var pixelSize: PixelSize?
    /// Rows at the bottom of the stored image that are the data bar, not specimen; 0 when the
    /// metadata records none (see `databarDetail`).
    public var databarHeight: Int
    /// Where the pixel size was read, e.g. `tag 34682 [EScan] PixelWidth/PixelHeight` or
    /// `sidecar s01.txt $$SM_MICRON_MARKER 100nm / $$SM_MICRON_BAR 53 px`; `nil` without one.
    public var pixelSizeDetail: String?
    /// How `databarHeight` was found, e.g. `tag 34682 stored height 471 − [Image] ResolutionY 442`;
    /// `nil` when the metadata does not record the bar (Zeiss and Hitachi draw it over the frame),
    /// so a pixel heuristic may decide.
    public var databarDetail: String?
    /// Doubts, each a one-line message naming its source: refused values, avoided traps
    /// (Zeiss display pixel), disagreements between keys.
    public var warnings: [String]

    public init(vendor: PixelSizeSource, pixelSize: PixelSize?, databarHeight: Int,
                pixelSizeDetail: String? = nil, databarDetail: String? = nil, warnings: [String] = []) {
        self.vendor = vendor
        self.pixelSize = pixelSize
        self.databarHeight = databarHeight
        self.pixelSizeDetail = pixelSizeDetail
        self.databarDetail = databarDetail
        self.warnings = warnings
    }

    /// Reads the metadata of a decoded file — the single entry point of the pipeline and
    /// `lacuna info`. `path` (the image's path) enables sidecars with the image's stem.
    ///
    /// Sources are tried in this order (../shared/reference/sem-metadata.md §0), and the first
    /// that yields a usable pixel size wins:
    /// 1. TIFF tags: FEI/Thermo Fisher 34682, 34683, 34680 (INI or XML); Zeiss 34118; Tescan 50431;
    /// 2. sidecars: `<stem>.txt` (JEOL or Hitachi, told apart by content), `<stem>.hdr` (Tescan);
    /// 3. an ImageJ `ImageDescription` (`unit=` with XResolution/YResolution);
    /// 4. plain TIFF resolution tags, only in physical units (`TIFFResolutionMetadata`).
    ///
    /// Warnings of every source tried are kept. The data bar comes from the winner, or else from
    /// the first source tried that records one. Returns `nil` when no source is present at all.
    public static func read(from image: DecodedImage, path: String? = nil) -> SEMMetadata? {
        var tried: [SEMMetadata] = []
        for source in sources(of: image, path: path) {
            guard let found = source() else { continue }
            tried.append(found)
            if found.pixelSize != nil { break }
        }
        return combining(tried)
    }

    /// The metadata sources of `image`, in the order `read` tries them; each is evaluated only
    /// when the ones before it gave no pixel size (so sidecars are not read needlessly).
    private static func sources(of image: DecodedImage, path: String?) -> [() -> SEMMetadata?] {
        let width = image.raster.width, height = image.raster.height
        let tags = image.tiffTags
        var sources: [() -> SEMMetadata?] = []
        for tag in [MetadataTag.feiHelios, MetadataTag.feiTitan, MetadataTag.feiSFEG] {
            sources.append {
                tags[tag].flatMap { FEIMetadata.parse($0, imageHeight: height, imageWidth: width, tag: tag) }
            }
        }
        sources.append { tags[MetadataTag.zeissSEM].flatMap { ZeissMetadata.parse($0, imageWidth: width) } }
        sources.append { tags[MetadataTag.tescan].flatMap { TescanMetadata.parse($0, imageHeight: height) } }
        if let path {
            sources.append { textSidecar(forImageAt: path, width: width, height: height) }
            sources.append { TescanMetadata.sidecar(forImageAt: path, imageHeight: height) }
        }
        sources.append {
            tags[MetadataTag.imageDescription].flatMap {
                ImageJMetadata.parse(description: $0, resolution: image.tiffResolution)
            }
        }
        // ImageJ's XResolution is per its own `unit=`, whatever ResolutionUnit says.
        if !ImageJMetadata.isImageJ(tags[MetadataTag.imageDescription]) {
            sources.append { image.tiffResolution.flatMap { TIFFResolutionMetadata.parse($0) } }
        }
        return sources
    }

    /// `<stem>.txt` (or `.TXT`) read as Hitachi when it starts with `[SemImageFile]`, else as JEOL.
    private static func textSidecar(forImageAt path: String, width: Int, height: Int) -> SEMMetadata? {
        guard let sidecar = SidecarFile.find(forImageAt: path, extensions: ["txt", "TXT"]) else { return nil }
        return HitachiMetadata.parse(sidecar.bytes, name: sidecar.name, imageWidth: width, imageHeight: height)
            ?? JEOLMetadata.parse(sidecar.bytes, name: sidecar.name, imageWidth: width, imageHeight: height)
    }

    /// The winner (the last tried when it has a pixel size, else the first) with every warning and,
    /// when it records none, the first recorded data bar.
    static func combining(_ tried: [SEMMetadata]) -> SEMMetadata? {
        guard let first = tried.first, let last = tried.last else { return nil }
        var result = last.pixelSize != nil ? last : first
        result.warnings = tried.flatMap(\.warnings)
        if result.databarDetail == nil, let bar = tried.first(where: { $0.databarDetail != nil }) {
            result.databarHeight = bar.databarHeight
            result.databarDetail = bar.databarDetail
        }
        return result
    }
}
