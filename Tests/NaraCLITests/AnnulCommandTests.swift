import Foundation
import Testing

/// Makulering on the command line, against the real binary and a demo store.
@Suite struct AnnulCommandTests {
    @Test func annulAnEncounterListItAndRefuseASecondTime() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
        let user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        // An encounter of the user's own unit, with a patient listed there.
        let row = try sqliteShell(path, """
            SELECT e.id || ' ' || substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM encounter e
            JOIN patient p ON p.id = e.patient_id JOIN staff s ON s.id = '\(user)'
            JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL AND l.unit_id = s.unit_id
            WHERE e.unit_id = s.unit_id AND p.ident_kind = 'personnummer' AND p.protected = 0
            ORDER BY e.id LIMIT 1
            """).split(separator: " ").map(String.init)
        let (id, pnr) = (row[0], row[1])
        func run(_ args: [String]) throws -> NaraBinary.Result {
            try NaraBinary.run(["annul"] + args + ["--store", path, "--user", user, "--patient", pnr])
        }
        let short = try run(["encounter", id, "--reason", "x"])
        #expect(short.status == 1 && short.stderr.contains("at least"))
        let done = try run(["encounter", id, "--reason", "Registrerad på fel patient"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Encounter \(id) of"))
        let list = try run(["list"])
        let line = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("encounter\t\(id)\t") })
        #expect(line.contains("annulled") && line.contains("Registrerad på fel patient"))
        let again = try run(["encounter", id, "--reason", "Registrerad på fel patient"])
        #expect(again.status == 1 && again.stderr.contains("already annulled"))
        #expect(try sqliteShell(path, "SELECT annulled_by FROM encounter WHERE id = \(id)") == user)
        #expect(try sqliteShell(path, "SELECT count(*) FROM access_log WHERE detail LIKE 'annul encounter \(id)%'") == "1")
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)
    }
}
