import Foundation
import Testing

/// Care requests and the guarantee report on the command line, against the real binary
/// and a demo store.
@Suite struct CareRequestCommandTests {
    struct Demo {
        let path: String
        let pnr: String
        let user: String
        let unit: String

        init(_ folder: URL) throws {
            path = folder.appendingPathComponent("c.sqlite").path
            #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
            user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
            unit = try sqliteShell(path, "SELECT unit_id FROM staff WHERE id = '\(user)'")
            pnr = try sqliteShell(path, """
                SELECT substr(p.ident, 1, 8) || '-' || substr(p.ident, 9) FROM patient p
                JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL AND l.unit_id = '\(unit)'
                WHERE p.ident_kind = 'personnummer' AND p.protected = 0
                  AND NOT EXISTS (SELECT 1 FROM care_request c WHERE c.patient_id = p.id)
                ORDER BY p.id LIMIT 1
                """)
        }

        func run(_ arguments: [String]) throws -> NaraBinary.Result {
            try NaraBinary.run(arguments + ["--store", path])
        }
    }

    @Test func registerContactAssessAndListACareRequest() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let add = try d.run(["care-request", "add", "--user", d.user, "--patient", d.pnr, "--channel", "phone",
                             "--reason", "Feber sedan tre dagar", "--callback", "08:00-10:00"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.hasPrefix("Care request "))
        let callbacks = try d.run(["care-request", "list", "--user", d.user, "--callbacks", "--format", "json"])
        #expect(callbacks.status == 0, "\(callbacks.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(callbacks.stdout.utf8)) as? [[String: Any]])
        let mine = try #require(rows.first { $0["identifier"] as? String == d.pnr })
        #expect(mine["callback"] as? String == "08:00–10:00")
        #expect(mine["reason"] as? String == "Feber sedan tre dagar")
        let slots = rows.compactMap { $0["callback"] as? String }
        #expect(slots.count == rows.count && slots == slots.sorted())
        let logged = try sqliteShell(d.path, "SELECT count(*) FROM access_log WHERE detail LIKE 'callback list [%'")
        #expect(Int(logged) == rows.count)

        let noAnswer = try d.run(["care-request", "no-answer", "--user", d.user, "--patient", d.pnr])
        #expect(noAnswer.status == 0, "\(noAnswer.stderr)")
        #expect(noAnswer.stdout.contains(": 1 unanswered call; contact due "))
        let again = try d.run(["care-request", "list", "--user", d.user, "--callbacks", "--format", "csv"])
        #expect(again.stdout.split(separator: "\n").contains { $0.contains(d.pnr) && $0.contains(",08:00–10:00,\"1, last ") })
        let contacted = try d.run(["care-request", "contacted", "--user", d.user, "--patient", d.pnr])
        #expect(contacted.status == 0, "\(contacted.stderr)")
        #expect(contacted.stdout.contains("contacted within the 0-day limit"))
        let assessed = try d.run(["care-request", "assessed", "--user", d.user, "--patient", d.pnr])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(assessed.stdout.contains("assessed within the 3-day limit"))
        let open = try d.run(["care-request", "list", "--user", d.user, "--format", "csv"])
        #expect(open.status == 0 && open.stdout.hasPrefix("id,registered,identifier,name,"))
        #expect(!open.stdout.contains(d.pnr))
        let details = try sqliteShell(d.path, "SELECT detail FROM access_log WHERE detail LIKE 'care request %' ORDER BY id")
        #expect(details.contains("registered [listing]"))
        #expect(details.contains("oldest open no answer [listing]"))
        #expect(details.contains("oldest open contacted [listing]"))
        #expect(details.contains("oldest open assessed [listing]"))
        #expect(try NaraBinary.run(["audit", "verify", "--store", d.path]).status == 0)
    }

    @Test func badInputIsRefusedBeforeAnythingIsWritten() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let before = try sqliteShell(d.path, "SELECT count(*) FROM care_request")
        for extra in [["--channel", "fax"], ["--channel", "phone", "--callback", "10-08"],
                      ["--channel", "phone", "--problem", "old"]] {
            let r = try d.run(["care-request", "add", "--user", d.user, "--patient", d.pnr, "--reason", "Hosta"] + extra)
            #expect(r.status != 0)
        }
        #expect(try sqliteShell(d.path, "SELECT count(*) FROM care_request") == before)
        #expect(try d.run(["check"]).stdout.contains("care_request\t\(before)\n"))
        #expect(try d.run(["care-request", "contacted", "--user", d.user, "--patient", d.pnr]).status != 0)
    }

    @Test func theGuaranteeReportCountsKeptSharesPerDayAndMonth() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Demo(folder)
        let patient = try sqliteShell(d.path, "SELECT id FROM patient ORDER BY id LIMIT 1")
        func s(_ utc: String) -> String { "strftime('%s', '\(utc)')" }
        func row(_ registered: String, _ day: String, _ contacted: String, _ assessed: String) -> String {
            """
            INSERT INTO care_request(patient_id, unit_id, channel, problem, reason, registered_at, registered_on,
                registered_by, contacted_at, contacted_by, assessed_at, assessed_by)
            VALUES (\(patient), '\(d.unit)', 'phone', 'new', 'Hosta', \(s(registered)), '\(day)', '\(d.user)',
                \(s(contacted)), '\(d.user)', \(s(assessed)), '\(d.user)');
            """
        }
        // Times are UTC: 22:50 on 31 January is 23:50 in Sweden, still that day's contact.
        _ = try sqliteShell(d.path, row("2026-01-30 09:00", "2026-01-30", "2026-01-30 10:00", "2026-02-02 09:00")
                            + row("2026-01-31 22:50", "2026-01-31", "2026-01-31 23:10", "2026-02-04 09:00")
                            + row("2026-02-10 09:00", "2026-02-10", "2026-02-10 09:30", "2026-02-10 12:00"))
        let r = try d.run(["report", "guarantees", "--user", d.user, "--unit", d.unit, "--from", "2026-01-01",
                           "--to", "2026-02-28", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            scope,period,requests,contact_kept,contact_pending,contact_share,assessment_kept,assessment_pending,\
            assessment_share
            day,2026-01-30,1,1,0,1.0000,1,0,1.0000
            day,2026-01-31,1,0,0,0.0000,0,0,0.0000
            day,2026-02-10,1,1,0,1.0000,1,0,1.0000
            month,2026-01,2,1,0,0.5000,1,0,0.5000
            month,2026-02,1,1,0,1.0000,1,0,1.0000

            """)
        let table = try d.run(["report", "guarantees", "--user", d.user, "--unit", d.unit, "--from", "2026-01-01",
                               "--to", "2026-02-28"])
        #expect(table.stdout.contains("50.0 %"))
        let json = try d.run(["report", "guarantees", "--user", d.user, "--unit", d.unit, "--from", "2026-02-01",
                              "--to", "2026-02-28", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows.first?["requests"] as? Int == 1 && rows.first?["contact_share"] as? Double == 1)
        let logged = try sqliteShell(d.path, """
            SELECT count(*) FROM access_log WHERE detail LIKE 'guarantee report %' AND patient_id IS NULL
            """)
        #expect(logged == "3")
        #expect(try d.run(["report", "guarantees", "--user", d.user, "--unit", d.unit, "--from", "2026-03-01",
                           "--to", "2026-02-01"]).status != 0)
    }
}
