import Foundation
import TmuxTesting
import Testing

/// Keys, pastes and resizes as a terminal really sends them (tmux in between).
@Suite struct InputTests {
    private func start(term: String = "xterm-256color", _ arguments: [String] = []) throws -> TmuxSession {
        let session = try TmuxSession(environment: ["TERM": term, "LANG": "C.UTF-8"], arguments: arguments)
        let (matched, screen) = try session.waitForScreen(containing: "events: 0")
        if !matched { session.close() }
        try #require(matched, "no first frame:\n\(screen)\n\(session.standardError)")
        return session
    }

    private func expectLast(_ session: TmuxSession, _ text: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (matched, screen) = try session.waitForScreen(containing: "last: \(text)")
        #expect(matched, "expected 'last: \(text)' on:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func functionAltArrowAndEscapeKeys() throws {
        let session = try start()
        defer { session.close() }
        try session.sendKeys("F5")
        try expectLast(session, "key: F5")
        try session.sendKeys("M-x")
        try expectLast(session, "key: Alt-x")
        try session.sendKeys("Up")
        try expectLast(session, "key: ↑")
        // Esc on its own must come out as Escape after the short escape delay, not as
        // the start of an Alt combination or swallowed.
        try session.sendKeys("Escape")
        try expectLast(session, "key: Esc")
        try session.sendKeys("ö")
        try expectLast(session, "key: ö")
    }

    @Test func functionKeysOnATerminalWhoseTerminfoLacksThem() throws {
        // vt100's terminfo stops at F4; the backend binds the usual sequences itself.
        let session = try start(term: "vt100")
        defer { session.close() }
        try session.sendKeys("F5")
        try expectLast(session, "key: F5")
        try session.sendKeys("F12")
        try expectLast(session, "key: F12")
    }

    @Test func ctrlCAndCtrlZAreKeysNotSignals() throws {
        let session = try start()
        defer { session.close() }
        let pid = try session.pid()
        try session.sendKeys("C-c")
        try expectLast(session, "key: Ctrl-C")
        #expect(processIsRunning(pid))
        try session.sendKeys("C-z")
        try expectLast(session, "key: Ctrl-Z")
        #expect(processState(pid) != "T", "the program was stopped")
        // Still listening: a stopped program would not draw this.
        try session.sendKeys("a")
        try expectLast(session, "key: a")
        #expect(processIsRunning(pid))
    }

    @Test func bracketedPasteArrivesAsOneEvent() throws {
        let session = try start()
        defer { session.close() }
        try session.paste("hello\nworld")
        try expectLast(session, "paste: 11 chars")
        let screen = try session.capture()
        #expect(screen.contains("pasted: hello⏎world"), "\(screen)")
        // One event, so a pasted newline could not have submitted anything.
        #expect(screen.contains("events: 1"), "\(screen)")
    }

    /// Security review L2: the end marker inside pasted text does not end the paste,
    /// and nothing after it (Enter, F10, q) becomes a key.
    @Test func anEndMarkerInsidePastedTextNeverBecomesKeys() throws {
        let session = try start()
        defer { session.close() }
        try session.paste("abc\u{1B}[201~\rXYZ\u{1B}[21~q")
        try expectLast(session, "paste: 12 chars")
        let screen = try session.capture()
        #expect(screen.contains("pasted: abc⏎XYZ[21~q"), "\(screen)")
        #expect(screen.contains("events: 1"), "\(screen)")
        try session.sendKeys("x")
        try expectLast(session, "key: x")
    }

    /// Security review L8: a 20 MB paste is cut to 64 KiB and input is back to normal
    /// within a second of the paste being sent. (A key pressed within 0.1 s of the end
    /// of a paste is taken as more of it, so the key is sent once the paste is seen.)
    @Test func aTwentyMegabytePasteIsCutAndInputAnswersWithinASecond() throws {
        let session = try start()
        defer { session.close() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nara-paste-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let line = String(repeating: "yrsel trötthet ", count: 6) + "\r\n"
        let text = String(repeating: line, count: 20_000_000 / line.utf8.count + 1)
        try text.write(to: file, atomically: true, encoding: .utf8)
        try session.tmux(["load-buffer", "-b", "big", file.path])
        let started = Date()
        try session.tmux(["paste-buffer", "-p", "-b", "big", "-t", "0.0"])
        let pasted = try session.waitForScreen(containing: "last: paste: ")
        #expect(pasted.matched, "\(pasted.screen)")
        let count = pasted.screen.split(separator: "\n").first { $0.contains("last: paste: ") }
            .flatMap { $0.split(separator: " ").dropFirst(2).first }.flatMap { Int($0) } ?? 0
        #expect((60_000...65_536).contains(count), "\(pasted.screen)")
        try session.sendKeys("x")
        let (matched, screen) = try session.waitForScreen(containing: "last: key: x")
        let seconds = Date().timeIntervalSince(started)
        #expect(matched, "\(screen)")
        #expect(screen.contains("events: 2"), "\(screen)")
        // The freeze was 40 s; the ≤ 1 s target is measured in BENCHMARKS.md, not asserted on
        // a shared machine, where a loaded moment takes longer.
        #expect(seconds < 10, "\(seconds) s from the paste to the next key")
        print("a 20 MB paste, back to normal input: \(String(format: "%.2f", seconds)) s")
    }

    @Test func resizesAreSeen() throws {
        let session = try start()
        defer { session.close() }
        try session.resize(width: 120, height: 40)
        try expectLast(session, "resize: 120x40")
        #expect(try session.waitForScreen(containing: "size: 120x40").matched)
        try session.resize(width: 60, height: 20)
        try expectLast(session, "resize: 60x20")
        let (matched, screen) = try session.waitForScreen(containing: "size: 60x20")
        #expect(matched)
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 20)
        #expect(screen.contains("Åsa Öberg — 日本"))
    }
}
