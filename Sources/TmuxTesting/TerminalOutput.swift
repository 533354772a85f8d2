/// Reads the raw bytes a program wrote to its terminal and names everything in them that
/// curses would not have sent: the proof that stored or typed text never reached the
/// terminal as control (TERMINAL.md, "Untrusted text").
///
/// Allowed is what ncurses emits for xterm-like terminals: CSI sequences with numeric
/// parameters and the finals of cursor movement, erasing, scrolling, insert/delete,
/// SGR, modes (`h`/`l`, private `?` modes included) and the title-stack push/pop of
/// `smcup`/`rmcup` (`ESC [ 22;0;0 t`, `ESC [ 23;0;0 t`); charset selection
/// (`ESC ( B`); the two-byte `ESC 7`, `ESC 8`, `ESC =`, `ESC >`, `ESC M`; CR, LF,
/// backspace and tab; and valid UTF-8 text.
///
/// Never allowed: OSC (`ESC ]`), DCS, APC, PM and SOS strings, a reset (`ESC c`), CSI
/// sequences that make the terminal answer or change its settings in other ways, BEL,
/// DEL and other C0 controls, C1 controls (U+0080–U+009F, as UTF-8 `C2 80`–`C2 9F` or
/// a stray byte), the bidi embeddings, overrides and isolates (U+202A–U+202E as
/// `E2 80 AA`–`E2 80 AE`, U+2066–U+2069) and direction marks, and invalid UTF-8.
public enum TerminalOutput {
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// Where in the output it starts.
        public var offset: Int
        public var bytes: [UInt8]
        public var reason: String

        public var description: String {
            "at byte \(offset): \(reason) [" + bytes.map { hex($0) }.joined(separator: " ") + "]"
        }
    }

    /// Every escape sequence, control or scalar in `output` that curses does not send.
    public static func foreignSequences(in output: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        var i = 0
        let n = output.count
        func add(_ start: Int, _ end: Int, _ reason: String) {
            findings.append(Finding(offset: start, bytes: Array(output[start..<min(n, max(end, start + 1))]), reason: reason))
        }
        while i < n {
            let b = output[i]
            switch b {
            case 0x1B:
                let (end, problem) = escape(output, at: i)
                if let problem { add(i, end, problem) }
                i = end
            case 0x0D, 0x0A, 0x08, 0x09:
                i += 1
            case 0x00..<0x20:
                add(i, i + 1, b == 0x07 ? "BEL" : "C0 control 0x\(hex(b))")
                i += 1
            case 0x7F:
                add(i, i + 1, "DEL")
                i += 1
            case 0x20..<0x7F:
                i += 1
            default:
                guard let (scalar, length) = utf8Scalar(output, at: i) else {
                    add(i, i + 1, "not UTF-8 (a raw C1 byte or a broken sequence)")
                    i += 1
                    continue
                }
                if let reason = unsafeScalar(scalar) { add(i, i + length, reason) }
                i += length
            }
        }
        return findings
    }

    /// The bytes of `text` as hex, for messages.
    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
    }

    // MARK: - Escape sequences

    /// CSI finals ncurses uses: cursor (A–H, a, d, e, f, `), erase (J, K, X), insert and
    /// delete (@, L, M, P), scroll (S, T, r), back tab (Z), repeat (b), SGR (m), modes
    /// (h, l) and the title stack (t, only 22/23 as smcup/rmcup send).
    private static let csiFinals = Set("@ABCDEFGHJKLMPSTXZ`abdefhlmrt".utf8)

    /// Returns where the sequence ends and, if it is not one curses sends, why.
    private static func escape(_ output: [UInt8], at start: Int) -> (end: Int, problem: String?) {
        let n = output.count
        guard start + 1 < n else { return (n, "ESC at the very end") }
        let kind = output[start + 1]
        switch kind {
        case UInt8(ascii: "["):
            var j = start + 2
            var parameters: [UInt8] = []
            while j < n, (0x30...0x3F).contains(output[j]) { parameters.append(output[j]); j += 1 }
            var intermediates = false
            while j < n, (0x20...0x2F).contains(output[j]) { intermediates = true; j += 1 }
            guard j < n else { return (n, "unfinished CSI") }
            let final = output[j]
            let end = j + 1
            guard (0x40...0x7E).contains(final) else { return (end, "malformed CSI") }
            if intermediates { return (end, "CSI with intermediate bytes") }
            // Only digits, ';' and a leading '?' (private modes): no '<', '=', '>' queries.
            let params = String(decoding: parameters, as: UTF8.self)
            let body = params.hasPrefix("?") ? String(params.dropFirst()) : params
            if !body.allSatisfy({ $0.isNumber || $0 == ";" }) { return (end, "CSI with parameters \(params)") }
            if !csiFinals.contains(final) { return (end, "CSI ending in \(Character(Unicode.Scalar(final)))") }
            if final == UInt8(ascii: "t"), !(params == "22;0;0" || params == "23;0;0") {
                return (end, "window operation CSI \(params) t")
            }
            return (end, nil)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            guard start + 2 < n else { return (n, "unfinished charset selection") }
            return (start + 3, (0x30...0x7E).contains(output[start + 2]) ? nil : "malformed charset selection")
        case UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "M"):
            return (start + 2, nil)
        case UInt8(ascii: "]"):
            return (stringEnd(output, from: start + 2), "OSC (operating system command: titles, clipboard, links)")
        case UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            return (stringEnd(output, from: start + 2), "a control string (DCS, APC, PM or SOS)")
        default:
            return (start + 2, "ESC \(Character(Unicode.Scalar(kind)))")
        }
    }

    /// A control string runs to BEL or ST (ESC \); its whole length is reported.
    private static func stringEnd(_ output: [UInt8], from start: Int) -> Int {
        var j = start
        while j < output.count {
            if output[j] == 0x07 { return j + 1 }
            if output[j] == 0x1B, j + 1 < output.count, output[j + 1] == UInt8(ascii: "\\") { return j + 2 }
            j += 1
        }
        return output.count
    }

    // MARK: - Text

    private static func utf8Scalar(_ output: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b = output[i]
        let length: Int
        var value: UInt32
        switch b {
        case 0xC2...0xDF: length = 2; value = UInt32(b & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b & 0x07)
        default: return nil
        }
        guard i + length <= output.count else { return nil }
        for k in 1..<length {
            let c = output[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    private static func unsafeScalar(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x80...0x9F: return "C1 control U+\(String(s.value, radix: 16, uppercase: true))"
        case 0x202A...0x202E, 0x2066...0x2069: return "bidi control U+\(String(s.value, radix: 16, uppercase: true))"
        case 0x200E, 0x200F, 0x061C: return "direction mark U+\(String(s.value, radix: 16, uppercase: true))"
        default: return nil
        }
    }
}
