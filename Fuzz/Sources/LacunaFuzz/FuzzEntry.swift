import Foundation

/// The target this process fuzzes, from `LACUNA_FUZZ_TARGET` (scripts/fuzz sets it).
let selectedTarget: FuzzTarget = {
    guard let name = getenv("LACUNA_FUZZ_TARGET").map({ String(cString: $0) }),
          let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("lacuna-fuzz: set LACUNA_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input, any bytes. Returns 0 (the input may join the corpus).
/// A crash, a trap or a sanitizer report is the finding; thrown errors are expected outcomes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}
