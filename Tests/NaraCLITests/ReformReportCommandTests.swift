import Foundation
import Testing

/// `nara report reform` on a demo store: a row a month in each format, logged once.
@Suite struct ReformReportCommandTests {
    @Test func aRowPerMonthInEachFormat() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "1000", "--today", "2026-11-23"]).status == 0)
        let unit = try sqliteShell(path, "SELECT id FROM care_unit WHERE kind = 'primary_care' ORDER BY id LIMIT 1")
        func run(_ extra: [String]) throws -> NaraBinary.Result {
            try NaraBinary.run(["report", "reform", "--unit", unit, "--store", path, "--today", "2024-02-29"] + extra)
        }
        let table = try run(["--months", "3"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2023-12 "))
        #expect(table.stdout.contains("2024-02 "))
        #expect(table.stdout.contains("Goals: named GP ≥ 55 %"))
        let csv = try run(["--months", "2", "--format", "csv", "--scope", "all-units"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("month,as_of,listed,named_gp,named_gp_share,sabo") == true)
        #expect(lines.last?.hasPrefix("2024-02,2024-02-29,") == true)
        let json = try run(["--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 12)
        #expect(rows?.last?["scope"] as? String == "listing-unit")
        #expect((rows?.last?["listed"] as? Int ?? 0) > 900)
        #expect(try sqliteShell(path, "SELECT detail FROM access_log ORDER BY id DESC LIMIT 1").hasPrefix("reform report"))
        #expect(try run(["--scope", "everywhere"]).status != 0)
    }
}
