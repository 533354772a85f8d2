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
    /// a form. A paste is text only: controls other than newline and tab are dropped
    /// (ESC too, so nothing in it can become a key), and an end marker inside the
    /// pasted text does not end it (security review L2). The real end marker is the one
    /// nothing follows: after a marker, input that arrives within `pasteGrace` is more
    /// of the paste. Terminals send a pasted line break as CR, which becomes "\n".
    ///
    /// The bytes are read from the terminal in large blocks, past curses, which reads
    /// one byte per system call: a 20 MB paste took 40 s that way (L8). Only the first
    /// `pasteLimit` bytes are kept; the rest is read and dropped. If the end marker
    /// never comes (a cut connection), what arrived within half a second of silence is
    /// the paste.
    private func readPaste() -> String {
        var reader = PasteReader(limit: Self.pasteLimit)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while !terminationRequested {
            let wait = reader.endsWithMarker ? Self.pasteGraceMilliseconds : 500
            var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(wait))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { break }
            reader.take(block[0..<count])
        }
        return reader.text
    }

    /// Text kept from one paste: 64 KiB, far more than any field takes.
    static let pasteLimit = 1 << 16
    /// How long after an end marker more input still counts as the same paste.
    static let pasteGraceMilliseconds = 100
}

/// The bytes of one bracketed paste, read in blocks: the end markers found, the
/// text kept up to a limit.
struct PasteReader {
    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)

    let limit: Int
    private(set) var kept: [UInt8] = []
    private(set) var truncated = false
    /// True when the last bytes read were an end marker.
    private(set) var endsWithMarker = false
    private var matched = 0

    init(limit: Int) { self.limit = limit }

    mutating func take(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = 0
            while at < buffer.count {
                if matched == 0 {
                    // Text up to the next ESC, in one piece: a large paste is mostly this.
                    let next = memchr(base + at, 0x1B, buffer.count - at)
                    let end = next.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? buffer.count
                    if end > at {
                        keep(UnsafeBufferPointer(rebasing: buffer[at..<end]))
                        endsWithMarker = false
                    }
                    at = end
                    if at < buffer.count {
                        matched = 1
                        at += 1
                    }
                    continue
                }
                if buffer[at] == Self.endMarker[matched] {
                    matched += 1
                    at += 1
                    if matched == Self.endMarker.count {
                        matched = 0
                        endsWithMarker = true
                    }
                    continue
                }
                // Not a marker after all: what looked like its start is text, and this
                // byte is looked at again from the start.
                keep(Self.endMarker[0..<matched])
                matched = 0
                endsWithMarker = false
            }
        }
        if matched > 0 { endsWithMarker = false }
    }

    private mutating func keep<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard !truncated else { return }
        if kept.count + bytes.count > limit {
            kept.append(contentsOf: bytes.prefix(limit - kept.count))
            truncated = true
        } else {
            kept.append(contentsOf: bytes)
        }
    }

    /// The kept bytes as text: CR and CR LF become "\n", tabs stay, every other
    /// control (C0, DEL, C1, ESC) is dropped; a character cut in half at the limit too.
    var text: String {
        var decoded = String(decoding: kept, as: UTF8.self).unicodeScalars[...]
        if truncated, decoded.last == "\u{FFFD}" { decoded = decoded.dropLast() }
        var text = String.UnicodeScalarView()
        var afterCR = false
        for scalar in decoded {
            switch scalar.value {
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
                text.append(scalar)
            }
            afterCR = false
        }
        return String(text)
    }
}
