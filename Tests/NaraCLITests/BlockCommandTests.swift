import Foundation
import Testing

/// Blocks and consent on the command line, against the real binary and a demo store.
@Suite struct BlockCommandTests {
    struct Demo {
        let path: String
        let pnr: String
        let user: String

        init(_ folder: URL) throws {
            path = folder.appendingPathComponent("b.sqlite").path
            #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
            user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
            pnr = try sqliteShell(path, """
                SELECT substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM patient p
                JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
                WHERE p.ident_kind = 'personnummer' AND p.protected = 0 ORDER BY p.id LIMIT 1
                """)
        }

        func run(_ arguments: [String]) throws -> NaraBinary.Result {
            try NaraBinary.run(arguments + ["--store", path])
        }

        func logRows() throws -> String { try sqliteShell(path, "SELECT count(*) FROM access_log") }
    }

    @Test func addOpenListAndLiftABlock() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let unit = try sqliteShell(d.path, "SELECT id FROM care_unit WHERE kind = 'specialist' ORDER BY id LIMIT 1")
        let add = try d.run(["block", "add", "--user", d.user, "--patient", d.pnr, "--unit", unit,
                             "--reason", "Patientens begäran"])
        #expect(add.status == 0, "\(add.stderr)")
        let open = try d.run(["block", "open", "--user", d.user, "--patient", d.pnr, "--unit", unit,
                              "--for-user", d.user, "--days", "3", "--consent", "--reason", "Patienten samtycker"])
        #expect(open.status == 0, "\(open.stderr)")
        let list = try d.run(["block", "list", "--user", d.user, "--patient", d.pnr])
        #expect(list.stdout.contains("unit \(unit)\t"))
        #expect(list.stdout.contains("active"))
        #expect(list.stdout.contains("opened for user \(d.user)"))
        #expect(try d.run(["block", "lift", "--user", d.user, "--patient", d.pnr, "--unit", unit]).status == 0)
        #expect(!(try d.run(["block", "list", "--user", d.user, "--patient", d.pnr]).stdout.contains("\tactive\t")))
        let details = try sqliteShell(d.path, "SELECT detail FROM access_log WHERE detail LIKE '%block%' ORDER BY id")
        #expect(details.contains("block unit \(unit) [listing]"))
        #expect(details.contains("open block unit \(unit) for \(d.user), 3 days, consent"))
        #expect(details.contains("lift block unit \(unit) [listing]"))
        #expect(try NaraBinary.run(["audit", "verify", "--store", d.path]).status == 0)
    }

    @Test func refusalsExitOneAndWriteNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let unit = try sqliteShell(d.path, "SELECT id FROM care_unit WHERE kind = 'specialist' ORDER BY id LIMIT 1")
        let bad = try d.run(["block", "add", "--user", d.user, "--patient", "19121212-1213", "--unit", unit, "--reason", "x"])
        #expect(bad.status == 1 && bad.stderr.contains("check digit"))
        let before = try d.logRows()
        // A secretary at a specialist clinic has no relationship with the patient.
        let stranger = try sqliteShell(d.path, "SELECT s.id FROM staff s JOIN care_unit u ON u.id = s.unit_id WHERE u.kind = 'specialist' AND s.roles = 'secretary' AND s.active = 1 LIMIT 1")
        let refused = try d.run(["block", "add", "--user", stranger, "--patient", d.pnr, "--unit", unit,
                                 "--reason", "Försök"])
        #expect(refused.status == 1 && refused.stderr.contains("care relationship"), "\(refused.stderr)")
        // The municipality cannot block the region's information.
        let municipal = try sqliteShell(d.path, "SELECT id FROM staff WHERE roles = 'municipal_nurse' AND active = 1 LIMIT 1")
        let other = try d.run(["consent", "add", "--user", municipal, "--patient", d.pnr])
        #expect(other.status == 1, "\(other.stdout)")
        // Nor does the secretary export the patient.
        let export = try d.run(["export", "--user", stranger, "--patient", d.pnr])
        #expect(export.status == 1 && export.stderr.contains("no care relationship"), "\(export.stderr)")
        #expect(try d.logRows() == before)
        let days = try d.run(["block", "open", "--user", d.user, "--patient", d.pnr, "--unit", unit, "--for-user", d.user,
                              "--days", "8", "--consent", "--reason", "x"])
        #expect(days.status != 0 && days.stderr.contains("1 to 7"), "\(days.stderr)")
    }

    @Test func consentLetsAnotherProviderReadAndRevokingEndsIt() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let add = try d.run(["consent", "add", "--user", d.user, "--patient", d.pnr, "--provider", "SE2120001843",
                             "--until", "2099-12-31"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("may read SE2120001843's information until 2099-12-31"))
        let list = try d.run(["consent", "list", "--user", d.user, "--patient", d.pnr])
        #expect(list.stdout.contains("SE2321000164\tSE2120001843\t") && list.stdout.contains("\tactive\t"), "\(list.stdout)")
        #expect(try d.run(["consent", "revoke", "--user", d.user, "--patient", d.pnr]).status == 0)
        #expect(try d.run(["consent", "list", "--user", d.user, "--patient", d.pnr]).stdout.contains("revoked"))
        #expect(try d.run(["consent", "revoke", "--user", d.user, "--patient", d.pnr]).status == 1)
    }

    @Test func theRolesAreListed() throws {
        let roles = try NaraBinary.run(["staff", "roles"])
        #expect(roles.status == 0)
        #expect(roles.stdout.contains("secretary") && roles.stdout.contains("read_identity write_identity"))
        let json = try NaraBinary.run(["staff", "roles", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let admin = try #require(parsed.first { ($0["role"] as? String) == "administrator" })
        #expect(admin["rights"] as? [String] == ["administration", "log_review"])
    }
}
