import Foundation
import NaraDomain
#if canImport(Glibc)
import Glibc
#endif

/// Messages for people go to stderr, results to stdout, so that output can be piped.
/// Messages echo what the user typed (a path, an identifier, a TERM name), so they are
/// cleaned of control characters first: an escape sequence in an argument must not
/// reach the terminal (security review L7).
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("nara: " + clean(message) + "\n").utf8))
    }

    /// Text for a terminal: every control character but the newline removed, tabs and
    /// carriage returns as spaces, bidi overrides dropped (CleanText).
    static func clean(_ text: String) -> String { CleanText.clean(text, allowNewlines: true) }

    /// A result line written at once, unbuffered: for a test harness that acts on each
    /// line as it comes, and may kill the process right after.
    static func now(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((clean(message) + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
