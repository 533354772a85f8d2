#if canImport(Glibc)
import Glibc
#endif

/// Hands the C heap's free pages back to the system. glibc keeps freed memory for
/// reuse, in an arena per thread that ever allocated, so a session that has read a lot
/// holds several megabytes it no longer uses; `malloc_trim` returns them. It is looked
/// up at run time because Swift's Glibc module leaves out `malloc.h`.
enum HeapTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func run() {
        _ = trim?(0)
    }
}
