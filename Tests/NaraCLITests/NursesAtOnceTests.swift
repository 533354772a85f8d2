import Foundation
import Testing
import TmuxTesting

/// A day's work through the real binary, and a second nurse at the receiving unit whose
/// step the first sees within two seconds.
@Suite(.serialized) struct NursesAtOnceTests {
    @Test func searchOpenAssignRegisterReferAndSeeTheReceiverConfirm() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("day.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "2000", "--seed", "11"]).status == 0)
        let facts = try sqliteShell(store, """
            SELECT (SELECT value FROM store_meta WHERE key = 'demo_user');
            SELECT s.id FROM staff s JOIN care_unit u ON u.id = s.unit_id
              WHERE u.name LIKE 'Ortoped%' AND s.active = 1 ORDER BY s.id LIMIT 1;
            SELECT p.given_name || '|' || p.family_name FROM patient p
              JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
              JOIN staff s ON s.unit_id = l.unit_id AND s.id = (SELECT value FROM store_meta WHERE key = 'demo_user')
              WHERE p.family_name LIKE 'Ö%' AND p.protected = 0 ORDER BY p.id LIMIT 1;
            """).split(separator: "\n").map(String.init)
        let nurse = facts[0], receiver = facts[1]
        let name = facts[2].split(separator: "|").map(String.init)
        let (given, family) = (name[0], name[1])

        let a = NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                             arguments: ["--start", "search", "--store", store]))
        _ = try a.waitFor("Sök:")
        // Search by the beginning of the family name, with its ö, and of the given name.
        try a.type(String(family.prefix(3)) + " " + String(given.prefix(2)))
        #expect(try a.waitFor("\(given) \(family)").contains("\(given) \(family)"))
        try a.send("Enter")
        #expect(try a.waitFor("┌ Översikt").contains("\(given) \(family)"))

        // Assign the nurse herself as named care contact.
        try a.send("F4")
        _ = try a.waitFor("Fasta kontakter │ Vårdkontakter")
        try a.send("a")
        _ = try a.waitFor("Ny fast vårdkontakt")
        try a.send("C-u")  // the picker starts at the user
        try a.type(nurse)
        try a.send("Enter")
        try a.type("Samordning av hjärtsviktsvård")
        try a.send("Enter", "Enter")
        let asked = try a.waitFor { $0.contains("avslutas som") || $0.contains("är nu fast vårdkontakt") }
        if asked.contains("avslutas som") { try a.send("j") }
        #expect(try a.waitFor("är nu fast vårdkontakt").contains("är nu fast vårdkontakt"))

        // Register an encounter.
        try a.send("Right")
        _ = try a.waitFor { $0.contains("n registrera kontakt") }
        try a.send("n")
        _ = try a.waitFor("Registrera kontakt")
        try a.send("BTab")
        try a.type("Blodtryckskontroll")
        try a.send("Enter")
        #expect(try a.waitFor("Blodtryckskontroll").contains("Blodtryckskontroll"))

        // Create a referral to orthopaedics and send it.
        try a.send("F5")
        _ = try a.waitFor("Inkorg")
        try a.send("n")
        _ = try a.waitFor("Ny remiss")
        try a.type("ortopedm")
        _ = try a.waitFor("→ Ortopedmottagningen")
        try a.send("Enter", "Enter")
        try a.type("Knäsmärta sedan tre månader. Röntgen?")
        try a.send("Enter")
        #expect(try a.waitFor("Remiss skapad").contains("utkast"))
        try a.send("Enter")
        _ = try a.waitFor("Skicka")
        try a.send("Enter")
        _ = try a.waitFor("Skicka: \(given) \(family)?")
        try a.send("Enter")
        #expect(try a.waitFor("Status nu skickad").contains("skickad"))

        // A second session, as staff of the receiving unit, confirms receipt.
        let b = NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                             arguments: ["--start", "search", "--store", store, "--user", receiver]))
        _ = try b.waitFor("Sök:")
        try b.type(String(family.prefix(3)) + " " + String(given.prefix(2)))
        _ = try b.waitFor("\(given) \(family)")
        try b.send("Enter")
        _ = try b.waitFor("┌ Översikt")
        try b.send("F5")
        _ = try b.waitFor("Inkorg")
        // The patient's own referrals: the one just sent, still open.
        try b.send("Tab", "Tab")
        #expect(try b.waitFor("Knäsmärta").contains("skickad"))
        try b.send("x")
        _ = try b.waitFor("Bekräfta mottagande")
        try b.send("Enter")
        _ = try b.waitFor("Bekräfta mottagande:")
        try b.send("j")
        #expect(try b.waitFor("Status nu mottagen").contains("mottagen"))

        // The first nurse sees the new state without touching a key, within two seconds.
        try a.seesWithoutAKey("mottagen")

        try NaraTerminal.quit(a, b)
    }

}
