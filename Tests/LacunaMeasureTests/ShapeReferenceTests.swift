import LacunaImage
@testable import LacunaMeasure
import LacunaTestSupport
import Testing

/// One §4.2 mask with the ImageJ 1.54 values of anchors.md (4 decimals, 2 for FeretAngle) and
/// the scikit-image 0.26 / SciPy / PoreSpy values printed by scripts/shape_reference.py (12
/// decimals; that script asserts they round to anchors.md's numbers).
struct ShapeReference: Sendable, CustomTestStringConvertible {
    var name: String
    var build: @Sendable () -> Mask
    // ImageJ: Perim, Circ, Solidity, Major, Minor, Feret, MinFeret, FeretAngle.
    var imagej: [Double]
    // scikit-image: perimeter_crofton, area_convex, major, minor, eccentricity, r_in, LT mean.
    var skimage: [Double]
    var testDescription: String { name }

    static let size = 120
    static let all: [ShapeReference] = [
        ShapeReference(name: "pixel", build: {
            TestMasks.rectangle(width: size, height: size, xs: 60 ..< 61, ys: 60 ..< 61)
        }, imagej: [2.8284, 1.0000, 1.0000, 1.1284, 1.1284, 1.4142, 1.0000, 135.00],
           skimage: [2.681517061334, 1, 0, 0, 0, 1, 1]),
        ShapeReference(name: "square10", build: {
            TestMasks.rectangle(width: size, height: size, xs: 55 ..< 65, ys: 55 ..< 65)
        }, imagej: [37.6569, 0.8862, 1.0000, 11.2838, 11.2838, 14.1421, 10.0000, 135.00],
           skimage: [36.811657224201, 100, 11.489125293076, 11.489125293076, 0, 5, 4.84]),
        ShapeReference(name: "disk_r5", build: {
            TestMasks.disk(width: size, height: size, centreX: 60, centreY: 60, radius: 5)
        }, imagej: [34.0416, 0.8784, 0.8526, 10.1554, 10.1554, 11.4018, 10.7517, 127.87],
           skimage: [33.939570612838, 89, 10.193195503271, 10.193195503271, 0, 5.099019513593, 4.703703703704]),
        ShapeReference(name: "disk_r20", build: {
            TestMasks.disk(width: size, height: size, centreX: 60, centreY: 60, radius: 20)
        }, imagej: [132.9533, 0.8936, 0.9573, 40.0058, 40.0058, 41.4005, 40.6065, 127.15],
           skimage: [127.713731267347, 1305, 40.008909111268, 40.008909111268, 0, 20.024984394501, 19.914081145585]),
        ShapeReference(name: "ellipse_30x15", build: {
            TestMasks.ellipse(width: size, height: size, centreX: 60, centreY: 60, semiAxisX: 30, semiAxisY: 15)
        }, imagej: [152.9533, 0.7558, 0.9552, 60.1340, 29.7909, 61.0082, 30.9457, 179.06],
           skimage: [146.674920246718, 1463, 60.153983881619, 29.783965100611, 0.868819630113,
                     15.033296378373, 14.339019189765]),
        ShapeReference(name: "hexagon_R25", build: {
            TestMasks.regularPolygon(width: size, height: size, centreX: 60, centreY: 60,
                                     circumradius: 25, sides: 6, startDegrees: 0)
        }, imagej: [155.1960, 0.8436, 0.9631, 45.5681, 45.1814, 51.0098, 43.0000, 178.88],
           skimage: [148.245716573513, 1653, 45.742631904288, 45.354209606213, 0.130041684750,
                     21.931712199461, 20.346938775510]),
        ShapeReference(name: "pentagon_R25", build: {
            TestMasks.regularPolygon(width: size, height: size, centreX: 60, centreY: 60,
                                     circumradius: 25, sides: 5, startDegrees: 90)
        }, imagej: [153.1960, 0.8010, 0.9571, 43.8825, 43.4061, 48.3839, 45.7554, 108.06],
           skimage: [146.349597675576, 1538, 44.266008117715, 43.785085244174, 0.147005889392,
                     20.248456731317, 18.844251336898]),
    ]
}

@Suite("Shape descriptors reproduce ImageJ 1.54 and scikit-image 0.26 (anchors.md §4.2, §4.4)")
struct ShapeReferenceTests {
    static func shape(_ mask: Mask) throws -> (RegionProperties, ShapeDescriptors) {
        let labels = TestMasks.labels(mask)
        let region = try #require(measureRegions(of: labels, count: 1).first)
        return (region, ShapeDescriptors(of: region, in: labels))
    }

    @Test("ImageJ: perimeter, circularity, solidity, ellipse, Feret, MinFeret, FeretAngle", arguments: ShapeReference.all)
    func imagej(reference: ShapeReference) throws {
        let (_, s) = try Self.shape(reference.build())
        let got = [s.perimeterImageJ, s.circularityImageJ, s.solidityImageJ, s.ellipseMajorImageJ,
                   s.ellipseMinorImageJ, s.feret, s.minFeret]
        let names = ["Perim", "Circ", "Solidity", "Major", "Minor", "Feret", "MinFeret"]
        for (i, value) in got.enumerated() {
            // anchors.md prints 4 decimals: rounding error ≤ 5e-5.
            #expect(abs(value - reference.imagej[i]) <= 5e-5 + 1e-9, "\(reference.name) \(names[i]): \(value)")
        }
        // FeretAngle is printed with 2 decimals; ties between equal diameters are broken by
        // ImageJ's hull order, so this also checks the order.
        #expect(abs(s.feretAngleDegrees - reference.imagej[7]) <= 5e-3 + 1e-9,
                "\(reference.name) FeretAngle: \(s.feretAngleDegrees)")
    }

    @Test("scikit-image: Crofton perimeter, convex area, solidity, axes, eccentricity; SciPy r_in; PoreSpy LT",
          arguments: ShapeReference.all)
    func skimage(reference: ShapeReference) throws {
        let (region, s) = try Self.shape(reference.build())
        let e = reference.skimage
        #expect(abs(s.perimeterCrofton - e[0]) <= 1e-9, "\(reference.name) crofton \(s.perimeterCrofton)")
        #expect(Double(s.convexAreaPixels) == e[1], "\(reference.name) area_convex \(s.convexAreaPixels)")
        #expect(abs(s.soliditySkimage - Double(region.area) / e[1]) <= 1e-12)
        #expect(abs(s.majorAxisSkimage - e[2]) <= 1e-9, "\(reference.name) major \(s.majorAxisSkimage)")
        #expect(abs(s.minorAxisSkimage - e[3]) <= 1e-9, "\(reference.name) minor \(s.minorAxisSkimage)")
        // Circles and squares have λ₁ = λ₂ up to rounding; scikit-image's eigvalsh and the
        // closed form then differ in the last bits of √(1 − λ₂/λ₁).
        #expect(abs(s.eccentricity - e[4]) <= (e[4] == 0 ? 1e-6 : 1e-9), "\(reference.name) ecc \(s.eccentricity)")
        #expect(abs(s.inscribedRadius - e[5]) <= 1e-9, "\(reference.name) r_in \(s.inscribedRadius)")
        #expect(abs(s.localThicknessRadius - e[6]) <= 1e-9, "\(reference.name) LT \(s.localThicknessRadius)")
    }

    @Test("scikit-image feret_diameter_max (§4.2) and Feret/2 (§4.4)", arguments: [
        ("pixel", 1.0, nil), ("square10", 13.453624047074, nil), ("disk_r5", 11.180339887499, nil),
        ("disk_r20", 41.436698710201, 20.718), ("ellipse_30x15", 61.032778078669, 30.516),
        ("hexagon_R25", 51.0, 25.500), ("pentagon_R25", 48.083261120685, 24.042),
    ] as [(String, Double, Double?)])
    func skimageFeret(name: String, feret: Double, half: Double?) throws {
        let reference = try #require(ShapeReference.all.first { $0.name == name })
        let (_, s) = try Self.shape(reference.build())
        // scripts/shape_reference.py prints 12 decimals; anchors.md §4.4 prints Feret/2 with 3.
        #expect(abs(s.feretSkimage - feret) <= 1e-9, "\(name): \(s.feretSkimage)")
        if let half { #expect(abs(s.feretSkimage / 2 - half) <= 5e-4 + 1e-12, "\(name)") }
    }

    @Test("A ring (anchors.md §4.2, holes inside an object): ImageJ counts the outer boundary only")
    func ring() throws {
        let mask = TestMasks.ring(width: 120, height: 120, centreX: 60, centreY: 60, inner: 10, outer: 20)
        let (region, s) = try Self.shape(mask)
        #expect(region.area == 940)
        // ImageJ 1.54: Perim 132.9533 (the disk's), Circ 0.6683, Solidity 0.7159.
        #expect(abs(s.perimeterImageJ - 132.9533) <= 5e-5)
        #expect(abs(s.circularityImageJ - 0.6683) <= 5e-5)
        #expect(abs(s.solidityImageJ - 0.7159) <= 5e-5)
        // scikit-image (scripts/shape_reference.py): Crofton counts both boundaries; the convex
        // hull image is the full disk's.
        #expect(abs(s.perimeterCrofton - 192.911355431688) <= 1e-9)
        #expect(s.convexAreaPixels == 1305)
        #expect(abs(s.feretSkimage - 41.436698710201) <= 1e-9)
    }

    @Test("Asymmetric L shape: scikit-image values and orientation, ImageJ values by hand")
    func lShape() throws {
        // A 30 × 8 bar (x 40…69, y 50…57) with an 8 × 20 leg (x 40…47, y 58…77): 400 pixels.
        let mask = TestMasks.make(width: 120, height: 120) { x, y in
            (40 ..< 70).contains(x) && (50 ..< 58).contains(y) || (40 ..< 48).contains(x) && (58 ..< 78).contains(y)
        }
        let (region, s) = try Self.shape(mask)
        #expect(region.area == 400)
        // scripts/shape_reference.py.
        #expect(abs(s.perimeterCrofton - 108.308814978539) <= 1e-9)
        #expect(s.convexAreaPixels == 610)
        #expect(abs(s.feretSkimage - 40.360872141221) <= 1e-9)
        #expect(abs(s.majorAxisSkimage - 41.431019753392) <= 1e-9)
        #expect(abs(s.minorAxisSkimage - 22.732149088769) <= 1e-9)
        #expect(abs(s.eccentricity - 0.836035979806) <= 1e-9)
        #expect(abs(s.orientationSkimage - -0.869814114403) <= 1e-9)
        #expect(abs(s.inscribedRadius - 5) <= 1e-12)
        #expect(abs(s.localThicknessRadius - 4.2) <= 1e-12)
        // ImageJ by hand. Outline: 6 corners, every side longer than 1, so all 6 are corners:
        // 2·(30 + 28) − 6·(2 − √2).
        #expect(abs(s.perimeterImageJ - (116 - 6 * (2 - 2.0.squareRoot()))) <= 1e-12)
        // Corner hull (40,50) (40,78) (48,78) (70,58) (70,50): shoelace area 30·28 − ½·22·20 = 620.
        #expect(s.convexAreaImageJ == 620)
        #expect(abs(s.solidityImageJ - 400.0 / 620) <= 1e-12)
        // Feret: (40,78)–(70,50), √(30² + 28²) = 41.0366, is the longest vertex pair; from its
        // left end (40,78) up to (70,50): atan2(28, 30) = 43.0251°.
        #expect(abs(s.feret - 1684.0.squareRoot()) <= 1e-12)
        #expect(abs(s.feretAngleDegrees - 43.02506598911) <= 1e-9)
        // MinFeret: flush with the diagonal hull edge (70,58)–(48,78), direction (−22, 20), the
        // farthest vertex is (40,50): |(−22)(50−58) − 20(40−70)| / √(22² + 20²) = 776/√884 =
        // 26.0997; flush with the other edges the widths are 28 (y) and 30 (x).
        #expect(abs(s.minFeret - 776 / 884.0.squareRoot()) <= 1e-12)
        // ImageJ ellipse angle: the L's principal axis runs down-left to up-right on screen.
        #expect(s.ellipseAngleDegrees > 0 && s.ellipseAngleDegrees < 90)
        #expect(abs(s.ellipseMajorImageJ * s.ellipseMinorImageJ * Double.pi / 4 - 400) <= 1e-9)
    }

    @Test("ImageJ ellipse angle and scikit-image orientation of a diagonal bar, by hand")
    func diagonalOrientation() throws {
        // Pixels (x, x) for x = 10…29 (a 20-pixel diagonal going down-right on screen):
        // xx = yy = xy, so the major axis is at −45° on screen → ImageJ 135°, and scikit-image's
        // orientation (from the rows axis) is ½·atan2(2·xy, 0) = π/4.
        let mask = TestMasks.make(width: 40, height: 40) { x, y in x == y && (10 ..< 30).contains(x) }
        let (_, s) = try Self.shape(mask)
        #expect(abs(s.ellipseAngleDegrees - 135) <= 1e-9)
        #expect(abs(s.orientationSkimage - Double.pi / 4) <= 1e-12)
        // ImageJ traced outline of a staircase: every vertex corner, unit sides alternate.
        #expect(s.feretAngleDegrees == 135)
    }

    @Test("Flips and rotations by 90° keep lengths, areas and radii")
    func symmetry() throws {
        let mask = TestMasks.make(width: 60, height: 50) { x, y in
            let dx = Double(x) - 25.3, dy = Double(y) - 21.7
            return dx * dx / 200 + dy * dy / 60 <= 1 || (x >= 30 && x < 44 && y >= 18 && y < 23)
        }
        let (_, s) = try Self.shape(mask)
        for other in [ImageTransforms.rotatedClockwise(mask), ImageTransforms.flippedHorizontally(mask),
                      ImageTransforms.flippedVertically(mask)] {
            let (_, t) = try Self.shape(other)
            #expect(abs(t.perimeterCrofton - s.perimeterCrofton) <= 1e-9)
            #expect(t.convexAreaImageJ == s.convexAreaImageJ)
            #expect(t.convexAreaPixels == s.convexAreaPixels)
            #expect(abs(t.feret - s.feret) <= 1e-9)
            #expect(abs(t.minFeret - s.minFeret) <= 1e-9)
            #expect(abs(t.inscribedRadius - s.inscribedRadius) <= 1e-12)
            #expect(abs(t.localThicknessRadius - s.localThicknessRadius) <= 1e-12)
            #expect(abs(t.majorAxisSkimage - s.majorAxisSkimage) <= 1e-9)
        }
    }

    @Test("Measuring does not change the label image")
    func inputUnchanged() throws {
        let labels = TestMasks.labels(TestMasks.disk(width: 30, height: 30, centreX: 14, centreY: 15, radius: 7))
        let copy = labels
        let region = try #require(measureRegions(of: labels, count: 1).first)
        _ = measureShapes(of: labels, regions: [region])
        #expect(labels == copy)
    }
}
