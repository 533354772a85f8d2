import Foundation
import Testing
import TmuxTesting

/// `nara import` of a patient already in the store, through the real binary: what a dry
/// run prints, the update itself, a death, and a conflict with a newer record.
@Suite struct ImportUpdateCommandTests {
    /// A Bundle with one Patient: the store's own export of it, changed by `change`.
    static func patientFile(_ store: String, ident: String, folder: URL, name: String,
                            change: (inout [String: Any]) -> Void) throws -> String {
        let out = folder.appendingPathComponent("export-\(name).json").path
        let export = try NaraBinary.run(["export", "--store", store, "--patient", ident, "--out", out, "--force"])
        #expect(export.status == 0, "\(export.stderr)")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let entries = bundle["entry"] as! [[String: Any]]
        var entry = entries.first { ($0["resource"] as! [String: Any])["resourceType"] as? String == "Patient" }!
        var patient = entry["resource"] as! [String: Any]
        change(&patient)
        entry["resource"] = patient
        let file = folder.appendingPathComponent("\(name).json").path
        try JSONSerialization.data(withJSONObject: ["resourceType": "Bundle", "type": "collection", "entry": [entry]])
            .write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test func aDryRunPrintsTheChangesThenTheImportMakesThem() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "200", "--years", "1",
                                    "--today", "2026-11-20"]).status == 0)
        let ident = try sqliteShell(store, """
            SELECT p.ident FROM patient p JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            WHERE p.protected = 0 AND p.phone IS NOT NULL
              AND l.unit_id = (SELECT unit_id FROM staff WHERE id = (SELECT value FROM store_meta WHERE key = 'demo_user'))
            ORDER BY p.id LIMIT 1
            """)
        let oldPhone = try sqliteShell(store, "SELECT phone FROM patient WHERE ident = '\(ident)'")
        let file = try Self.patientFile(store, ident: ident, folder: folder, name: "changed") { p in
            p["telecom"] = [["system": "phone", "value": "019-555 12 34"]]
            p["deceasedDateTime"] = "2026-11-01"
        }
        let log = try sqliteShell(store, "SELECT count(*) FROM access_log WHERE action = 'write'")

        let dry = try NaraBinary.run(["import", "--dry-run", file, "--store", store])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("0 new, 1 updated, 0 already in the store (dry run: nothing written)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("phone: \(oldPhone) → 019-555 12 34"), "\(dry.stdout)")
        #expect(dry.stdout.contains("deceased: alive → deceased 2026-11-01"), "\(dry.stdout)")
        #expect(try sqliteShell(store, "SELECT phone, deceased FROM patient WHERE ident = '\(ident)'") == "\(oldPhone)|0")
        #expect(try sqliteShell(store, "SELECT count(*) FROM access_log WHERE action = 'write'") == log)

        let real = try NaraBinary.run(["import", file, "--store", store])
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("0 new, 1 updated, 0 already in the store, 1 patients written"), "\(real.stdout)")
        #expect(try sqliteShell(store, "SELECT phone, deceased, deceased_on FROM patient WHERE ident = '\(ident)'")
                == "019-555 12 34|1|2026-11-01")
        #expect(try sqliteShell(store, """
            SELECT detail FROM access_log WHERE action = 'write' AND patient_id = (SELECT id FROM patient WHERE ident = '\(ident)')
            ORDER BY id DESC LIMIT 1
            """).hasPrefix("import changed.json: changed phone, deceased ["))
        #expect(try NaraBinary.run(["audit", "verify", "--store", store]).status == 0)

        // A file older than the store's change is held back and said so; exit status 1.
        let old = try Self.patientFile(store, ident: ident, folder: folder, name: "old") { p in
            p["telecom"] = [["system": "phone", "value": "019-000 00 00"]]
            p["meta"] = ["lastUpdated": "2020-01-01T00:00:00Z"]
        }
        let conflict = try NaraBinary.run(["import", old, "--store", store])
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("conflict: the store's record changed at"), "\(conflict.stderr)")
        #expect(conflict.stderr.contains("not overwritten"))
        #expect(try sqliteShell(store, "SELECT phone FROM patient WHERE ident = '\(ident)'") == "019-555 12 34")
    }
}
