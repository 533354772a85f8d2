import Foundation
import GRDB
import NaraDomain

/// Drafts of forms left open by a dropped session. The text is cleaned like any stored
/// text and cut to the longest field a form has; the fields travel as one JSON object.
/// No access-log row: a draft is the user's own unsaved typing, and restoring it opens
/// the record through the door, which logs.
extension SQLiteStore: DraftStore {
    public func saveDraft(_ draft: FormDraft) throws {
        let json = draft.storedFields
        try write { db in
            try db.execute(sql: """
                INSERT INTO form_draft(staff_id, patient_id, screen, form, fields, focus, saved_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET patient_id = excluded.patient_id, screen = excluded.screen,
                    form = excluded.form, fields = excluded.fields, focus = excluded.focus,
                    saved_at_ms = excluded.saved_at_ms
                """, arguments: [draft.staffId.rawValue, draft.patientId?.rawValue, CleanText.line(draft.screen),
                                 CleanText.line(draft.form), json, max(0, draft.focus),
                                 Int64((draft.savedAt.timeIntervalSince1970 * 1000).rounded())])
        }
    }

    public func draft(for staff: StaffID) throws -> FormDraft? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM form_draft WHERE staff_id = ?",
                                             arguments: [staff.rawValue]) else { return nil }
            let json: String = row["fields"]
            let fields = FormDraft.fields(stored: json)
            let patient: Int64? = row["patient_id"]
            let ms: Int64 = row["saved_at_ms"]
            return FormDraft(staffId: staff, patientId: patient.map { PatientID(rawValue: $0) }, screen: row["screen"],
                             form: row["form"], fields: fields, focus: row["focus"],
                             savedAt: Date(timeIntervalSince1970: TimeInterval(ms) / 1000))
        }
    }

    public func deleteDraft(for staff: StaffID) throws {
        try write { db in try db.execute(sql: "DELETE FROM form_draft WHERE staff_id = ?", arguments: [staff.rawValue]) }
    }
}
