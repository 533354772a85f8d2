import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FHIRReader {
    /// The largest file `nara import` reads: 512 MiB. An import holds the file's bytes
    /// and the records read from it until it is written in one transaction (3.1–3.7
    /// times the file's size, docs/BENCHMARKS.md), so this bounds its memory below 2 GiB.
    /// A larger export is split first: NDJSON by lines, a Bundle by entries.
    public static let maxFileBytes = 512 * 1024 * 1024

    /// A file's bytes, in one allocation of its size: refused before reading when it is
    /// larger than `limit` (security review L5: a 3 GB file aborted on a failed allocation).
    /// A pipe is read up to the limit and refused past it; devices and folders are refused.
    public static func readFile(_ path: String, limit: Int = maxFileBytes) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw FHIRError.file("cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FHIRError.file("cannot be read (\(String(cString: strerror(errno))))") }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO else {
            throw FHIRError.file("cannot be read: not a file")
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw tooLarge(size, limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(kind == S_IFREG ? size + 1 : 1 << 20)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FHIRError.file("cannot be read (\(String(cString: strerror(errno))))")
            }
            if n == 0 { return bytes }
            // A file that grew while read, or a pipe, stops at the limit too.
            guard bytes.count + n <= limit else { throw tooLarge(bytes.count + n, limit) }
            bytes.append(contentsOf: block[..<n])
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> FHIRError {
        .file("\(size) bytes or more: larger than the \(limit / (1024 * 1024)) MiB (\(limit) bytes) one import reads; "
              + "split it (NDJSON by lines, a Bundle by entries)")
    }
}
