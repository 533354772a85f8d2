import Foundation
import TmuxTesting
import Testing

/// Every way a session ends gives the terminal back and ends the process: quitting,
/// signals, and the terminal disappearing (a dropped SSH connection).
@Suite struct ExitTests {
    private func start(_ arguments: [String] = []) throws -> TmuxSession {
        let session = try TmuxSession(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], arguments: arguments)
        let (matched, screen) = try session.waitForScreen(containing: "events: 0")
        if !matched { session.close() }
        try #require(matched, "no first frame:\n\(screen)\n\(session.standardError)")
        return session
    }

    @Test func quitRestoresTheTerminal() throws {
        let session = try start()
        defer { session.close() }
        let pid = try session.pid()
        try session.sendKeys("q")
        let status = try session.waitForExit()
        #expect(status == 0, "\(session.standardError)")
        #expect(waitUntilEnded(pid, seconds: 2))
        #expect(session.standardError.contains("ended by q"))
        // Out of the alternate screen: the frame is gone from the pane.
        let (restored, screen) = try session.waitForScreen { !$0.contains("Åsa") }
        #expect(restored, "\(screen)")
    }

    @Test(arguments: [(SIGHUP, "signal 1"), (SIGTERM, "signal 15"), (SIGINT, "signal 2")], [false, true])
    func terminationSignalEndsCleanly(signal: (Int32, String), waitingForever: Bool) throws {
        let (signal, reason) = signal
        // Waiting without a timeout too: the signal must interrupt the read itself.
        let session = try start(waitingForever ? ["--wait-forever"] : [])
        defer { session.close() }
        let pid = try session.pid()
        #expect(kill(pid, signal) == 0)
        let started = Date()
        let status = try session.waitForExit(seconds: 2)
        #expect(status == 0, "\(session.standardError)")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(session.standardError.contains("ended by \(reason)"), "\(session.standardError)")
    }

    @Test(arguments: [false, true])
    func lostTerminalEndsTheProcess(ignoringHangUpSignal: Bool) throws {
        // With SIGHUP ignored the program only learns from failing reads that the
        // terminal is gone; it must still exit instead of spinning.
        let session = try start(ignoringHangUpSignal ? ["--ignore-hangup"] : [])
        defer { session.close() }
        let pid = try session.pid()
        try session.tmux(["new-window", "-d"])  // keeps the server alive after the pane goes
        try session.tmux(["kill-pane", "-t", "0.0"])
        #expect(waitUntilEnded(pid, seconds: 3), "still running in state \(processState(pid).map(String.init) ?? "?")")
        let expected = ignoringHangUpSignal ? "ended by terminal gone" : "ended by signal 1"
        #expect(session.standardError.contains(expected), "\(session.standardError)")
    }
}
