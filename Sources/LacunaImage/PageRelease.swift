#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory a pass has finished reading, given back to the operating system while the pass goes
/// on: a frame converted into another (16-bit labels from 32-bit ones) need not be held whole
/// beside its copy. Only whole pages strictly inside the consumed bytes are released (`madvise`
/// with `MADV_DONTNEED`, Linux; elsewhere nothing is released), so the allocator's own
/// bookkeeping is never touched; a released page reads as zeros afterwards, which is why only
/// a frame that is consumed, never read again, may be released.
struct PageRelease {
    private let base: UnsafeMutableRawPointer?
    private let count: Int
    private let page: Int
    /// Bytes before this offset are released (or lie before the first whole page).
    private var released = 0

    /// A releaser for the bytes of `buffer`, which the caller owns alone.
    init(_ buffer: UnsafeMutableRawBufferPointer) {
        base = buffer.baseAddress
        count = buffer.count
        page = max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
    }

    /// Releases the whole pages of bytes `released ..< consumed` (byte offsets into the buffer).
    mutating func consumed(upTo end: Int) {
        guard let base, end > released else { return }
        let address = Int(bitPattern: base)
        let first = (address + released + page - 1) / page * page
        let last = (address + min(end, count)) / page * page
        if last > first {
            #if canImport(Glibc)
            _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED)
            #endif
            released = last - address
        }
    }
}
