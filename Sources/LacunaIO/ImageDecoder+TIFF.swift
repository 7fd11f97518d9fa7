import CLacunaCodecs

/// What a container says besides its pixels: TIFF metadata tags and resolution.
struct ContainerMetadata {
    var tags: [UInt32: [UInt8]] = [:]
    var resolution: TIFFResolution?
}

extension ImageDecoder {
    /// Makes `page` the reader's current TIFF directory and collects its metadata tags and
    /// resolution. For a page after the first, a tag or resolution the page lacks comes from the
    /// first directory when both have the same width and height (`DecodedImage.tiffTags`).
    static func selectTIFFPage(_ page: Int, reader: OpaquePointer,
                               info: inout lc_image_info) -> Result<ContainerMetadata, ImageIOError> {
        let pages = Int(info.pages)
        guard page < pages else { return .failure(.pageOutOfRange(page: page, pages: pages)) }
        let first = ContainerMetadata(tags: tiffTags(reader), resolution: tiffResolution(reader))
        if page == 0 { return .success(first) }
        let firstSize = (info.width, info.height)
        var error = lc_error()
        if lc_tiff_select_page(reader, UInt32(page), &info, &error) != LC_OK {
            return .failure(ImageDecoder.error(from: error, format: .tiff))
        }
        var own = ContainerMetadata(tags: tiffTags(reader), resolution: tiffResolution(reader))
        if firstSize == (info.width, info.height) {
            own.tags.merge(first.tags) { pageValue, _ in pageValue }
            own.resolution = own.resolution ?? first.resolution
        }
        return .success(own)
    }

    /// The metadata tags of the current directory (`MetadataTag.all`), copied out of libtiff.
    static func tiffTags(_ reader: OpaquePointer) -> [UInt32: [UInt8]] {
        var found: [UInt32: [UInt8]] = [:]
        for tag in MetadataTag.all {
            var pointer: UnsafePointer<UInt8>? = nil
            var count = 0
            if lc_tiff_tag_bytes(reader, tag, &pointer, &count) == 1, let pointer, count > 0 {
                found[tag] = Array(UnsafeBufferPointer(start: pointer, count: count))
            }
        }
        return found
    }

    /// The resolution tags of the current directory, `nil` without XResolution.
    static func tiffResolution(_ reader: OpaquePointer) -> TIFFResolution? {
        var resolution = lc_tiff_resolution()
        lc_tiff_get_resolution(reader, &resolution)
        guard resolution.has_x != 0 else { return nil }
        return TIFFResolution(x: resolution.x, y: resolution.has_y != 0 ? resolution.y : nil,
                              unit: resolution.has_unit != 0 ? Int(resolution.unit) : nil)
    }
}
