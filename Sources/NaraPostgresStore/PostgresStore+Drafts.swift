import Foundation
import NaraDomain
import PostgresNIO

/// Drafts of forms left open by a dropped session, as the SQLite store keeps them
/// (`SQLiteStore`'s DraftRepository): the fields as `FormDraft.storedFields`, one
/// draft per staff member.
/// No access-log row: restoring a draft opens the record through the door, which logs.
extension PostgresStore: DraftStore {
    /// One statement: the staff member's draft is replaced if there is one.
    public func saveDraft(_ draft: FormDraft) throws {
        let json = draft.storedFields
        let savedAt = Int64((draft.savedAt.timeIntervalSince1970 * 1000).rounded())
        try client.query("""
            INSERT INTO nara.form_draft(staff_id, patient_id, screen, form, fields, focus, saved_at_ms)
            VALUES (\(draft.staffId.rawValue), \(draft.patientId?.rawValue), \(CleanText.line(draft.screen)),
                    \(CleanText.line(draft.form)), \(json), \(Int64(max(0, draft.focus))), \(savedAt))
            ON CONFLICT (staff_id) DO UPDATE SET patient_id = excluded.patient_id, screen = excluded.screen,
                form = excluded.form, fields = excluded.fields, focus = excluded.focus,
                saved_at_ms = excluded.saved_at_ms
            """)
    }

    public func draft(for staff: StaffID) throws -> FormDraft? {
        guard let row = try client.query("""
            SELECT patient_id, screen, form, fields, focus, saved_at_ms FROM nara.form_draft
             WHERE staff_id = \(staff.rawValue)
            """).first else { return nil }
        let (patient, screen, form, json, focus, savedAt) =
            try row.decode((Int64?, String, String, String, Int64, Int64).self)
        return FormDraft(staffId: staff, patientId: patient.map { PatientID(rawValue: $0) }, screen: screen,
                         form: form, fields: FormDraft.fields(stored: json), focus: Int(focus),
                         savedAt: Date(timeIntervalSince1970: TimeInterval(savedAt) / 1000))
    }

    public func deleteDraft(for staff: StaffID) throws {
        try client.query("DELETE FROM nara.form_draft WHERE staff_id = \(staff.rawValue)")
    }
}
