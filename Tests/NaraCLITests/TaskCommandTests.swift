import Foundation
import Testing

/// Tasks on the command line, against the real binary and a demo store.
@Suite struct TaskCommandTests {
    @Test func writeListAndCompleteATask() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try CareRequestCommandTests.Demo(folder)
        func run(_ arguments: [String]) throws -> NaraBinary.Result {
            try d.run(["task"] + arguments + ["--user", d.user, "--patient", d.pnr])
        }
        let add = try run(["add", "--text", "Ring om provsvar", "--to-unit", d.unit, "--due", "2099-01-01",
                           "--priority", "urgent"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.hasPrefix("Task ") && add.stdout.contains("due 2099-01-01"))
        let id = try sqliteShell(d.path, "SELECT max(id) FROM patient_task")
        let list = try run(["list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["state"] as? String == "open" && rows.first?["priority"] as? String == "urgent")
        let inbox = try d.run(["task", "inbox", "--user", d.user, "--format", "csv"])
        #expect(inbox.status == 0 && inbox.stdout.contains(",\(d.pnr),") && inbox.stdout.contains(",Ring om provsvar,open"))
        let done = try run(["done", "--id", id, "--reply", "Ringt"])
        #expect(done.status == 0, "\(done.stderr)")
        let csv = try run(["list", "--format", "csv"])
        #expect(csv.stdout.contains(",Ringt\n") && csv.stdout.contains(",done "))
        // Done, it leaves the inbox (the demo's own tasks may still be there).
        #expect(try !d.run(["task", "inbox", "--user", d.user]).stdout.contains("Ring om provsvar"))
        #expect(try run(["add", "--text", "Två", "--to-unit", d.unit, "--to-staff", d.user]).status != 0)
        #expect(try run(["add", "--text", "X", "--to-unit", d.unit, "--priority", "high"]).status != 0)
        let details = try sqliteShell(d.path, "SELECT detail FROM access_log WHERE detail LIKE 'task%' ORDER BY id")
        #expect(details.contains("task to \(d.unit) [listing]"))
        #expect(details.contains("task \(id) done [listing]"))
    }
}
