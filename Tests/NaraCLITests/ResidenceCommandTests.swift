import Foundation
import Testing

/// SÄBO residence on the command line: recorded, logged, and it puts the patient on the
/// list of residents without a named GP; the reform's lists run on a demo store.
@Suite struct ResidenceCommandTests {
    @Test func saboPutsAResidentWithoutANamedGPOnTheList() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "3000", "--today", "2026-11-23"]).status == 0)
        let user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let pnr = try sqliteShell(path, """
            SELECT substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM patient p
            JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            JOIN staff s ON s.id = '\(user)' AND s.unit_id = l.unit_id
            WHERE p.ident_kind = 'personnummer' AND p.protected = 0 AND p.deceased = 0 AND p.residential_care = 0
              AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = p.id AND c.role = 'named_physician')
            ORDER BY p.id LIMIT 1
            """)
        func list() throws -> String {
            let r = try NaraBinary.run(["worklist", "sabo-without-named-gp", "--store", path, "--format", "csv"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let before = try list()
        #expect(before.contains("SÄBO, listed here since"))
        #expect(!before.contains(pnr))
        let yes = try NaraBinary.run(["sabo", "yes", "--patient", pnr, "--store", path, "--user", user])
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(try sqliteShell(path, "SELECT detail FROM access_log ORDER BY id DESC LIMIT 1")
            .contains("residential care yes"))
        #expect(try list().contains(pnr))
        #expect(try NaraBinary.run(["sabo", "no", "--patient", pnr, "--store", path, "--user", user]).status == 0)
        #expect(try !list().contains(pnr))

        // An eye screening recorded today takes that part off a diabetic's yearly check.
        let diabetic = try sqliteShell(path, """
            SELECT substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM patient p
            JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            JOIN staff s ON s.id = '\(user)' AND s.unit_id = l.unit_id
            WHERE p.ident_kind = 'personnummer' AND p.protected = 0 AND p.deceased = 0
              AND EXISTS (SELECT 1 FROM problem pr WHERE pr.patient_id = p.id AND pr.code LIKE 'E11%')
              AND NOT EXISTS (SELECT 1 FROM check_done c WHERE c.patient_id = p.id AND c.item = 'eye_screening'
                              AND c.done_on > date('now', '-12 months'))
            ORDER BY p.id LIMIT 1
            """)
        #expect(!diabetic.isEmpty)
        func yearly() throws -> String {
            try NaraBinary.run(["worklist", "yearly-check-due", "--store", path, "--format", "csv", "--limit", "5000"]).stdout
        }
        let row = try #require(try yearly().split(separator: "\n").first { $0.hasPrefix(diabetic) })
        #expect(row.contains("eye screening"))
        let done = try NaraBinary.run(["yearly-check", "--item", "eye-screening", "--patient", diabetic, "--store", path,
                                       "--user", user])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try yearly().split(separator: "\n").first { $0.hasPrefix(diabetic) }?.contains("eye screening") != true)
        #expect(try NaraBinary.run(["yearly-check", "--item", "hba1c", "--patient", diabetic, "--store", path,
                                    "--user", user]).status != 0)

        let multimorbid = try NaraBinary.run(["worklist", "multimorbid-elderly", "--store", path, "--format", "csv"])
        #expect(multimorbid.status == 0, "\(multimorbid.stderr)")
        #expect(multimorbid.stdout.hasPrefix("identifier,name,age,listing_unit,reason\n"))
    }
}
