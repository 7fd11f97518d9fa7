import LacunaImage

/// Exact geometric transforms of one-channel images, for invariance tests.
public enum ImageTransforms {
    /// Rotated by 90° clockwise on screen: the top-left pixel goes to the top-right.
    /// The result is `height` wide and `width` high.
    public static func rotatedClockwise<S>(_ image: Image<S>) -> Image<S> {
        precondition(image.channels == 1, "one channel expected, got \(image.channels)")
        let w = image.width, h = image.height
        var samples: [S] = []
        samples.reserveCapacity(w * h)
        for y in 0 ..< w {
            for x in 0 ..< h { samples.append(image[y, h - 1 - x]) }
        }
        return Image(width: h, height: w, channels: 1, samples: samples)
    }

    /// Mirrored left–right.
    public static func flippedHorizontally<S>(_ image: Image<S>) -> Image<S> {
        precondition(image.channels == 1, "one channel expected, got \(image.channels)")
        var samples: [S] = []
        samples.reserveCapacity(image.pixelCount)
        for y in 0 ..< image.height {
            for x in 0 ..< image.width { samples.append(image[image.width - 1 - x, y]) }
        }
        return Image(width: image.width, height: image.height, channels: 1, samples: samples)
    }

    /// Mirrored top–bottom.
    public static func flippedVertically<S>(_ image: Image<S>) -> Image<S> {
        precondition(image.channels == 1, "one channel expected, got \(image.channels)")
        var samples: [S] = []
        samples.reserveCapacity(image.pixelCount)
        for y in 0 ..< image.height {
            for x in 0 ..< image.width { samples.append(image[x, image.height - 1 - y]) }
        }
        return Image(width: image.width, height: image.height, channels: 1, samples: samples)
    }

    /// A copy that shares no storage with `image`, so a test can tell whether an algorithm
    /// wrote into its input's buffer (a plain `let copy = image` would share it).
    public static func deepCopy<S>(_ image: Image<S>) -> Image<S> {
        Image(width: image.width, height: image.height, channels: image.channels,
              samples: image.samples.map { $0 })
    }
}
