import Glibc
import TerminalUI

/// How the backend should treat the terminal it finds.
public struct NcursesOptions: Sendable {
    public var theme: Theme
    /// Draw only ASCII even when the locale could do better: for terminals that garble
    /// UTF-8 despite what the environment says.
    public var forceASCII: Bool
    /// Attributes only, no colours (https://no-color.org).
    public var noColor: Bool
    /// How long a lone Esc waits for the rest of a key sequence. ncurses' default of
    /// 1000 ms makes Esc feel broken; below 25 ms slow SSH links split sequences.
    public var escapeDelayMilliseconds: Int

    public init(theme: Theme = .plain, forceASCII: Bool = false, noColor: Bool = NcursesOptions.noColorRequested,
                escapeDelayMilliseconds: Int = 50) {
        self.theme = theme
        self.forceASCII = forceASCII
        self.noColor = noColor
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }

    /// NO_COLOR set to anything but the empty string, as no-color.org defines it.
    public static var noColorRequested: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}

/// Why no screen could be opened. The program prints the description on stderr and
/// exits non-zero, instead of curses exiting for it or drawing garbage.
public enum TerminalStartError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unknownTerminal(String)
    case noCursorAddressing(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal: start the program in an interactive terminal (over SSH, use ssh -t)"
        case .unknownTerminal(let name) where name.isEmpty:
            return "TERM is not set: set TERM to a terminal type your system knows, such as xterm-256color"
        case .unknownTerminal(let name):
            return "unknown terminal type '\(Self.printable(name))': set TERM to one your system knows, such as xterm-256color"
        case .noCursorAddressing(let name):
            return "terminal type '\(Self.printable(name))' cannot move the cursor, which a full-screen program needs: set TERM to a terminal type such as xterm-256color"
        }
    }

    /// TERM comes from the client: its controls are shown as "?", never sent to the
    /// terminal (security review L7).
    static func printable(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.prefix(64).map { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) ? "?" : s
        }))
    }
}

/// The colours the backend is drawing with: what the terminal offers, or none when
/// NO_COLOR or a monochrome theme said so.
public enum ColorCapability: Int, Sendable, Comparable, CustomStringConvertible {
    case none = 0
    case eight = 8
    case sixteen = 16
    case extended256 = 256

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .none: return "none"
        case .eight: return "8"
        case .sixteen: return "16"
        case .extended256: return "256"
        }
    }
}
