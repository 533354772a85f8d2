import Foundation
import Testing

@Suite struct AuditCommandTests {

    @Test func verifyHeadAndExtract() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "200", "--today", "2026-11-23"]).status == 0)
        for _ in 0..<3 {
            let list = try NaraBinary.run(["worklist", "discharged", "--store", path, "--today", "2026-11-23"])
            #expect(list.status == 0, "\(list.stderr)")
        }
        #expect(try NaraBinary.run(["selftest", "write", "--store", path, "--count", "3"]).status == 0)

        let verify = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("intact: "))
        let head = try NaraBinary.run(["audit", "head", "--store", path])
        #expect(head.status == 0, "\(head.stderr)")
        let parts = head.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(parts.count == 2)
        #expect(parts.last?.count == 64 && parts.last?.allSatisfy(\.isHexDigit) == true)
        #expect(verify.stdout.contains(parts.last ?? "-"))

        // The patient selftest wrote to, and a user to take the extract as.
        let ident = try sqliteShell(path, """
            SELECT p.ident FROM access_log l JOIN patient p ON p.id = l.patient_id
            WHERE l.detail LIKE 'encounter%' ORDER BY l.id DESC LIMIT 1
            """)
        // A log reviewer takes the extract a patient asks for.
        let user = try sqliteShell(path, "SELECT id FROM staff WHERE roles LIKE '%administrator%' AND active = 1 LIMIT 1")
        #expect(!ident.isEmpty && !user.isEmpty)
        let csv = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                      "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        // In words a patient can judge, no internal codes.
        #expect(csv.stdout.hasPrefix("time,unit,person,what,emergency,reason\n"))
        #expect(csv.stdout.split(separator: "\n").filter { $0.contains(",registrerade en vårdkontakt,nej,") }.count >= 3)
        #expect(!csv.stdout.contains("encounter"))
        let json = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                       "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // The CSV extract above is in the JSON one: taking an extract is logged.
        let userName = try sqliteShell(path, "SELECT name FROM staff WHERE id = '\(user)'")
        #expect(parsed.contains { ($0["what"] as? String) == "tog ut loggutdrag" && ($0["person"] as? String) == userName })
        let text = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                       "--format", "text", "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(": recorded an encounter\n"), "\(text.stdout)")
        #expect(text.stdout.contains(", \(userName): took a log extract"), "\(text.stdout)")
        let table = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path])
        #expect(table.stdout.contains("person"))
        #expect(try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", "nobody", "--store", path])
            .status != 0)
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)

        _ = try sqliteShell(path, "DROP TRIGGER access_log_no_update; UPDATE access_log SET detail = 'x' WHERE id = 2;")
        let broken = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken at row 2:"), "\(broken.stderr)")
    }
}
