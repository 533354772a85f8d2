import Foundation
import Testing

@Suite struct WorklistCommandTests {
    @Test func printsEachListInEachFormat() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "3000", "--today", "2026-11-23"]).status == 0)
        let table = try NaraBinary.run(["worklist", "elderly-multimorbid", "--store", path, "--today", "2026-11-23"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("no named care contact"))
        let csv = try NaraBinary.run(["worklist", "overdue-referrals", "--store", path, "--today", "2026-11-23",
                                      "--format", "csv"])
        #expect(csv.stdout.hasPrefix("identifier,name,age,listing_unit,reason\n"))
        #expect(csv.stdout.contains("past the care-guarantee deadline"))
        let json = try NaraBinary.run(["worklist", "discharged", "--store", path, "--today", "2026-11-23",
                                       "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed != nil)
        #expect(parsed?.allSatisfy { $0["kind"] as? String == "discharged" } == true)
        // Nobody on the list has died: they would have left it.
        #expect(parsed?.allSatisfy { $0["deceased"] as? Bool == false && $0["deceased_on"] is NSNull } == true)
        let rejected = try NaraBinary.run(["worklist", "rejected-referrals", "--store", path, "--today", "2026-11-23",
                                           "--format", "csv"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let rows = rejected.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("not acted on") })
        let noGP = try NaraBinary.run(["worklist", "no-named-gp", "--store", path, "--today", "2026-11-23", "--limit", "5"])
        #expect(noGP.status == 0, "\(noGP.stderr)")
        #expect(noGP.stdout.contains("no named GP here"))
        let bad = try NaraBinary.run(["worklist", "nonsense", "--store", path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("elderly-multimorbid"))
    }
}

@Suite struct WorklistUserTests {
    @Test func anUnknownUserIsAnErrorNotTheDemoNurse() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("u.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
        let r = try NaraBinary.run(["worklist", "discharged", "--store", path, "--user", "nobody"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown user 'nobody'"))
    }

    /// Mina patienter: the patients the user is named contact for today, each logged.
    @Test func myPatientsListsTheUsersNamedContactPatientsAndLogsEach() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
        let user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let expected = try sqliteShell(path, """
            SELECT count(*) FROM care_contact WHERE staff_id = '\(user)' AND annulled_at IS NULL
              AND from_date <= date('now') AND (to_date IS NULL OR to_date > date('now'))
            """)
        let csv = try NaraBinary.run(["worklist", "my-patients", "--store", path, "--user", user, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("identifier,name,role,since,last_encounter,next_planned,coc,work_lists\n"))
        #expect(String(csv.stdout.split(separator: "\n").count - 1) == expected)
        #expect(try sqliteShell(path, "SELECT count(*) FROM access_log WHERE detail LIKE 'my patients%'") == expected)
        let noUser = try NaraBinary.run(["worklist", "my-patients", "--store", path])
        #expect(noUser.status != 0 && noUser.stderr.contains("--user"))
    }
}
