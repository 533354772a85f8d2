import Foundation
import Testing

/// `nara report continuity` through the real binary, on a demo region.
@Suite struct ReportCommandTests {
    static let day = "2026-11-23"

    func demoStore(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("r.sqlite").path
        let built = try NaraBinary.run(["demo", "--store", path, "--patients", "3000", "--today", Self.day])
        #expect(built.status == 0, "\(built.stderr)")
        return path
    }

    func report(_ path: String, _ extra: [String]) throws -> NaraBinary.Result {
        try NaraBinary.run(["report", "continuity", "--store", path, "--today", Self.day] + extra)
    }

    /// A personnummer or samordningsnummer written either way.
    func namesAPatient(_ text: String) -> Bool {
        text.range(of: #"\b(19|20)?\d{6}[-+]\d{4}\b"#, options: .regularExpression) != nil
    }

    @Test func eachFormatAndItsAccessLogRow() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try demoStore(folder)

        let table = try report(path, [])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Continuity of care 2025-05-24 – 2026-11-23 (18 months)\n"))
        #expect(table.stdout.contains("care contact for"))
        #expect(table.stdout.contains("physicians") && table.stdout.contains("all staff"))
        #expect(!namesAPatient(table.stdout))

        let csv = try report(path, ["--format", "csv", "--months", "12"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let header: String = """
            window_from,window_to,months,min_encounters,scope,unit_id,unit_name,staff_id,staff_name,profession,\
            patients,care_contact_patients,care_contact_share,named_gp_patients,named_gp_share,own_encounter_share,\
            profession_group,measured_patients,too_few_encounters,coc_mean,coc_p25,coc_median,coc_p75,\
            upc_mean,upc_p25,upc_median,upc_p75
            """
        #expect(lines.first == header)
        let rows: [[Substring]] = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count > 6 && rows.count % 3 == 0)
        #expect(rows.allSatisfy { $0.count == 27 })  // demo names hold no comma
        #expect(rows.allSatisfy { $0[0] == "2025-11-24" && $0[1] == "2026-11-23" && $0[2] == "12" })
        let unitRows = rows.filter { $0[4] == "unit" }
        #expect(!unitRows.isEmpty && rows.contains { $0[4] == "staff" })
        // Measured and too few add up to the unit's listed patients; decimals use a dot.
        for r in unitRows {
            #expect(Int(r[17])! + Int(r[18])! == Int(r[10])!)
        }
        #expect(unitRows.contains { $0[16] == "all_staff" && $0[19].contains(".") && Double($0[19]) != nil })
        #expect(!namesAPatient(csv.stdout))

        let json = try report(path, ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["report", "window", "min_encounters", "units", "staff"])
        #expect((object["window"] as? [String: Any])?["from"] as? String == "2025-05-24")
        let units = try #require(object["units"] as? [[String: Any]])
        let first = try #require(units.first)
        #expect(Set(first.keys) == ["unit_id", "unit_name", "listed_patients", "care_contact_patients",
                                    "care_contact_share", "named_gp_patients", "named_gp_share", "continuity"])
        let groups = try #require(first["continuity"] as? [String: Any])
        #expect(Set(groups.keys) == ["physicians", "nurses", "all_staff"])
        let all = try #require(groups["all_staff"] as? [String: Any])
        #expect(Set(all.keys) == ["measured_patients", "too_few_encounters", "coc", "upc"])
        #expect(!namesAPatient(json.stdout))

        // One row per report, without a patient: printed for the table, exported otherwise.
        let logged = try sqliteShell(path, """
            SELECT action || '|' || (patient_id IS NULL) || '|' || staff_id || '|' || detail FROM access_log
            WHERE detail LIKE 'continuity report%' ORDER BY id
            """).split(separator: "\n").map(String.init)
        #expect(logged.count == 3)
        #expect(logged.first?.hasPrefix("print|1|") == true)
        #expect(logged.first?.contains("continuity report 2025-05-24..2026-11-23 (18 months, min 3 encounters), table")
                == true)
        #expect(logged.dropFirst().allSatisfy { $0.hasPrefix("export|1|") })
        #expect(logged[1].contains("2025-11-24..2026-11-23 (12 months"))
    }

    @Test func badFlagsAreRefusedOnStderr() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("none.sqlite").path
        for (flags, message) in [(["--months", "0"], "--months must be 1 to 240"),
                                 (["--format", "xml"], "xml"),
                                 (["--min-encounters", "1"], "--min-encounters must be at least 2"),
                                 (["--today", "2026-13-01"], "--today must be a date")] {
            let r = try NaraBinary.run(["report", "continuity", "--store", path] + flags)
            #expect(r.status != 0, "\(flags)")
            #expect(r.stderr.contains(message), "\(flags): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func aProductionStoreNeedsTheUser() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let anonymous = try NaraBinary.run(["report", "continuity", "--store", fixture.store])
        #expect(anonymous.status == 1)
        #expect(anonymous.stderr.contains("--user"))
        let named = try NaraBinary.run(["report", "continuity", "--store", fixture.store, "--user", "anna.lund",
                                        "--format", "csv"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.split(separator: "\n").count == 1)  // the header: no unit has listed patients
        let logged = try sqliteShell(fixture.store, """
            SELECT action || '|' || staff_id FROM access_log WHERE detail LIKE 'continuity report%'
            """)
        #expect(logged == "export|anna.lund")
    }
}
