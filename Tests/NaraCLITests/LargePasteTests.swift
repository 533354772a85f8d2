import Foundation
import Testing
import TmuxTesting

/// A 100 KB bracketed paste through tmux, into the search field and into a form field:
/// the program stays responsive, each field keeps its limit, and the form says the text
/// was cut.
@Suite(.serialized) struct LargePasteTests {
    @Test func aHundredKilobytePasteIsCutToTheFieldAndTheProgramKeepsAnswering() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("paste.sqlite").path
        let made = try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--seed", "3"])
        try #require(made.status == 0, "\(made.stderr)")
        let session = try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                    "HOME": folder.path],
                                      arguments: ["--start", "search", "--store", store])
        let t = NaraTerminal(session)
        _ = try t.expect("Sök:")
        // Lines with tabs, wide letters and a few controls, as a paste from a document brings.
        let line = "Anteckning\tfrån journalen: yrsel, trötthet 日本語 och\u{1B}[31m röd text\u{7}\r\n"
        let text = String(repeating: line, count: 1_400)
        let file = folder.appendingPathComponent("paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 100_000)
        try session.tmux(["load-buffer", "-b", "big", file.path])

        func pasteAndTime(_ until: String) throws -> TimeInterval {
            let started = Date()
            try session.tmux(["paste-buffer", "-p", "-b", "big", "-t", "0.0"])
            _ = try t.expect(until)
            return Date().timeIntervalSince(started)
        }
        // The search field takes 100 characters and the search finds nobody by them.
        let searchTime = try pasteAndTime("Inga patienter")
        let search = try t.screen()
        #expect(search.contains("Sök: …") || search.contains("Sök: Anteckning"), "\(search)")
        try t.send("C-u")
        try t.type("a")
        _ = try t.expect("Personnummer")
        try t.send("Enter")
        _ = try t.expect("┌ Översikt")
        try t.send("F4")
        _ = try t.expect("Fasta kontakter")
        try t.send("n")
        _ = try t.expect("Registrera kontakt")
        try t.send("BTab")
        let formTime = try pasteAndTime("Texten kortades till 500 tecken.")
        #expect(searchTime < 5 && formTime < 5, "search \(searchTime) s, form \(formTime) s")
        // Keys still answer at once after the paste.
        try t.send("BSpace")
        _ = try t.waitFor { !$0.contains("Texten kortades") }
        try t.send("Enter")
        _ = try t.expect("är registrerad")
        let saved = try sqliteShell(store, "SELECT length(reason), instr(reason, char(27)), instr(reason, char(9)) "
                                           + "FROM encounter ORDER BY id DESC LIMIT 1")
        // 499 characters in the field; the store folds runs of spaces, so a few less are saved.
        let parts = saved.split(separator: "|").compactMap { Int($0) }
        #expect(parts.count == 3 && (450...499).contains(parts[0]) && parts[1] == 0 && parts[2] == 0, "\(saved)")
        try t.send("F10")
        #expect(try t.waitForExit() == 0, "\(session.standardError)")
        #expect(session.standardError.isEmpty, "\(session.standardError)")
    }

    /// Security review L8: a 20 MB paste into the search field froze the session for
    /// about 40 s. It is cut to 64 KiB, and the next key answers within a second of
    /// the paste being sent.
    @Test func aTwentyMegabytePasteIsBackToNormalInputWithinASecond() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("paste.sqlite").path
        let made = try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--seed", "3"])
        try #require(made.status == 0, "\(made.stderr)")
        let session = try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                    "HOME": folder.path],
                                      arguments: ["--start", "search", "--store", store])
        let t = NaraTerminal(session)
        _ = try t.expect("Sök:")
        let line = String(repeating: "Anteckning yrsel trötthet ", count: 4) + "\r\n"
        let text = String(repeating: line, count: 20_000_000 / line.utf8.count + 1)
        let file = folder.appendingPathComponent("paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try session.tmux(["load-buffer", "-b", "big", file.path])

        let started = Date()
        try session.tmux(["paste-buffer", "-p", "-b", "big", "-t", "0.0"])
        _ = try t.expect("Inga patienter")
        try t.send("C-u")
        try t.type("a")
        _ = try t.expect("Personnummer")
        let seconds = Date().timeIntervalSince(started)
        // The freeze was 40 s; the ≤ 1 s target is measured in BENCHMARKS.md, not asserted here.
        #expect(seconds < 10, "\(seconds) s from the paste to the next key's answer")
        print("a 20 MB paste, back to normal input: \(String(format: "%.2f", seconds)) s")
        try t.send("F10")
        #expect(try t.waitForExit() == 0, "\(session.standardError)")
    }
}
