import Foundation
import Testing

/// The ward's notices on the command line, against the real binary and a demo store:
/// each step is logged and moves the patient between the discharge work lists.
@Suite struct DischargeCommandTests {
    static func iso(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Stockholm")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    @Test func noticeReadyDischargedAndTheLists() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("d.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
        let user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let pnr = try sqliteShell(path, """
            SELECT substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM patient p
            JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            JOIN staff s ON s.id = '\(user)' AND s.unit_id = l.unit_id
            WHERE p.ident_kind = 'personnummer' AND p.protected = 0 AND p.deceased = 0
              AND NOT EXISTS (SELECT 1 FROM discharge_notice n WHERE n.patient_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = p.id AND c.role = 'care_contact')
            ORDER BY p.id LIMIT 1
            """)
        let ward = try sqliteShell(path, "SELECT id FROM care_unit WHERE kind = 'hospital' ORDER BY id LIMIT 1")
        let wardName = try sqliteShell(path, "SELECT name FROM care_unit WHERE id = '\(ward)'")
        let day = 86_400.0, now = Date()
        let today = Self.iso(now), admitted = Self.iso(now - 2 * day), expected = Self.iso(now + 3 * day)
        func run(_ arguments: [String]) throws -> NaraBinary.Result {
            try NaraBinary.run(arguments + ["--store", path, "--user", user])
        }
        func logRows() throws -> Int { Int(try sqliteShell(path, "SELECT count(*) FROM access_log")) ?? 0 }
        let before = try logRows()

        let notice = try run(["discharge", "notice", "--patient", pnr, "--unit", ward, "--admitted", admitted,
                              "--expected", expected])
        #expect(notice.status == 0, "\(notice.stderr)")
        #expect(notice.stdout.contains("Admission notice recorded: admitted \(admitted) at \(ward)"))
        #expect(try logRows() == before + 1)
        let admissions = try run(["worklist", "admissions", "--today", today, "--format", "csv"])
        #expect(admissions.status == 0, "\(admissions.stderr)")
        #expect(admissions.stdout.contains("Admitted \(admitted) at \(wardName), expected discharge in 3 days"))

        let ready = try run(["discharge", "ready", "--patient", pnr, "--unit", ward, "--on", today])
        #expect(ready.status == 0, "\(ready.stderr)")
        #expect(ready.stdout.contains("Call the SIP by \(Self.iso(now + 3 * day))"))
        let waiting = try run(["worklist", "ready-for-discharge", "--today", today, "--format", "csv"])
        #expect(waiting.stdout.contains("Ready for discharge \(today) at \(wardName), no SIP: call within 3 days"))

        let out = try run(["discharge", "discharged", "--patient", pnr, "--unit", ward, "--on", today])
        #expect(out.status == 0, "\(out.stderr)")
        let list = try run(["discharge", "list", "--patient", pnr, "--format", "csv"])
        #expect(list.stdout.hasPrefix("ward,admitted,expected,ready,sip_due,discharged,recorded_by\n"))
        #expect(list.stdout.contains("\(ward),\(admitted),\(expected),\(today),\(Self.iso(now + 3 * day)),\(today),\(user)"))
        #expect(!(try run(["worklist", "ready-for-discharge", "--today", today, "--format", "csv"]))
            .stdout.contains("Ready for discharge \(today) at \(wardName)"))

        let twice = try run(["discharge", "ready", "--patient", pnr, "--unit", ward])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("record the admission notice first"))
        let notAWard = try run(["discharge", "notice", "--patient", pnr, "--unit", "nowhere"])
        #expect(notAWard.status != 0)
        let stays = try sqliteShell(path, "SELECT count(*) FROM discharge_notice")
        #expect(try NaraBinary.run(["check", "--store", path]).stdout.contains("discharge_notice\t\(stays)"))
    }
}
