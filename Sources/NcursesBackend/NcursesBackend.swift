import CNcursesw
import Glibc
import TerminalUI

/// A real terminal, through ncurses. The only type in the program that calls curses;
/// it runs on the UI loop's one thread and is neither Sendable nor meant to be.
///
/// Start-up follows TERMINAL.md: locale before curses, `newterm` instead of `initscr`
/// (which exits the process on an unknown TERM), raw mode so Ctrl-C and Ctrl-Z are keys
/// the application decides about, signals that only set a flag, and bracketed paste.
public final class NcursesBackend: TerminalBackend {
    /// True when only ASCII reaches the screen: no UTF-8 locale could be had, or the
    /// options asked for it.
    public private(set) var usesASCII: Bool
    public private(set) var colorCapability: ColorCapability
    public private(set) var theme: Theme

    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>
    let escapeDelay: Int32
    let noColor: Bool
    var mapping: ColorMapping
    var pairs: ColorPairCache
    /// What the terminal shows now, as far as we know: the diff base for the next draw.
    var front = Buffer(width: 0, height: 0)
    var needsFullRepaint = true
    var needsClear = false
    var cursorVisible = false
    /// Events read ahead while finishing something else (a resize in the middle of a paste).
    var pending: [Event] = []
    /// Reads that failed long before their timeout, in a row: a terminal that is gone.
    var failedReads = 0
    var terminalGone = false

    static let pasteBeginCode: Int32 = 0x6E00
    static let pasteEndCode: Int32 = 0x6E01

    public init(options: NcursesOptions) throws(TerminalStartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }

        // Before newterm, or curses never learns the text is UTF-8. Over SSH LANG is
        // often C or a locale the server does not have: C.UTF-8 always exists on glibc.
        setlocale(LC_ALL, "")
        var utf8 = cn_codeset_is_utf8() != 0
        if !utf8, setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil {
            utf8 = cn_codeset_is_utf8() != 0
        }
        usesASCII = options.forceASCII || !utf8

        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !termName.isEmpty else { throw .unknownTerminal("") }

        // Before newterm: ncurses installs its own SIGINT/SIGTERM/SIGTSTP handlers only
        // where it finds the default, and its handlers exit or stop the process.
        _ = cn_install_signal_handlers()

        guard let screen = cn_newterm(termName) else { throw .unknownTerminal(termName) }
        self.screen = screen
        window = cn_stdscr()
        if cn_has_cup() == 0 {
            endwin()
            delscreen(screen)
            self.screen = nil
            throw .noCursorAddressing(termName)
        }

        escapeDelay = Int32(min(max(options.escapeDelayMilliseconds, 1), 1000))
        noColor = options.noColor
        theme = options.theme
        colorCapability = .none
        mapping = ColorMapping(capability: .none, hasDefaultColors: true)
        pairs = ColorPairCache(limit: 0)

        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        meta(window, true)
        set_escdelay(escapeDelay)
        curs_set(0)
        setUpColors()
        defineMissingKeys()

        // Flush what newterm queued (alternate screen, clear) before writing our own mode.
        wnoutrefresh(window)
        doupdate()
        cn_write_terminal("\u{1B}[?2004h")
    }

    deinit { shutdown() }

    /// Gives the terminal back as it was: cursor shown, normal screen, bracketed paste
    /// off. Safe to call more than once and from every exit path.
    public func shutdown() {
        guard let screen else { return }
        self.screen = nil
        curs_set(1)
        endwin()
        cn_write_terminal("\u{1B}[?2004l")
        delscreen(screen)
    }

    /// A signal (SIGINT, SIGTERM, SIGHUP) asked the program to end: finish up and exit.
    public var terminationRequested: Bool { cn_termination_signal() != 0 }

    /// The signal number behind `terminationRequested`, or nil.
    public var terminationSignal: Int32? {
        let s = cn_termination_signal()
        return s == 0 ? nil : s
    }

    public var size: (width: Int, height: Int) {
        guard screen != nil else { return (front.width, front.height) }
        var rows: Int32 = 0
        var cols: Int32 = 0
        cn_getmaxyx(window, &rows, &cols)
        return (Int(max(cols, 0)), Int(max(rows, 0)))
    }

    /// Switches colours without restarting: pairs are allocated afresh and the next draw
    /// repaints everything.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        pairs.removeAll()
        invalidate()
    }

    public func invalidate() {
        needsFullRepaint = true
        needsClear = true
    }

    // MARK: - Colours

    private func setUpColors() {
        guard !noColor, has_colors() else { return }
        guard start_color() != ERR else { return }
        let hasDefault = use_default_colors() != ERR
        let count = cn_colors()
        colorCapability = count >= 256 ? .extended256 : count >= 16 ? .sixteen : count >= 8 ? .eight : .none
        mapping = ColorMapping(capability: colorCapability, hasDefaultColors: hasDefault)
        pairs = ColorPairCache(limit: Int32(clamping: cn_color_pairs()))
    }

    /// Colours are drawn only when the terminal has them and nobody asked for attributes only.
    var drawsColors: Bool { colorCapability != .none && !theme.monochrome }

    func attributes(for style: Style) -> (attrs: attr_t, pair: Int32) {
        let look = theme.look(style.role)
        var attrs = attr_t(cn_a_normal())
        let all = look.attributes.union(style.attributes)
        if all.contains(.bold) { attrs |= cn_a_bold() }
        if all.contains(.underline) { attrs |= cn_a_underline() }
        if all.contains(.reverse) { attrs |= cn_a_reverse() }
        if all.contains(.dim) { attrs |= cn_a_dim() }
        if all.contains(.italic) { attrs |= cn_a_italic() }
        guard drawsColors else { return (attrs, 0) }
        let fg = mapping.foreground(look.foreground)
        if fg.bold { attrs |= cn_a_bold() }
        let bg = mapping.background(look.background)
        let pair = pairs.pair(foreground: fg.number, background: bg) { pair, f, b in
            init_extended_pair(pair, f, b) != ERR
        }
        return (attrs, pair)
    }

    // MARK: - Keys the terminfo entry leaves out

    /// vt100's terminfo knows F1–F4 only, and others miss Home/End; terminals (tmux
    /// included) still send the xterm sequences. Bind those nobody has bound, so F5 is F5
    /// whatever TERM says. And the two bracketed-paste markers, so a paste is one event.
    private func defineMissingKeys() {
        let esc = "\u{1B}"
        var table: [(String, Int32)] = [
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
            ("[H", KEY_HOME), ("OH", KEY_HOME), ("[1~", KEY_HOME), ("[7~", KEY_HOME),
            ("[F", KEY_END), ("OF", KEY_END), ("[4~", KEY_END), ("[8~", KEY_END),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE), ("[Z", KEY_BTAB),
            ("OP", cn_key_f(1)), ("OQ", cn_key_f(2)), ("OR", cn_key_f(3)), ("OS", cn_key_f(4)),
            ("[11~", cn_key_f(1)), ("[12~", cn_key_f(2)), ("[13~", cn_key_f(3)), ("[14~", cn_key_f(4)),
            ("[15~", cn_key_f(5)), ("[17~", cn_key_f(6)), ("[18~", cn_key_f(7)), ("[19~", cn_key_f(8)),
            ("[20~", cn_key_f(9)), ("[21~", cn_key_f(10)), ("[23~", cn_key_f(11)), ("[24~", cn_key_f(12)),
        ]
        table.append(("[200~", Self.pasteBeginCode))
        table.append(("[201~", Self.pasteEndCode))
        for (tail, code) in table {
            let sequence = esc + tail
            if cn_key_defined(sequence) == 0 { _ = cn_define_key(sequence, code) }
        }
    }
}
