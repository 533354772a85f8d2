import Foundation
import Testing

@Suite struct AuditReviewCommandTests {

    @Test func reviewMarkAndReviewAgain() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "200", "--today", "2026-11-23"]).status == 0)
        #expect(try NaraBinary.run(["selftest", "write", "--store", path, "--count", "3"]).status == 0)
        let admin = try sqliteShell(path, "SELECT id FROM staff WHERE roles LIKE '%administrator%' AND active = 1 LIMIT 1")
        let clinician = try sqliteShell(path, "SELECT id FROM staff WHERE roles NOT LIKE '%administrator%' AND active = 1 LIMIT 1")
        #expect(!admin.isEmpty && !clinician.isEmpty)
        let review = ["audit", "review", "--store", path, "--user", admin, "--seed", "5", "--sample", "50"]

        let json = try NaraBinary.run(review + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(parsed["rows"] as? [[String: Any]])
        #expect(rows.contains { ($0["detail"] as? String)?.hasPrefix("encounter") == true })
        #expect(rows.allSatisfy { ($0["reviewed"] as? Bool) == false })
        let target = try #require(rows.first { ($0["staff_id"] as? String) != admin }?["row"] as? Int)

        let mark = ["audit", "mark", "--store", path, "--row", String(target), "--verdict", "follow-up",
                    "--comment", "Kontrollera med enhetschefen"]
        let refused = try NaraBinary.run(mark + ["--user", clinician])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("only an administrator"), "\(refused.stderr)")
        #expect(try NaraBinary.run(review.dropLast(4).map { $0 == admin ? clinician : $0 }).status == 1)

        let marked = try NaraBinary.run(mark + ["--user", admin])
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(marked.stdout.contains("row \(target) reviewed: follow-up"))
        let again = try NaraBinary.run(mark + ["--user", admin])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")

        let table = try NaraBinary.run(review)
        #expect(table.status == 0, "\(table.stderr)")
        let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("\(target) ") })
        #expect(line.contains("follow-up") && line.contains("Kontrollera med enhetschefen"))
        #expect(table.stdout.contains("seed 5"))
        let csv = try NaraBinary.run(review + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("row,why,time,staff_id,staff_name,unit_name,patient,action,detail,reason,review,reviewer,comment\n"))
        #expect(try sqliteShell(path, "SELECT count(*) FROM access_log WHERE detail = 'log review of row \(target): follow_up'") == "1")
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)
    }
}
