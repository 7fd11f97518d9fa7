import LacunaImage

/// Zeiss SmartSEM / LEO metadata (TIFF tag 34118, ISO-8859-1 text): after a block of bare
/// numbers, pairs of lines — an upper-case key (`AP_IMAGE_PIXEL_SIZE`) and `Label = value unit`
/// (../shared/reference/sem-metadata.md §1.3; tifffile `read_cz_sem`, Gwyddion `zeiss.c`).
///
/// Pixel size, in this order:
/// 1. `AP_IMAGE_PIXEL_SIZE` ("Image Pixel Size = 12.33 nm"), the stored pixel — unless
///    `DP_IMAGE_STORE` ("Store resolution = 2048 * 1536") says the frame was stored at another
///    width than the file's, i.e. the file was resampled;
/// 2. `AP_WIDTH` (field width) ÷ the image width in pixels — right for resampled files too;
/// 3. `AP_PIXEL_SIZE` only when the image is 1024 px wide. That value is the pixel of a
///    1024-px display (hyperspy PR #2056): 2× wrong at 512 or 2048 px. When it differs from the
///    size used, a warning records that this trap was avoided.
///
/// Pixels are square (the sample with tilt correction on has `AP_HEIGHT = AP_WIDTH × H/W`, §6.6).
/// Units: fm, pm, nm, µm, mm as printed. `?m` — what some SmartSEM versions write after a lossy
/// re-encoding of `µm` (§1.3, PyPI `zeiss-sem-tiff`) — is read as µm with a warning: µ is the only
/// SI length prefix outside ASCII, so `?` can stand for nothing else. The data zone is drawn over
/// the frame and no key gives its height, so `databarDetail` stays `nil`.
public enum ZeissMetadata {
    /// Parses tag 34118 for an image `imageWidth` pixels wide; `nil` when the text holds no
    /// `AP_`/`DP_` keys (not Zeiss metadata).
    public static func parse(_ bytes: [UInt8], imageWidth: Int) -> SEMMetadata? {
        let values = keyValues(MetadataText.decode(bytes))
        guard !values.isEmpty else { return nil }
        let label = "tag 34118"
        var warnings: [String] = []
        func length(_ key: String) -> Double? {
            guard let text = values[key] else { return nil }
            guard let (number, unit) = LengthText.split(text) else {
                warnings.append("\(label): \(key) = \(text) has no number; not used")
                return nil
            }
            var power = LengthText.exponent(ofUnit: unit)
            if power == nil, unit == "?m" {
                warnings.append("\(label): \(key) unit \"?m\" read as µm (µ lost in a re-encoding)")
                power = 0
            }
            guard let power, let value = LengthText.scaled(number, byPowerOfTen: power) else {
                warnings.append("\(label): \(key) = \(text) has an unknown unit; not used")
                return nil
            }
            return value
        }
        func pixel(_ key: String) -> Double? {
            guard let value = length(key) else { return nil }
            if let problem = PixelSizeCheck.problem(value) {
                warnings.append("\(label): \(key) \(problem); not used")
                return nil
            }
            return value
        }
        let imagePixel = pixel("AP_IMAGE_PIXEL_SIZE")
        let displayPixel = pixel("AP_PIXEL_SIZE")
        var fieldWidth = length("AP_WIDTH")
        if let width = fieldWidth, imageWidth > 0, let problem = PixelSizeCheck.problem(width / Double(imageWidth)) {
            warnings.append("\(label): AP_WIDTH / \(imageWidth) px \(problem); not used")
            fieldWidth = nil
        }
        let storeWidth = values["DP_IMAGE_STORE"].flatMap(storedWidth)
        let resampled = storeWidth.map { $0 != imageWidth } ?? false
        if let storeWidth, resampled {
            warnings.append("\(label): DP_IMAGE_STORE width \(storeWidth) px differs from the image's \(imageWidth) px "
                + "(resampled after acquisition); AP_IMAGE_PIXEL_SIZE and AP_PIXEL_SIZE describe the stored frame")
        }
        var chosen: (value: Double, detail: String)?
        if let imagePixel, !resampled {
            chosen = (imagePixel, "\(label) AP_IMAGE_PIXEL_SIZE")
            if let fieldWidth, imageWidth > 0, relativeDifference(imagePixel, fieldWidth / Double(imageWidth)) > 0.01 {
                warnings.append("\(label): AP_IMAGE_PIXEL_SIZE \(micrometresText(imagePixel)) and AP_WIDTH / \(imageWidth) px = "
                    + "\(micrometresText(fieldWidth / Double(imageWidth))) differ by more than 1 %")
            }
        } else if let fieldWidth, imageWidth > 0 {
            chosen = (fieldWidth / Double(imageWidth), "\(label) AP_WIDTH / \(imageWidth) px")
        } else if let displayPixel, imageWidth == 1024, !resampled {
            chosen = (displayPixel, "\(label) AP_PIXEL_SIZE (display pixel = stored pixel at 1024 px)")
        }
        if let displayPixel, imageWidth != 1024 {
            if let chosen, relativeDifference(displayPixel, chosen.value) > 0.01 {
                warnings.append("\(label): display-pixel trap avoided: AP_PIXEL_SIZE \(micrometresText(displayPixel)) "
                    + "is the pixel of a 1024-px display; this \(imageWidth)-px image has \(micrometresText(chosen.value))")
            } else if chosen == nil {
                warnings.append("\(label): only AP_PIXEL_SIZE \(micrometresText(displayPixel)), the pixel of a 1024-px "
                    + "display, which is not this \(imageWidth)-px image's pixel; not used")
            }
        }
        guard let chosen else {
            warnings.append("\(label): no usable AP_IMAGE_PIXEL_SIZE, AP_WIDTH or AP_PIXEL_SIZE for this image; no pixel size")
            return SEMMetadata(vendor: .zeiss, pixelSize: nil, databarHeight: 0, warnings: warnings)
        }
        return SEMMetadata(vendor: .zeiss, pixelSize: PixelSize(square: chosen.value), databarHeight: 0,
                           pixelSizeDetail: chosen.detail, warnings: warnings)
    }

    /// Key → value text (after the label's `=`, or `:` when there is no `=`); the first occurrence
    /// of a key wins. A key line is upper-case letters, digits and `_` and starts with a letter.
    static func keyValues(_ text: String) -> [String: String] {
        let lines = TextLines.split(text).map { $0.trimmingSpaces() }
        var values: [String: String] = [:]
        for (index, line) in lines.enumerated().dropLast() where isKey(line) && values[line] == nil {
            let next = lines[index + 1]
            guard let separator = next.utf8.firstIndex(of: UInt8(ascii: "=")) ?? next.utf8.firstIndex(of: UInt8(ascii: ":"))
            else { continue }
            values[line] = next[next.utf8.index(after: separator)...].trimmingSpaces()
        }
        return values
    }

    private static func isKey(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, ("A" ... "Z").contains(first), line.contains("_") else { return false }
        return line.unicodeScalars.allSatisfy { ("A" ... "Z").contains($0) || ("0" ... "9").contains($0) || $0 == "_" }
    }

    /// The first number of "2048 * 1536".
    private static func storedWidth(_ text: String) -> Int? {
        let parts = text.split(separator: "*").map { $0.trimmingSpaces() }
        guard parts.count == 2, let width = Int(parts[0]), width > 0 else { return nil }
        return width
    }

    private static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(a), abs(b))
    }

    private static func micrometresText(_ value: Double) -> String {
        value < 1 ? "\(NumberText.short(value * 1000)) nm" : "\(NumberText.short(value)) µm"
    }
}
