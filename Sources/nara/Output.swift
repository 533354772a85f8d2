import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Messages for people go to stderr, results to stdout, so that output can be piped.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("nara: " + message + "\n").utf8))
    }

    /// A result line written at once, unbuffered: for a test harness that acts on each
    /// line as it comes, and may kill the process right after.
    static func now(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
