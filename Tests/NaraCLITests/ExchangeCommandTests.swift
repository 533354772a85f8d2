import Foundation
import Testing
import TmuxTesting

/// `nara import` and `nara export` through the real binary.
@Suite struct ExchangeCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../NaraFHIRTests/Fixtures").standardized
    static let bundle = fixtures.appendingPathComponent("clinic-transaction.json").path
    static let ndjson = fixtures.appendingPathComponent("encounters.ndjson").path

    static func counts(_ store: String) throws -> String {
        try sqliteShell(store, """
            SELECT (SELECT count(*) FROM patient) || ' ' || (SELECT count(*) FROM encounter) || ' ' ||
                   (SELECT count(*) FROM referral) || ' ' || (SELECT count(*) FROM referral_event) || ' ' ||
                   (SELECT count(*) FROM care_contact) || ' ' || (SELECT count(*) FROM problem) || ' ' ||
                   (SELECT count(*) FROM coordinated_plan) || ' ' || (SELECT count(*) FROM staff) || ' ' ||
                   (SELECT count(*) FROM care_unit) || ' ' || (SELECT count(*) FROM listing)
            """)
    }

    @Test func aNewStoreFromAForeignBundleThenTheSameFileAgainChangesNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("new.sqlite").path
        let first = try NaraBinary.run(["import", Self.bundle, Self.ndjson, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Created a new, empty production store at \(store)."))
        #expect(first.stdout.contains("clinic-transaction.json: 32 new, 0 updated, 0 already in the store, 4 patients written"))
        #expect(first.stdout.contains("skipped: 1 × Observation (code not followed)"))
        #expect(first.stdout.contains("flagged: 1 identifiers outside the Swedish systems"))
        #expect(first.stdout.contains("encounters.ndjson: 2 new"))
        #expect(try sqliteShell(store, "SELECT value FROM store_meta WHERE key = 'kind'") == "production")
        let before = try Self.counts(store)
        #expect(before == "4 8 8 0 2 2 1 4 4 3")

        let again = try NaraBinary.run(["import", Self.bundle, "--store", store])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("\(Self.bundle): 0 new, 0 updated, 32 already in the store"))
        #expect(try Self.counts(store) == before)
        // Each patient written got a write row; each import a summary row; the chain holds.
        #expect(try sqliteShell(store, "SELECT count(*) FROM access_log WHERE action = 'write' AND patient_id IS NOT NULL") == "5")
        #expect(try sqliteShell(store, "SELECT count(*) FROM access_log WHERE patient_id IS NULL AND detail LIKE 'import %'") == "3")
        #expect(try NaraBinary.run(["audit", "verify", "--store", store]).status == 0)
    }

    @Test func aBadFileImportsNothingAndSaysWhy() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["import", Self.bundle, "--store", store]).status == 0)
        let before = try Self.counts(store)
        let good = #"{"resourceType":"Patient","id":"ok","identifier":[{"system":"urn:oid:1.2.752.129.2.1.3.1","value":"191212121212"}],"name":[{"family":"Tolvansson","given":["Tolvan"]}]}"#
        let cases: [(String, String)] = [
            (#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":"#, "not valid JSON"),
            (good + "\n" + #"{"resourceType":"Patinet","id":"x"}"#, #"line 2 (Patinet/x): resourceType: "Patinet" is not a FHIR R4 resource type"#),
            (good + "\n" + #"{"resourceType":"Patient","id":"bad","identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"19121212-1213"}],"name":[{"family":"X"}]}"#,
             #"line 2 (Patient/bad): identifier[0].value: "19121212-1213" is not a valid personnummer"#),
            (good + "\n" + #"{"resourceType":"Encounter","id":"e9","status":"finished","subject":{"reference":"Patient/nobody"},"participant":[{"individual":{"reference":"Practitioner/pr-anders"}}],"period":{"start":"2026-10-01T09:00:00+02:00"},"serviceProvider":{"reference":"Organization/SE2321000222-vc17"}}"#,
             "line 2 (Encounter/e9): subject: Patient/nobody is neither in the file nor in the store"),
        ]
        for (i, (text, reason)) in cases.enumerated() {
            let file = folder.appendingPathComponent("bad\(i).ndjson").path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try NaraBinary.run(["import", file, "--store", store])
            #expect(result.status == 1)
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(result.stderr.contains("nothing from this file was imported"))
            #expect(try Self.counts(store) == before, "case \(i)")
        }
        // Tolvan from the good first line of each file was never written.
        #expect(try sqliteShell(store, "SELECT count(*) FROM patient WHERE ident = '191212121212'") == "0")

        // A bad file and no store: no store is made.
        let none = folder.appendingPathComponent("none.sqlite").path
        let bad = folder.appendingPathComponent("bad0.ndjson").path
        #expect(try NaraBinary.run(["import", bad, "--store", none]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: none))
        #expect(try NaraBinary.run(["import", folder.appendingPathComponent("missing.json").path, "--store", none]).status == 1)
    }

    /// Security review L5: a 3 GB file aborted on a failed allocation (exit 134). A file
    /// over the limit is refused from its size, before a byte is read: a sparse file
    /// just over it takes no time and no memory.
    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let big = folder.appendingPathComponent("big.ndjson").path
        let limit = 512 * 1024 * 1024
        #expect(FileManager.default.createFile(atPath: big, contents: Data("{".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(limit + 1))
        try handle.close()
        let started = Date()
        let result = try NaraBinary.run(["import", big, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(limit + 1) bytes or more: larger than the 512 MiB (\(limit) bytes) one import reads"),
                "\(result.stderr)")
        #expect(result.stderr.contains("nothing from this file was imported"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!FileManager.default.fileExists(atPath: store))

        // Devices and folders are not files; a Bundle with two entry lists is broken JSON.
        for path in ["/dev/zero", folder.path] {
            let refused = try NaraBinary.run(["import", path, "--store", store])
            #expect(refused.status == 1 && refused.stderr.contains("cannot be read"), "\(path): \(refused.stderr)")
        }
        let twice = folder.appendingPathComponent("twice.json").path
        let org = #"{"resource":{"resourceType":"Organization","id":"o1","name":"Vårdcentralen Ås"}}"#
        try #"{"resourceType":"Bundle","type":"collection","entry":[\#(org)],"entry":[\#(org)]}"#
            .write(toFile: twice, atomically: true, encoding: .utf8)
        let duplicate = try NaraBinary.run(["import", twice, "--store", store])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains(#"not valid JSON: duplicate member "entry" at line 1, column 137"#),
                "\(duplicate.stderr)")
    }

    @Test func exportThenImportIntoAnEmptyStoreThenExportIsTheSame() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.sqlite").path
        let b = folder.appendingPathComponent("b.sqlite").path
        let patients = ProcessInfo.processInfo.environment["NARA_LONG_TESTS"] == "1" ? "10000" : "1500"
        #expect(try NaraBinary.run(["demo", "--store", a, "--patients", patients, "--years", "1", "--today", "2026-11-20"]).status == 0)
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        let export = try NaraBinary.run(["export", "--store", a, "--out", first])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("Exported \(patients) patients"))
        let imported = try NaraBinary.run(["import", first, "--store", b])
        #expect(imported.status == 0, "\(imported.stderr)")
        let user = try sqliteShell(a, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let again = try NaraBinary.run(["export", "--store", b, "--out", second, "--user", user])
        #expect(again.status == 0, "\(again.stderr)")
        let x = try Data(contentsOf: URL(fileURLWithPath: first)), y = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(x.count > 100_000)
        #expect(x == y)
        // The export holds what the user may see: every patient here is listed at the
        // user's unit, and the municipality's entries need consent the user does not have.
        #expect(try sqliteShell(b, "SELECT count(*) FROM patient") == patients)
        #expect(try Int(sqliteShell(b, "SELECT count(*) FROM encounter"))! <= Int(sqliteShell(a, "SELECT count(*) FROM encounter"))!)
        // Every exported patient has an export row.
        #expect(try sqliteShell(b, "SELECT count(DISTINCT patient_id) FROM access_log WHERE action = 'export'") == patients)
    }

    /// What a table holds, without the store's own row ids, in a stable order.
    static func content(_ store: String) throws -> String {
        try sqliteShell(store, """
            SELECT ident, ident_kind, given_name, family_name, sex, birth_date, street, city, phone, protected FROM patient ORDER BY ident;
            SELECT p.ident, e.at, e.mode, e.planned, e.staff_id, e.unit_id, e.reason FROM encounter e JOIN patient p ON p.id = e.patient_id ORDER BY 1, 2;
            SELECT p.ident, r.state, r.priority, r.from_unit_id, r.to_unit_id, r.question, r.sent_on, r.reply FROM referral r JOIN patient p ON p.id = r.patient_id ORDER BY 1, 6;
            SELECT p.ident, c.role, c.staff_id, c.unit_id, c.reason, c.from_date, c.to_date FROM care_contact c JOIN patient p ON p.id = c.patient_id ORDER BY 1, 2;
            SELECT p.ident, x.code, x.text, x.chronic, x.since FROM problem x JOIN patient p ON p.id = x.patient_id ORDER BY 1, 2;
            SELECT p.ident, l.unit_id, l.from_date, l.to_date FROM listing l JOIN patient p ON p.id = l.patient_id ORDER BY 1, 3;
            SELECT p.ident, d.unit_id, d.admitted_on, d.discharged_on FROM discharge d JOIN patient p ON p.id = d.patient_id ORDER BY 1;
            SELECT p.ident, g.goal, g.agreed_on, g.follow_up_on, g.closed_on FROM coordinated_plan g JOIN patient p ON p.id = g.patient_id ORDER BY 1;
            SELECT p.ident, i.system, i.value FROM patient_identifier i JOIN patient p ON p.id = i.patient_id ORDER BY 1, 2;
            SELECT id, name, profession, unit_id, hsa_id FROM staff ORDER BY id;
            SELECT id, name, principal, kind FROM care_unit ORDER BY id;
            """)
    }

    @Test func aForeignFileExportsBackOutWithTheSameContentAndIds() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.sqlite").path
        let b = folder.appendingPathComponent("b.sqlite").path
        let out = folder.appendingPathComponent("out.json").path
        #expect(try NaraBinary.run(["import", Self.bundle, "--store", a]).status == 0)
        let export = try NaraBinary.run(["export", "--store", a, "--out", out, "--user", "pr-sara"])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        for kept in [#""id":"pat-a""#, #""id":"enc-a1""#, #""value":"E-1000""#, #""value":"MRN-4711""#,
                     #""id":"sr-answered""#.replacingOccurrences(of: "answered", with: "completed"),
                     #""system":"http://electronichealth.se/identifier/samordningsnummer","value":"198503724562""#] {
            #expect(text.contains(kept), "\(kept)")
        }
        // The unlisted patient has no care relationship with Sara's unit: not exported.
        #expect(!text.contains("98240301AA06"))
        let again = try NaraBinary.run(["import", out, "--store", b])
        #expect(again.status == 0, "\(again.stderr)")
        let back = folder.appendingPathComponent("back.json").path
        #expect(try NaraBinary.run(["export", "--store", b, "--out", back, "--user", "pr-sara"]).status == 0)
        #expect(try String(contentsOfFile: back, encoding: .utf8) == text)
        #expect(try !Self.content(b).isEmpty)
    }

    @Test func prettyExportIsTheSameBundleAndTheDefaultPathIsNotAnImportTarget() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["import", Self.bundle, "--store", store]).status == 0)
        let compact = try NaraBinary.run(["export", "--store", store, "--user", "pr-sara"])
        let pretty = try NaraBinary.run(["export", "--store", store, "--user", "pr-sara", "--pretty"])
        #expect(compact.status == 0 && pretty.status == 0)
        #expect(pretty.stdout.contains("\n  \"entry\": ["))
        let a = try JSONSerialization.jsonObject(with: Data(compact.stdout.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty.stdout.utf8)) as? NSDictionary
        #expect(a != nil && a == b)

        // With no --store and no demo store yet, real data is not put where the demo goes.
        let home = folder.appendingPathComponent("home")
        let refused = try NaraBinary.run(["import", Self.bundle], home: home)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--store"))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/nara/demo.sqlite").path))
    }

    @Test func exportOfOnePatientIsLoggedAndNeedsAUserOnAProductionStore() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["import", Self.bundle, "--store", store]).status == 0)
        let noUser = try NaraBinary.run(["export", "--store", store, "--patient", "19420314-2387"])
        #expect(noUser.status == 1)
        #expect(noUser.stderr.contains("--user"))
        let unknown = try NaraBinary.run(["export", "--store", store, "--patient", "19121212-1212", "--user", "pr-sara"])
        #expect(unknown.status == 1 && unknown.stderr.contains("not found"))
        let one = try NaraBinary.run(["export", "--store", store, "--patient", "19420314-2387", "--user", "pr-sara"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains(#""value":"194203142387""#))
        #expect(!one.stdout.contains("198503724562"))
        #expect(one.stdout.contains(#""resourceType":"Task""#))
        let extract = try NaraBinary.run(["audit", "extract", "--patient", "19420314-2387", "--user", "pr-sara",
                                          "--store", store, "--format", "csv"])
        #expect(extract.stdout.contains(",lämnade ut journalen (export),"), "\(extract.stdout)")
        // A deactivated person exports nothing, as they open nothing.
        #expect(try NaraBinary.run(["staff", "deactivate", "--store", store, "--id", "pr-ylva"]).status == 0)
        let inactive = try NaraBinary.run(["export", "--store", store, "--patient", "19420314-2387", "--user", "pr-ylva"])
        #expect(inactive.status == 1 && inactive.stderr.contains("deactivated"), "\(inactive.stderr)")
    }

    /// The fixture with its dates from 2020 on moved by the days between the day it was
    /// written for and today, so its encounters stay inside the 18-month window.
    static func movedToToday(_ folder: URL) throws -> String {
        let written = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                     year: 2026, month: 11, day: 20).date!
        let days = Int(Date().timeIntervalSince(written) / 86_400)
        let text = try String(contentsOfFile: Self.bundle, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "\\b20[2-9][0-9]-[01][0-9]-[0-3][0-9]\\b")
        var out = text
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            guard let day = f.date(from: String(text[range])) else { continue }
            out.replaceSubrange(range, with: f.string(from: day.addingTimeInterval(Double(days) * 86_400)))
        }
        let path = folder.appendingPathComponent("moved.json").path
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importedPatientShowsTheRightContinuityOnScreen() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["import", try Self.movedToToday(folder), "--store", store]).status == 0)
        let t = NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                             arguments: ["--start", "search", "--store", store, "--user", "pr-sara"]))
        _ = try t.waitFor("Sök:")
        try t.type("Lindqvist")
        _ = try t.waitFor("Göran Erik Lindqvist")
        try t.send("Enter")
        // The frame's last rows, not its title: a busy machine may show a frame half drawn.
        let overview = try t.waitFor("Fast vårdkontakt")
        #expect(overview.contains("Fast läkarkontakt  Anders Berglund"))
        #expect(overview.contains("Fast vårdkontakt   Sara Nyström"))
        try t.send("F4")
        _ = try t.waitFor("Fasta kontakter │ Vårdkontakter")
        try t.send("Right", "Right")
        let screen = try t.waitFor("UPC")
        // A A B A C: N=5, UPC 0.60, COC 0.30, SECON 0.25 for all staff.
        #expect(screen.contains("Vårdkontakter (N)          4       1       5"), "\(screen)")
        #expect(screen.contains(" UPC                     0,75       –    0,60"))
        #expect(screen.contains(" COC                     0,50       –    0,30"))
        #expect(screen.contains(" SECON                   0,67       –    0,25"))
    }
}
