import Foundation
import LacunaIO
import LacunaTestSupport
import Testing

/// Getting the bytes: empty, missing, directory and over-limit files.
@Suite("Reading files")
struct FileReadingTests {
    @Test("Empty data and an empty file throw emptyFile")
    func empty() throws {
        #expect(throws: ImageIOError.emptyFile) { try ImageDecoder().decode(Data()) }
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/empty.tif"
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            #expect(throws: ImageIOError.emptyFile) { try ImageDecoder().decodeFile(atPath: path) }
        }
    }

    @Test("A missing path throws unreadableFile naming the path")
    func missing() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/no-such-image.png"
            let error = #expect(throws: ImageIOError.self) { try ImageDecoder().decodeFile(atPath: path) }
            guard case let .unreadableFile(reportedPath, _) = error else {
                Issue.record("expected unreadableFile, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
        }
    }

    @Test("A directory throws unreadableFile")
    func directory() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let error = #expect(throws: ImageIOError.self) { try ImageDecoder().decodeFile(atPath: directory) }
            guard case let .unreadableFile(reportedPath, _) = error else {
                Issue.record("expected unreadableFile, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == directory)
        }
    }

    @Test("A file over maxFileBytes is refused before decoding; one at the limit is read")
    func fileSizeLimit() throws {
        let png = try ImageEncoder.png(TestImages.pattern8(width: 8, height: 8, channels: 1))
        try TestSupport.withTemporaryDirectory { directory in
            let path = directory + "/small.png"
            try png.write(to: URL(fileURLWithPath: path))
            let tight = ImageDecoder(maxFileBytes: png.count - 1)
            let error = #expect(throws: ImageIOError.self) { try tight.decodeFile(atPath: path) }
            #expect(error?.errorCase == .unreadableFile)
            let exact = ImageDecoder(maxFileBytes: png.count)
            #expect(try exact.decodeFile(atPath: path).raster.width == 8)
            #expect(try ImageDecoder.readBytes(atPath: path, limit: png.count) == png)
        }
    }
}
