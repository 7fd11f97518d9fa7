import Foundation
import LacunaPipeline
import LacunaTestSupport
import Testing

@Suite("Manifest and fit-table files")
struct ManifestTests {
    func write(_ text: String, name: String = "manifest.csv") throws -> String {
        let folder = TestPaths.makeScratchFolder()
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("BOM, CRLF, quoted fields and column order are handled; paths resolve against the manifest's folder")
    func tolerantParsing() throws {
        let path = try write("\u{FEFF}condition,Image,current_density,pixel_size_um\r\n"
            + "\"low, fresh\",a.tif,1,0.05\r\n"
            + "high,sub/b.png,10,\r\n\r\n")
        let inputs = try Manifest.read(path: path)
        #expect(inputs.count == 2)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(inputs[0] == ImageInput(path: folder + "/a.tif", name: "a.tif", currentDensity: 1,
                                        condition: "low, fresh", pixelSize: 0.05))
        #expect(inputs[1] == ImageInput(path: folder + "/sub/b.png", name: "sub/b.png", currentDensity: 10,
                                        condition: "high", pixelSize: nil))
    }

    @Test("a missing image column, a non-numeric value and a non-positive pixel size name the file and line")
    func errors() throws {
        let noImage = try write("file,current_density\na.tif,1\n")
        #expect { try Manifest.read(path: noImage) } throws: { error in
            (error as? TableFileError)?.line == 1 && (error as? TableFileError)?.reason.contains("'image'") == true
        }
        let badNumber = try write("image,current_density\na.tif,1\nb.tif,ten\n")
        #expect(throws: TableFileError(path: badNumber, line: 3, reason: "current_density 'ten' is not a finite number")) {
            try Manifest.read(path: badNumber)
        }
        let badSize = try write("image,pixel_size_um\na.tif,-0.1\n")
        #expect(throws: TableFileError(path: badSize, line: 2, reason: "pixel_size_um -0.1 must be positive")) {
            try Manifest.read(path: badSize)
        }
        let nanSize = try write("image,pixel_size_um\na.tif,nan\n")
        #expect(throws: TableFileError.self) { try Manifest.read(path: nanSize) }
        let empty = try write("")
        #expect(throws: TableFileError.self) { try Manifest.read(path: empty) }
        let headerOnly = try write("image,current_density\n")
        #expect(throws: TableFileError(path: headerOnly, line: nil, reason: "no images listed")) {
            try Manifest.read(path: headerOnly)
        }
        #expect(throws: TableFileError.self) { try Manifest.read(path: "/nonexistent/manifest.csv") }
    }

    @Test("fit tables need positive current densities and radii")
    func fitTable() throws {
        let good = try write("radius_um,current_density\n4.1,1\n2.4,2\n")
        let points = try FitTable.read(path: good)
        #expect(points.map(\.currentDensity) == [1, 2] && points.map(\.radius) == [4.1, 2.4])
        let zero = try write("current_density,radius_um\n1,0\n")
        #expect(throws: TableFileError(path: zero, line: 2, reason: "radius_um 0 must be positive")) {
            try FitTable.read(path: zero)
        }
        let missing = try write("current_density,radius_um\n1,\n")
        #expect(throws: TableFileError.self) { try FitTable.read(path: missing) }
    }
}
