import CNcursesw
import Glibc
import TerminalUI

extension NcursesBackend {
    /// Reads one event. Nil means the session is over: a termination signal arrived, or
    /// the terminal is gone. When an SSH connection drops, reads fail at once with EIO or
    /// end-of-file; looping on them would spin at 100% CPU, so repeated reads that fail
    /// long before their timeout count as a hang-up too.
    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard screen != nil, !terminalGone else { return nil }
        if !pending.isEmpty { return pending.removeFirst() }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        while true {
            if terminationRequested { return nil }
            let remaining = deadline.map { max(0, milliseconds(until: $0, clock: clock)) } ?? -1
            wtimeout(window, Int32(clamping: remaining))
            var code: wint_t = 0
            cn_clear_errno()
            let started = clock.now
            let status = wget_wch(window, &code)
            if status == ERR {
                let error = cn_errno()
                if terminationRequested { return nil }
                if error == EIO || error == EBADF || error == ENXIO { return hangUp() }
                if remaining == 0 { return .tick }
                let waited = milliseconds(from: started, clock: clock)
                if remaining > 0 && waited * 2 >= remaining {
                    failedReads = 0
                    return .tick
                }
                failedReads += 1
                if failedReads >= 8 { return hangUp() }
                // A read interrupted by some other signal: wait a moment so even a storm of
                // them cannot turn this loop into a busy one.
                usleep(2_000)
                continue
            }
            failedReads = 0
            if let event = decode(status: status, code: code) { return event }
            if let deadline, clock.now >= deadline { return .tick }
        }
    }

    private func hangUp() -> Event? {
        terminalGone = true
        return nil
    }

    private func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let d = clock.now.duration(to: deadline)
        return Int(d.components.seconds) * 1000 + Int(d.components.attoseconds / 1_000_000_000_000_000)
    }

    private func milliseconds(from start: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let d = start.duration(to: clock.now)
        return Int(d.components.seconds) * 1000 + Int(d.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Nil for keys the program has no name for; the caller reads on.
    private func decode(status: Int32, code: wint_t) -> Event? {
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: code)) }
        switch code {
        case 27: return escapeOrAlt()
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl(" "))
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + code)))))
        case 28: return .key(.ctrl("\\"))
        case 29: return .key(.ctrl("]"))
        case 30: return .key(.ctrl("^"))
        case 31: return .key(.ctrl("_"))
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func decodeKeyCode(_ code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            needsFullRepaint = true
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_IC: return .key(.insert)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case Self.pasteBeginCode: return .paste(readPaste())
        case cn_key_f(1)...cn_key_f(12): return .key(.function(Int(code - cn_key_f(0))))
        default: return nil
        }
    }

    /// Esc followed at once by a character is how terminals send Alt+character; Esc on
    /// its own has already waited the escape delay inside curses.
    private func escapeOrAlt() -> Event {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == OK, code >= 0x20, code != 0x7F, !(0x80...0x9F).contains(code),
           let scalar = Unicode.Scalar(UInt32(code)) {
            return .key(.alt(Character(scalar)))
        }
        if status == OK {
            unget_wch(wchar_t(bitPattern: code))
        } else if status == KEY_CODE_YES {
            ungetch(Int32(bitPattern: code))
        }
        return .key(.escape)
    }

    /// Everything up to the end marker, as one string: a pasted newline must not submit
    /// a form. Controls other than newline and tab are dropped; terminals send a pasted
    /// line break as CR, which becomes "\n". If the end marker never comes (a cut
    /// connection), what arrived within half a second of silence is the paste.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var afterCR = false
        while !terminationRequested {
            wtimeout(window, 500)
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                let key = Int32(bitPattern: code)
                if key == Self.pasteEndCode { break }
                if key == KEY_RESIZE, let resize = decodeKeyCode(key) { pending.append(resize) }
                if key == KEY_ENTER { text.append("\n") }
                continue
            }
            switch code {
            case 13:
                text.append("\n")
                afterCR = true
                continue
            case 10:
                if !afterCR { text.append("\n") }
            case 9:
                text.append("\t")
            case 0..<0x20, 0x7F...0x9F:
                break
            default:
                if let scalar = Unicode.Scalar(UInt32(code)) { text.append(scalar) }
            }
            afterCR = false
        }
        return String(text)
    }
}
