import Foundation
import LacunaIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the command line's inputs — files, folders and glob patterns — into the list of images
/// to analyse, in a deterministic order.
///
/// - A file is taken as given (whatever it holds; a bad one becomes an error row).
/// - A folder is searched recursively; a file inside it is an image when its first kilobyte has
///   an image signature (`ImageFormat.sniff`) or reads as a text matrix
///   (`TextMatrix.looksLikeMatrix`) — never by its extension. Hidden files and folders (name
///   starting with `.`) and the run's own output folder are skipped. Paths are sorted by their
///   UTF-8 bytes, so the order does not depend on the file system. A folder holding no image
///   stays one input, which then fails with a reason, so nothing the user named vanishes.
/// - An argument containing `*`, `?` or `[` that names no existing file is a glob pattern,
///   expanded with glob(3) (sorted); folders among the matches are searched as above. A pattern
///   matching nothing stays one input, which then fails as a missing file.
///
/// Cost: one 1 KiB read per file found in folders.
public struct InputExpander: Sendable {
    /// Folders never searched (the output folder, so its overlays are not analysed next time).
    public var excludedFolders: [String]

    public init(excludedFolders: [String] = []) {
        self.excludedFolders = excludedFolders.map { InputExpander.canonical($0) }
    }

    /// The inputs named by `arguments`, in argument order, each argument expanded in sorted order.
    public func expand(_ arguments: [String]) -> [ImageInput] {
        arguments.flatMap { argument -> [ImageInput] in
            expandPaths(argument).map { ImageInput(path: $0) }
        }
    }

    /// The paths one argument stands for.
    func expandPaths(_ argument: String) -> [String] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) {
            return isFolder.boolValue ? imagesOrSelf(inFolder: argument) : [argument]
        }
        guard InputExpander.isPattern(argument) else { return [argument] }
        let matches = InputExpander.glob(argument)
        if matches.isEmpty { return [argument] }
        return matches.flatMap { match -> [String] in
            var matchIsFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: match, isDirectory: &matchIsFolder)
            return exists && matchIsFolder.boolValue ? imagesOrSelf(inFolder: match) : [match]
        }
    }

    /// The images under `folder`, or `[folder]` when it holds none.
    private func imagesOrSelf(inFolder folder: String) -> [String] {
        let found = images(inFolder: folder)
        return found.isEmpty ? [folder] : found
    }

    /// Image files under `folder`, recursively, sorted by path bytes.
    func images(inFolder folder: String) -> [String] {
        var found: [String] = []
        var pending = [folder]
        // Folders already searched, by resolved path: a symbolic link back up the tree is
        // followed once, not forever.
        var searched = Set<String>()
        while let current = pending.popLast() {
            let resolved = InputExpander.canonical(current)
            if excludedFolders.contains(resolved) || !searched.insert(resolved).inserted { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            // Sorted, and pushed so that sub-folders are searched in that order: which of two
            // paths to the same folder (a link) is kept never depends on the file system.
            var subfolders: [String] = []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    subfolders.append(path)
                } else if InputExpander.looksLikeImage(atPath: path) {
                    found.append(path)
                }
            }
            pending += subfolders.reversed()
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Whether the file starts like an image Lacuna decodes.
    static func looksLikeImage(atPath path: String) -> Bool {
        guard RegularFile.exists(atPath: path), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024), !head.isEmpty else { return false }
        return ImageFormat.sniff(head) != nil || TextMatrix.looksLikeMatrix(head)
    }

    /// Whether `argument` holds glob metacharacters.
    static func isPattern(_ argument: String) -> Bool {
        argument.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The matches of `pattern` by glob(3), sorted by path bytes (glob sorts by the locale's
    /// collation, which we do not want to depend on).
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        #if canImport(Glibc)
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #else
        guard Darwin.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #endif
        var paths: [String] = []
        for i in 0 ..< Int(result.gl_pathc) {
            if let pointer = result.gl_pathv[i] { paths.append(String(cString: pointer)) }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// `path` made absolute and standardised, for comparing folders.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
