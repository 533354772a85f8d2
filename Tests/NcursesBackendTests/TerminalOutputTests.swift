import Testing
import TmuxTesting

/// The scanner the end-to-end tests use on a program's raw terminal output: what curses
/// sends passes, every way text could smuggle control onto the terminal is named.
@Suite struct TerminalOutputTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func whatNcursesSendsPasses() {
        let curses = "\u{1B}[?1049h\u{1B}[22;0;0t\u{1B}[1;24r\u{1B}(B\u{1B}[m\u{1B}[4l\u{1B}[?7h\u{1B}[39;49m"
            + "\u{1B}[?1h\u{1B}=\u{1B}[H\u{1B}[2J\u{1B}[38;5;231m\u{1B}[48;5;24mÅsa Öberg 日本 👩‍⚕️\u{1B}[K\r\n"
            + "\u{1B}[3;5H\u{1B}[?25l\u{1B}[?12l\u{1B}[?25h\u{1B}[?2004h\u{1B}[5b\u{1B}[2@\u{1B}[3P\u{1B}[12X"
            + "\u{1B}[1M\u{1B}[2L\u{1B}[4d\u{1B}[10G\u{1B}7\u{1B}8\u{1B}M\u{8}\t\u{1B}[?2004l\u{1B}>\u{1B}[23;0;0t"
        #expect(TerminalOutput.foreignSequences(in: Self.bytes(curses)) == [])
    }

    @Test(arguments: [
        ("\u{1B}]0;x\u{07}", "OSC"),
        ("\u{1B}]52;c;aGVq\u{1B}\\", "OSC"),
        ("\u{1B}P1$r\u{1B}\\", "control string"),
        ("\u{9B}", "C1 control U+9B"),
        ("\u{85}", "C1 control U+85"),
        ("\u{202E}", "bidi control U+202E"),
        ("\u{2066}", "bidi control U+2066"),
        ("\u{200F}", "direction mark"),
        ("\u{07}", "BEL"),
        ("\u{7F}", "DEL"),
        ("\u{0}", "C0 control"),
        ("\u{1B}c", "ESC c"),
        ("\u{1B}[6n", "CSI ending in n"),
        ("\u{1B}[>0c", "CSI with parameters"),
        ("\u{1B}[8;1;1t", "window operation"),
    ])
    func smuggledControlIsNamed(text: String, reason: String) {
        let findings = TerminalOutput.foreignSequences(in: Self.bytes("Åsa " + text + " Öberg"))
        #expect(findings.count == 1)
        #expect(findings.first?.reason.contains(reason) == true, "\(findings)")
        #expect(findings.first?.offset == 5)
    }

    @Test func aRawC1ByteIsNotText() {
        let findings = TerminalOutput.foreignSequences(in: [0x41, 0x9B, 0x33, 0x31, 0x6D])
        #expect(findings.map(\.offset) == [1])
        // The same byte inside a real letter (U+011B, ě, is C4 9B) is text.
        #expect(TerminalOutput.foreignSequences(in: [0xC4, 0x9B]) == [])
    }
}
