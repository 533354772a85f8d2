import Foundation
import Testing
import TmuxTesting

/// The terminal goes away in the middle of a form (tmux kill-session hangs up the pane,
/// as a dropped SSH connection does): the process saves the draft and exits within two
/// seconds without spinning, and the next start offers the draft back into the same form.
@Suite(.serialized) struct HangUpDraftTests {
    @Test func aHangUpMidFormExitsAtOnceAndTheDraftComesBack() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("drafts.sqlite").path
        let made = try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--seed", "9"])
        try #require(made.status == 0, "\(made.stderr)")
        func start() throws -> NaraTerminal {
            NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                       "HOME": folder.path],
                                         arguments: ["--start", "search", "--store", store]))
        }

        let first = try start()
        _ = try first.expect("Sök:")
        try first.type("a")
        _ = try first.expect("Personnummer")
        try first.send("Enter")
        let overview = try first.expect("┌ Översikt")
        let patientLine = overview.split(separator: "\n").dropFirst(2).first.map(String.init) ?? ""
        try first.send("F4")
        _ = try first.expect("Fasta kontakter")
        try first.send("n")
        _ = try first.expect("Registrera kontakt")
        try first.send("BTab")  // the form opens on its first field; Shift-Tab wraps to the reason
        try first.type("Yrsel och trötthet sedan i måndags")
        _ = try first.expect("sedan i måndags")

        let pid = try first.session.programPID()
        let ticksBefore = try #require(cpuTicks(pid))
        let hungUp = Date()
        try first.session.tmux(["kill-session", "-t", "0"])
        var ticksAfter = ticksBefore
        while processIsRunning(pid), Date().timeIntervalSince(hungUp) < 5 {
            ticksAfter = cpuTicks(pid) ?? ticksAfter
            Thread.sleep(forTimeInterval: 0.01)
        }
        let took = Date().timeIntervalSince(hungUp)
        #expect(!processIsRunning(pid), "still running \(took) s after the hang-up")
        #expect(took < 2, "exited after \(took) s")
        // A process that spins burns a tick every 10 ms; this one barely runs.
        #expect(ticksAfter - ticksBefore < 20, "\(ticksAfter - ticksBefore) ticks of CPU after the hang-up")

        let kept = try sqliteShell(store, "SELECT screen, form, fields FROM form_draft")
        #expect(kept.contains("continuity|encounter|"), "\(kept)")
        #expect(kept.contains("Yrsel och trötthet sedan i måndags"))
        #expect(try sqliteShell(store, "PRAGMA integrity_check") == "ok")

        let next = try start()
        let offer = try next.expect("Utkast sparat")
        #expect(offer.contains("Återställ? j/n"), "\(offer)")
        try next.send("j")
        let restored = try next.expect("Utkastet är återställt")
        #expect(restored.contains("Registrera kontakt"))
        #expect(restored.contains("Yrsel och trötthet sedan i måndags"))
        #expect(restored.contains(patientLine.prefix(30).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))),
                "\(patientLine)\n\(restored)")
        try next.send("Enter")
        _ = try next.expect("är registrerad")
        #expect(try sqliteShell(store, "SELECT count(*) FROM form_draft") == "0")
        #expect(try sqliteShell(store, "SELECT reason FROM encounter ORDER BY id DESC LIMIT 1")
            == "Yrsel och trötthet sedan i måndags")
        try next.send("F10")
        #expect(try next.waitForExit() == 0, "\(next.session.standardError)")
    }
}
