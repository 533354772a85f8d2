import Foundation
import Testing

/// A ward's Encounter for a stay going on, imported: an admission notice at the
/// vårdcentral where the patient is listed, on the list `admissions`, found again on the
/// next import.
@Suite struct AdmissionImportCommandTests {
    @Test func aStayGoingOnBecomesAnAdmissionNotice() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--today", "2026-11-20"]).status == 0)
        let user = try sqliteShell(store, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let ident = try sqliteShell(store, """
            SELECT p.ident FROM patient p JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            WHERE p.protected = 0 AND p.deceased = 0 AND l.unit_id = (SELECT unit_id FROM staff WHERE id = '\(user)')
              AND EXISTS (SELECT 1 FROM discharge d WHERE d.patient_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM discharge_notice n WHERE n.patient_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = p.id AND c.role = 'care_contact'
                              AND c.to_date IS NULL)
            ORDER BY p.id LIMIT 1
            """)
        #expect(!ident.isEmpty)
        let out = folder.appendingPathComponent("export.json").path
        #expect(try NaraBinary.run(["export", "--store", store, "--patient", ident, "--out", out, "--force"]).status == 0)
        var bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        var entries = bundle["entry"] as! [[String: Any]]
        func resource(_ e: [String: Any]) -> [String: Any] { e["resource"] as! [String: Any] }
        let patient = try #require(entries.first { resource($0)["resourceType"] as? String == "Patient" })
        let stay = try #require(entries.first { resource($0)["resourceType"] as? String == "Encounter"
            && (resource($0)["class"] as? [String: Any])?["code"] as? String == "IMP" })
        // The patient and the units, as the ward's system would send them with the stay.
        entries = entries.filter { ["Patient", "Organization"].contains(resource($0)["resourceType"] as? String) }
        entries.append(["fullUrl": "Encounter/now-1", "resource": [
            "resourceType": "Encounter", "id": "now-1", "status": "in-progress",
            "class": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"],
            "subject": ["reference": patient["fullUrl"] as! String],
            "period": ["start": "2026-11-18T10:00:00+01:00"],
            "serviceProvider": resource(stay)["serviceProvider"]!,
            "hospitalization": ["admitSource": ["text": "akut"]],
        ] as [String: Any]])
        bundle["entry"] = entries
        let file = folder.appendingPathComponent("admission.json").path
        try JSONSerialization.data(withJSONObject: bundle).write(to: URL(fileURLWithPath: file))

        let first = try NaraBinary.run(["import", file, "--store", store, "--user", user])
        #expect(first.status == 0, "\(first.stderr) \(first.stdout)")
        #expect(try sqliteShell(store, """
            SELECT n.admitted_on, n.discharged_on IS NULL, n.unit_id = l.unit_id, n.recorded_by FROM discharge_notice n
            JOIN patient p ON p.id = n.patient_id JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
            WHERE p.ident = '\(ident)'
            """) == "2026-11-18|1|1|\(user)")
        let again = try NaraBinary.run(["import", file, "--store", store, "--user", user])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try sqliteShell(store, """
            SELECT count(*) FROM discharge_notice WHERE patient_id = (SELECT id FROM patient WHERE ident = '\(ident)')
            """) == "1")
        let list = try NaraBinary.run(["worklist", "admissions", "--store", store, "--today", "2026-11-20",
                                       "--format", "csv", "--limit", "1000"])
        #expect(list.stdout.contains(String(ident.prefix(8)) + "-" + String(ident.suffix(4))))
    }
}
