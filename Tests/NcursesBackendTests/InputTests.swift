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
