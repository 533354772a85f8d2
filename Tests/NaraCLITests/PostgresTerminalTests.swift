import Foundation
import NaraPostgresTesting
import Testing
import TmuxTesting

/// Sessions on a region's PostgreSQL database, through the real binary under tmux: two
/// nurses of one vårdcentral open Min dag on a copy of a demo, one assesses a care
/// request and the other sees the count fall without a key (the change counters,
/// polled); one finds and opens a patient. Every step is in the database's log, which
/// verifies, and in the patient's log extract.
@Suite(.serialized, .enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresTerminalTests {
    @Test func twoNursesOnOneDatabaseSeeEachOthersWorkAndEveryStepIsLogged() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, region) = try PostgresOperatorCommandTests.copiedDemo(in: folder, patients: 2000)
        let facts = try sqliteShell(demo, """
            SELECT value FROM store_meta WHERE key = 'demo_user';
            SELECT s.id || '|' || s.name FROM staff s JOIN staff d ON d.id = (SELECT value FROM store_meta WHERE key = 'demo_user')
             WHERE s.unit_id = d.unit_id AND s.id <> d.id AND s.active = 1 AND s.roles = 'nurse' ORDER BY s.id LIMIT 1;
            SELECT p.given_name || '|' || p.family_name || '|' || substr(p.ident, 1, 8) || '-' || substr(p.ident, 9)
              FROM patient p JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
             WHERE l.unit_id = (SELECT unit_id FROM staff WHERE id = (SELECT value FROM store_meta WHERE key = 'demo_user'))
               AND p.protected = 0 AND p.deceased = 0 AND p.ident_kind = 'personnummer'
             ORDER BY p.id LIMIT 1;
            """).split(separator: "\n").map(String.init)
        let nurse = facts[0]
        let (colleague, colleagueName) = (String(facts[1].split(separator: "|")[0]), String(facts[1].split(separator: "|")[1]))
        let patient = facts[2].split(separator: "|").map(String.init)
        let (given, family, pnr) = (patient[0], patient[1], patient[2])
        let headBefore = try PostgresOperatorCommandTests.ok(["audit", "head", "--store", region])

        func start(_ user: String) throws -> NaraTerminal {
            NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                         arguments: ["--store", region, "--user", user]))
        }
        let first = try start(nurse)
        let day = try first.waitFor { $0.contains("┌ Min dag") && $0.contains("Begäran ") }
        let open = try #require(day.firstMatch(of: /Begäran (\d+)/).flatMap { Int($0.1) })
        try #require(open > 0, "the demo gives the unit open care requests")
        let second = try start(colleague)
        _ = try second.waitFor("Begäran \(open)")

        // The first assesses the request at the top; the second sees one fewer without a key.
        try first.send("b")
        #expect(try first.waitFor("Bedömning registrerad").contains("3-klockan har stannat"))
        try second.seesWithoutAKey("Begäran \(open - 1)")

        // The second finds the patient by identifier and opens the record.
        try second.send("F2")
        _ = try second.waitFor("Sök:")
        try second.type(pnr)
        _ = try second.waitFor("\(given) \(family)")
        try second.send("Enter")
        #expect(try second.waitFor("┌ Översikt").contains(pnr))
        try NaraTerminal.quit(first, second)

        #expect(try PostgresOperatorCommandTests.ok(["audit", "verify", "--store", region]).contains("intact"))
        #expect(try PostgresOperatorCommandTests.ok(["audit", "head", "--store", region]) != headBefore)
        let extract = try PostgresOperatorCommandTests.ok(["audit", "extract", "--store", region, "--patient", pnr,
                                                           "--user", nurse, "--format", "csv"])
        #expect(extract.contains(colleagueName + ",läste journalen"), "the colleague's opening of the record is in the patient's extract")
    }
}
