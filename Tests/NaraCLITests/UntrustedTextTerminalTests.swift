import Foundation
import Testing
import TmuxTesting

/// The real binary under tmux with its raw terminal output recorded: text poisoned in
/// the store file by another tool and control sequences typed and pasted into a form
/// reach the terminal only as harmless text, and so does a poisoned FHIR import.
/// `TmuxSession.recordOutput()` and `foreignSequencesInOutput()` are the reusable part.
@Suite(.serialized) struct UntrustedTextTerminalTests {
    /// ESC ] 0 ; x BEL (an OSC window title), U+009B (C1 CSI), U+202E, the isolates,
    /// backspace and ESC [ 2 J, as SQL.
    static let poisonSQL = "char(27)||']0;x'||char(7)||char(155)||'31m'||char(8238)||char(8294)||char(8297)"
        + "||char(8)||char(27)||'[2J'"

    /// A demo store whose names, reasons, questions, goals, staff and units all carry the
    /// poison, written with the sqlite3 shell past the store's own cleaning.
    static func poisonedStore(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("poisoned.sqlite").path
        let made = try NaraBinary.run(["demo", "--store", path, "--patients", "300", "--seed", "5"])
        try #require(made.status == 0, "\(made.stderr)")
        let p = poisonSQL
        _ = try sqliteShell(path, """
            UPDATE patient SET given_name = given_name || \(p), family_name = family_name || \(p),
                street = street || \(p), city = city || \(p);
            UPDATE encounter SET reason = reason || \(p);
            UPDATE care_contact SET reason = reason || \(p);
            UPDATE coordinated_plan SET goal = goal || \(p);
            UPDATE referral SET question = question || \(p);
            UPDATE referral_event SET comment = comment || \(p);
            UPDATE staff SET name = name || \(p);
            UPDATE care_unit SET name = name || \(p);
            """)
        let poisoned = try sqliteShell(path, "SELECT count(*) FROM patient WHERE instr(family_name, char(8238)) > 0")
        try #require(Int(poisoned) ?? 0 >= 300, "poisoned \(poisoned)")
        return path
    }

    @Test func poisonedRecordsAndTypedControlReachTheTerminalOnlyAsText() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.poisonedStore(in: folder)
        let session = try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                    "HOME": folder.path],
                                      arguments: ["--start", "search", "--store", store])
        let t = NaraTerminal(session)
        try session.recordOutput()
        _ = try t.expect("Sök:")
        // Poisoned names in the result list, then the record and its continuity screen.
        try t.type("a")
        _ = try t.expect("Personnummer")
        try t.send("Enter")
        _ = try t.expect("┌ Översikt")
        try t.send("F4")
        _ = try t.expect("Fasta kontakter")
        // A new encounter: the reason gets the escape sequences typed as bytes, then pasted.
        try t.send("n")
        _ = try t.expect("Registrera kontakt")
        try t.send("BTab")
        try session.sendKeys("-H", "1b", "5d", "30", "3b", "78", "07")          // ESC ] 0 ; x BEL
        try session.sendKeys("-H", "c2", "9b", "33", "31", "6d")                // U+009B 3 1 m
        try session.sendKeys("-H", "e2", "80", "ae", "e2", "81", "a6", "08")    // U+202E U+2066 BS
        try t.type("Yrsel")
        try session.paste(" och\u{1B}]0;y\u{07}\u{9B}2J\u{202E}trötthet")
        _ = try t.expect("trötthet")
        try t.send("Enter")
        _ = try t.expect("är registrerad")
        try t.send("Tab", "Tab", "Tab")
        try t.send("F10")
        #expect(try t.waitForExit() == 0, "\(session.standardError)")

        // The saved reason holds the words and none of the controls.
        let reason = try sqliteShell(store, "SELECT reason FROM encounter ORDER BY id DESC LIMIT 1")
        #expect(reason.contains("Yrsel och"), "\(reason)")
        #expect(reason.contains("trötthet"))
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })

        let output = session.recordedOutput
        #expect(output.count > 2000)
        let findings = session.foreignSequencesInOutput()
        #expect(findings.isEmpty, "\(findings.prefix(10))")
        // The poison was drawn, as plain text: its printable part is on the wire.
        #expect(String(decoding: output, as: UTF8.self).contains("]0;x31m[2J"))
    }

    /// The FHIR fixture with ESC ] 0 ; x BEL, U+009B, U+202E and U+2066 appended to every
    /// family name, organisation name and free text, as JSON escapes.
    static func poisonedBundle(in folder: URL) throws -> String {
        let moved = try ExchangeCommandTests.movedToToday(folder)
        let text = try String(contentsOfFile: moved, encoding: .utf8)
        let poison = #"\u001b]0;x\u0007\u009b31m\u202e\u2066"#
        let regex = try NSRegularExpression(pattern: #"("(?:family|name|text)": "[^"]*)""#)
        let out = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                 withTemplate: "$1" + NSRegularExpression.escapedTemplate(for: poison) + "\"")
        let path = folder.appendingPathComponent("poisoned.json").path
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPoisonedFHIRImportReachesTheStoreAndTheTerminalOnlyAsText() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("imported.sqlite").path
        let bundle = try Self.poisonedBundle(in: folder)
        #expect(try String(contentsOfFile: bundle, encoding: .utf8).contains(#"Lindqvist\u001b]0;x"#))
        let imported = try NaraBinary.run(["import", bundle, "--store", store])
        try #require(imported.status == 0, "\(imported.stderr)")

        // On the way in: no text value anywhere in the store holds a control or bidi character.
        let dirty = try sqliteShell(store, """
            SELECT count(*) FROM patient WHERE family_name GLOB '*[' || char(27, 7, 155, 8238, 8294) || ']*'
            """)
        #expect(dirty == "0")
        #expect(try sqliteShell(store, "SELECT family_name FROM patient WHERE family_name LIKE 'Lindqvist%'")
            == "Lindqvist]0;x31m")

        // On the way out: the record on screen, with the raw output scanned.
        let session = try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                    "HOME": folder.path],
                                      arguments: ["--start", "search", "--store", store, "--user", "pr-sara"])
        let t = NaraTerminal(session)
        try session.recordOutput()
        _ = try t.expect("Sök:")
        try t.type("Lindqvist")
        _ = try t.expect("Göran Erik Lindqvist")
        try t.send("Enter")
        _ = try t.expect("┌ Översikt")
        try t.send("F4")
        _ = try t.expect("Fasta kontakter │ Vårdkontakter")
        try t.send("Right")
        _ = try t.expect("Hjärtsvikt, uppföljning")
        try t.send("F5")
        _ = try t.expect("Inkorg")
        try t.send("F10")
        #expect(try t.waitForExit() == 0, "\(session.standardError)")
        let findings = session.foreignSequencesInOutput()
        #expect(findings.isEmpty, "\(findings.prefix(10))")
        #expect(String(decoding: session.recordedOutput, as: UTF8.self).contains("Lindqvist]0;x31m"))
    }
}
