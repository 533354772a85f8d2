import CLibFuzzer
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import NaraDomain
import NaraFHIR

/// The day the reader takes as today: fixed, so that a crash found once is found again.
private let today = LocalDate(year: 2026, month: 11, day: 20)!

/// One input, read as `nara import` reads a file's bytes. A refused file is fine; a
/// crash, a trap or a sanitizer report is what libFuzzer stops at and keeps. The error
/// is turned into its message too, as `nara import` prints it. Exported under libFuzzer's
/// name as well, which its archive's own `main` refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func readOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        _ = try FHIRReader(today: today).read(bytes: bytes)
    } catch {
        _ = String(describing: error)
    }
    return 0
}

// libFuzzer's options and corpus folders, as `-help=1` lists them.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, readOne))
