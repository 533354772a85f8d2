import Foundation
import Testing
import TmuxTesting

/// Two nurses of two care providers through the real binary: the municipal home-care
/// nurse sends a task about a shared patient to the vårdcentral nurse, who sees it on Min
/// dag without a key, marks it done with a reply; the first nurse sees the reply.
@Suite(.serialized) struct MyDayTerminalTests {
    @Test func aTaskBetweenPrincipalsIsSeenAnsweredAndTheAnswerSeen() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("day.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "2000", "--seed", "11"]).status == 0)
        // A patient listed at the vårdcentral whose open coordinated plan home care takes part in.
        let facts = try sqliteShell(store, """
            SELECT (SELECT value FROM store_meta WHERE key = 'demo_user');
            SELECT s.id || '|' || p.given_name || '|' || p.family_name || '|'
                   || substr(p.ident, 1, 8) || '-' || substr(p.ident, 9)
              FROM coordinated_plan cp JOIN plan_participant pp ON pp.plan_id = cp.id
              JOIN patient p ON p.id = cp.patient_id
              JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
              JOIN staff s ON s.unit_id = pp.unit_id AND s.roles = 'municipal_nurse' AND s.active = 1
              WHERE cp.closed_on IS NULL AND pp.unit_id LIKE '%-hs%' AND p.protected = 0 AND p.deceased = 0
                AND p.ident_kind = 'personnummer'
                AND l.unit_id = (SELECT unit_id FROM staff WHERE id = (SELECT value FROM store_meta WHERE key = 'demo_user'))
              ORDER BY p.id, s.id LIMIT 1;
            """).split(separator: "\n").map(String.init)
        let nurse = facts[0]
        let shared = facts[1].split(separator: "|").map(String.init)
        let (municipal, given, family, pnr) = (shared[0], shared[1], shared[2], shared[3])
        // The patient lets the vårdcentral read what home care documented.
        #expect(try NaraBinary.run(["consent", "add", "--store", store, "--user", nurse, "--patient", pnr]).status == 0)

        func start(_ user: String) throws -> NaraTerminal {
            NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                         arguments: ["--store", store, "--user", user]))
        }
        let vc = try start(nurse)
        // The demo gives her unit some tasks already: the new one is counted on top of them.
        let before = try vc.waitFor { $0.contains("┌ Min dag") && $0.contains("Uppgifter ") }
        let tasksBefore = try #require(before.firstMatch(of: /Uppgifter (\d+)/).flatMap { Int($0.1) })
        let home = try start(municipal)
        _ = try home.waitFor("┌ Min dag")

        // Home care opens the patient and writes the task from Min dag (T: the open record).
        try home.send("F2")
        _ = try home.waitFor("Sök:")
        try home.type(pnr)
        _ = try home.waitFor("\(given) \(family)")
        try home.send("Enter")
        _ = try home.waitFor("┌ Översikt")
        try home.send("F8")
        _ = try home.waitFor("┌ Min dag")
        try home.send("T")
        _ = try home.waitFor("Ny uppgift")
        try home.type("Se över dosetten")
        try home.send("Enter")
        try home.type(nurse)
        try home.send("Enter", "Enter", "Enter", "Enter")
        #expect(try home.waitFor("Uppgiften är skickad").contains("Uppgiften är skickad"))

        // The vårdcentral nurse sees it counted without touching a key, within two seconds.
        try vc.seesWithoutAKey("Uppgifter \(tasksBefore + 1)")

        // She finds the row, reads it whole, and marks it done with a reply.
        try vc.send("/")
        try vc.type("dosetten")
        try vc.send("Enter")
        #expect(try vc.waitFor("1 av").contains("Se över dosetten"))
        try vc.send("d")
        _ = try vc.waitFor("Uppgift klar")
        try vc.type("Dosetten ändrad")
        try vc.send("Enter")
        #expect(try vc.waitFor("Uppgiften är klar").contains("Uppgiften är klar"))

        // Home care sees the reply on Min dag, again without a key.
        try home.seesWithoutAKey("svarade: Dosetten ändrad")

        try NaraTerminal.quit(vc, home)
        // Each step was logged with the patient, at both providers.
        let log = try sqliteShell(store, "SELECT staff_id || ' ' || detail FROM access_log WHERE detail LIKE 'task%'")
        #expect(log.contains("\(municipal) task to \(nurse)"))
        #expect(log.contains("\(nurse) task list"))
    }
}
